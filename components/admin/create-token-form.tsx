"use client";

import { useActionState, useState } from "react";
import { createTokenAction } from "@/lib/actions/tokens";
import { idleState, type ActionState } from "@/lib/action-state";
import type { CreatedToken } from "@/lib/tokens/mutations";
import { API_SCOPES, SCOPE_DESCRIPTIONS, SCOPE_LABELS, TOKEN_LIFETIMES_DAYS } from "@/lib/tokens/scopes";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Input, TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { DateTime } from "@/components/ui/date-time";
import { Checkbox } from "@/components/ui/checkbox";

/** The new token, shown once, with a copy button. */
function NewToken({ created }: { created: CreatedToken }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-md bg-emerald-50 p-4 text-sm ring-1 ring-inset ring-emerald-200">
      <p className="font-medium text-emerald-900">Token “{created.name}” created. Copy it now: it is shown only this once.</p>
      <div className="flex items-center gap-2">
        <label htmlFor="new-token" className="sr-only">
          New API token
        </label>
        <Input id="new-token" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} mono />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(created.token).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-xs text-emerald-800">
        Expires <DateTime value={created.expiresAt} format="day" />. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
    </div>
  );
}

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<ActionState<CreatedToken>, FormData>(createTokenAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  // after a refused submit, show exactly what was ticked (possibly nothing); "read" on a fresh form
  const chosen = new Set(values ? (values.scopes ?? "").split(", ") : ["read"]);
  return (
    <div className="space-y-4">
      {state.status === "ok" ? <NewToken created={state.data} /> : null}
      <form key={state.status === "ok" ? state.data.id : "form"} action={action} className="space-y-4" noValidate>
        {state.status === "error" ? <Alert>{state.message}</Alert> : null}
        <TextInput
          name="name"
          label="Name"
          required
          maxLength={80}
          placeholder="e.g. chaos-pipeline"
          hint="Say what uses it, so people know what breaks when it is revoked."
          defaultValue={values?.name}
          error={errors.name}
        />
        <fieldset aria-describedby={errors.scopes?.length ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-2 space-y-2">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <Checkbox name="scopes" value={scope} defaultChecked={chosen.has(scope)} className="mt-0.5" />
                <span>
                  <span className="font-medium">{SCOPE_LABELS[scope]}</span> <code className="text-xs text-slate-500">{scope}</code>
                  <span className="block text-xs text-slate-500">{SCOPE_DESCRIPTIONS[scope]}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.scopes?.length ? (
            <p id="scopes-error" role="alert" className="mt-1 text-xs font-medium text-red-600">
              {errors.scopes.join(". ")}
            </p>
          ) : null}
        </fieldset>
        <SelectInput
          name="expiresInDays"
          label="Expires after"
          defaultValue={values?.expiresInDays ?? "90"}
          error={errors.expiresInDays}
          options={TOKEN_LIFETIMES_DAYS.map((d) => ({ value: String(d), label: d === 365 ? "1 year" : `${d} days` }))}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
