"use client";

import { useActionState, useState } from "react";
import { createDataSourceAction, updateDataSourceAction } from "@/lib/actions/datasources";
import { idleState, type ActionState } from "@/lib/action-state";
import type { DataSourceRow } from "@/lib/prometheus/datasource-queries";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { TextArea } from "@/components/ui/textarea";
import { Checkbox } from "@/components/ui/checkbox";

function Check({ id, name, label, hint, defaultChecked }: { id: string; name: string; label: string; hint?: string; defaultChecked?: boolean }) {
  return (
    <div>
      <div className="flex items-start gap-2.5">
        <Checkbox id={id} name={name} defaultChecked={defaultChecked} className="mt-0.5" aria-describedby={hint ? `${id}-hint` : undefined} />
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 pl-6.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Add or edit a data source. Stored credentials are never sent to the browser: a blank field keeps them. */
export function DataSourceForm({ existing }: { existing?: DataSourceRow }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(existing ? updateDataSourceAction : createDataSourceAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  const v = (k: string, fallback = "") => values?.[k] ?? fallback;
  const [auth, setAuth] = useState(v("authKind", existing?.authKind ?? "none"));
  const p = existing ? `ds-${existing.id}` : "ds-new";
  const keepSecret = existing?.hasSecret ? "Stored — leave blank to keep it" : undefined;
  return (
    <form
      key={state.status === "ok" && !existing ? JSON.stringify(state.data) : "form"}
      action={action}
      noValidate
      className="space-y-4"
      aria-label={existing ? `Edit ${existing.name}` : "Add a data source"}
    >
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      {state.status === "ok" ? <Alert tone="green">{state.message}</Alert> : null}
      {existing ? <input type="hidden" name="id" value={existing.id} /> : null}
      <TextInput
        id={`${p}-name`}
        name="name"
        label="Name"
        required
        maxLength={100}
        defaultValue={v("name", existing?.name)}
        error={errors.name}
        placeholder="prod-prometheus"
      />
      <TextInput
        id={`${p}-baseUrl`}
        name="baseUrl"
        label="Base URL"
        required
        defaultValue={v("baseUrl", existing?.baseUrl)}
        error={errors.baseUrl}
        placeholder="https://prometheus.monitoring:9090"
        hint="http(s) only, without /api/v1. Thanos, Mimir (…/prometheus) and VictoriaMetrics work too."
      />
      <SelectInput
        id={`${p}-authKind`}
        name="authKind"
        label="Authentication"
        value={auth}
        onChange={(e) => setAuth(e.target.value)}
        error={errors.authKind}
        options={[
          { value: "none", label: "None" },
          { value: "bearer", label: "Bearer token" },
          { value: "basic", label: "Basic (user and password)" },
        ]}
      />
      {auth === "basic" ? (
        <TextInput
          id={`${p}-username`}
          name="username"
          label="User name"
          autoComplete="off"
          defaultValue={v("username", existing?.username ?? "")}
          error={errors.username}
        />
      ) : null}
      {auth !== "none" ? (
        <TextInput
          id={`${p}-secret`}
          name="secret"
          type="password"
          autoComplete="new-password"
          label={auth === "bearer" ? "Token" : "Password"}
          placeholder={keepSecret}
          error={errors.secret}
          hint="Encrypted at rest and never shown again."
        />
      ) : null}
      <TextArea
        id={`${p}-headers`}
        name="headers"
        label="Extra headers (optional)"
        rows={2}
        error={errors.headers}
        placeholder={existing?.headerNames.length ? `Stored: ${existing.headerNames.join(", ")} — leave blank to keep` : "X-Scope-OrgID: tenant-a"}
        hint="One Name: value per line (for example a Mimir tenant). Values are encrypted like credentials."
      />
      {existing?.headerNames.length ? <Check id={`${p}-clearHeaders`} name="clearHeaders" label="Remove the stored headers" /> : null}
      <Check
        id={`${p}-tlsSkipVerify`}
        name="tlsSkipVerify"
        label="Skip TLS certificate verification"
        defaultChecked={existing ? !existing.tlsVerify : false}
        hint="Leave off: verification protects the credentials. Prefer a custom CA below."
      />
      <TextArea
        id={`${p}-caPem`}
        name="caPem"
        label="Custom CA (PEM, optional)"
        rows={2}
        defaultValue={v("caPem", existing?.caPem ?? "")}
        error={errors.caPem}
        placeholder="-----BEGIN CERTIFICATE-----"
      />
      <TextInput
        id={`${p}-timeoutSeconds`}
        name="timeoutSeconds"
        label="Timeout per query (s)"
        inputMode="numeric"
        defaultValue={v("timeoutSeconds", String(existing?.timeoutSeconds ?? 15))}
        error={errors.timeoutSeconds}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : existing ? "Save changes" : "Add data source"}
      </Button>
    </form>
  );
}
