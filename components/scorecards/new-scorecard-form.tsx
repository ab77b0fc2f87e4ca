"use client";

import { useState } from "react";
import { createScorecardAction } from "@/app/(dashboard)/scorecards/actions";
import type { StartableTemplate } from "@/lib/templates/queries";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectInput, TextInput } from "@/components/ui/field";
import { useSafeAction } from "./use-safe-action";

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
  const [subject, setSubject] = useState(values.subject ?? "current");

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
        <TextInput name="title" label="Title" required defaultValue={values.title} error={errors.title} placeholder="e.g. Broker failure readiness, Q3" className="sm:col-span-2" />
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">Subject</legend>
          <div className="mt-1.5 flex flex-wrap gap-4 text-sm">
            {[
              ["current", "The current platform"],
              ["candidate", "A candidate platform"],
            ].map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="subject" value={value} checked={subject === value} onChange={() => setSubject(value)} className="h-4 w-4 text-brand-600" />
                {label}
              </label>
            ))}
          </div>
          {errors.subject ? <p role="alert" className="mt-1 text-xs font-medium text-red-600">{errors.subject.join(". ")}</p> : null}
        </fieldset>
        {subject === "candidate" ? (
          <TextInput name="candidatePlatform" label="Candidate platform" defaultValue={values.candidatePlatform} error={errors.candidatePlatform} placeholder="e.g. AutoMQ 1.4 on S3 WAL" className="sm:col-span-2" />
        ) : null}
        <SelectInput name="ownerId" label="Owner" defaultValue={values.ownerId ?? me} error={errors.ownerId} options={owners.map((o) => ({ value: o.id, label: o.name }))} />
        <TextInput name="dueDate" type="date" label="Due date" min={today} defaultValue={values.dueDate} error={errors.dueDate} hint="Optional." />
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
