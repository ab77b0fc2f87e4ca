"use client";

import { useState } from "react";
import { createScorecardAction } from "@/lib/actions/scorecards";
import type { StartableTemplate } from "@/lib/templates/queries";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { SelectInput } from "@/components/ui/select";
import { useSafeAction } from "@/components/ui/use-safe-action";
import { ScorecardDetailFields } from "./detail-fields";

interface Props {
  clusterId: string;
  templates: StartableTemplate[];
  owners: { id: string; name: string }[];
  me: string;
  today: string;
}

/** Starts a scorecard for this cluster: template, title, subject, owner and due date. */
export function NewScorecardForm({ clusterId, templates, owners, me, today }: Props) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useSafeAction(createScorecardAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};

  if (!open) {
    return (
      <Button type="button" onClick={() => setOpen(true)}>
        New scorecard
      </Button>
    );
  }
  return (
    <form action={action} noValidate aria-label="New scorecard" className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-inset ring-slate-200">
      <input type="hidden" name="clusterId" value={clusterId} />
      {state.status === "error" ? <Alert title={state.message}>{errors._form?.join(". ") || errors.clusterId?.join(". ")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectInput
          name="templateId"
          label="Template"
          defaultValue={values.templateId ?? templates[0]?.id}
          error={errors.templateId}
          options={templates.map((t) => ({ value: t.id, label: `${t.name} (v${t.version}, ${t.itemCount} items)` }))}
          className="sm:col-span-2"
        />
        <ScorecardDetailFields values={{ ...values, ownerId: values.ownerId ?? me }} errors={errors} owners={owners} today={today} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Start scorecard"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
