"use client";

import { useState } from "react";
import type { FieldErrors } from "@/lib/action-state";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";

export interface DetailValues {
  title?: string;
  subject?: string;
  candidatePlatform?: string;
  ownerId?: string;
  dueDate?: string;
}

interface Props {
  values: DetailValues;
  errors: FieldErrors;
  owners: { id: string; name: string }[];
  today: string;
  /** the subject is fixed once the scorecard was sent to review */
  subjectLocked?: string;
}

const SUBJECT_CHOICES = [
  ["current", "The current platform"],
  ["candidate", "A candidate platform"],
] as const;

/** Title, subject (with the candidate platform), owner and due date: the fields of starting and of editing a scorecard. */
export function ScorecardDetailFields({ values, errors, owners, today, subjectLocked }: Props) {
  const [subject, setSubject] = useState(values.subject ?? "current");
  return (
    <>
      <TextInput
        name="title"
        label="Title"
        required
        defaultValue={values.title}
        error={errors.title}
        placeholder="e.g. Broker failure readiness, Q3"
        className="sm:col-span-2"
      />
      <fieldset className="sm:col-span-2" disabled={!!subjectLocked}>
        <legend className="text-sm font-medium text-slate-700">Subject</legend>
        <div className="mt-1.5 flex flex-wrap gap-4 text-sm">
          {SUBJECT_CHOICES.map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="subject"
                value={value}
                checked={subject === value}
                onChange={() => setSubject(value)}
                className="h-4 w-4 text-brand-600"
              />
              {label}
            </label>
          ))}
        </div>
        {subjectLocked ? <p className="mt-1 text-xs text-slate-500">{subjectLocked}</p> : null}
        {errors.subject ? (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600">
            {errors.subject.join(". ")}
          </p>
        ) : null}
      </fieldset>
      {/* a disabled fieldset sends nothing: the locked subject still has to reach the server */}
      {subjectLocked ? <input type="hidden" name="subject" value={subject} /> : null}
      {subject === "candidate" ? (
        <TextInput
          name="candidatePlatform"
          label="Candidate platform"
          defaultValue={values.candidatePlatform}
          error={errors.candidatePlatform}
          readOnly={!!subjectLocked}
          placeholder="e.g. AutoMQ 1.4 on S3 WAL"
          className="sm:col-span-2"
        />
      ) : null}
      <SelectInput
        name="ownerId"
        label="Owner"
        defaultValue={values.ownerId}
        error={errors.ownerId}
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextInput name="dueDate" type="date" label="Due date" min={today} defaultValue={values.dueDate} error={errors.dueDate} hint="Optional." />
    </>
  );
}
