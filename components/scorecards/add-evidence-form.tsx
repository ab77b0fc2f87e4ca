"use client";

import { useState } from "react";
import { addEvidenceAction } from "@/lib/actions/evidence";
import type { EvidenceKind } from "@/lib/domain/constants";
import Link from "next/link";
import { acceptedKindsExplanation } from "@/lib/evidence/accepted-kinds";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/schema";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, formatFileSize } from "@/lib/evidence/file-type";
import type { DrillOption } from "@/lib/evidence/queries";
import { DRILL_SCENARIO_LABELS, type DrillScenario } from "@/lib/domain/constants";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FileInput, TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { TextArea } from "@/components/ui/textarea";
import { DateTime } from "@/components/ui/date-time";
import { formatLongDay } from "@/lib/format/dates";
import { useSafeAction } from "@/components/ui/use-safe-action";
import { Checkbox } from "@/components/ui/checkbox";

interface Props {
  itemId: string;
  clusterId: string;
  itemTitle: string;
  kinds: EvidenceKind[];
  drills: DrillOption[];
  maxBytes: number;
  today: string;
}

const HINTS: Record<EvidenceKind, string> = {
  link: "A dashboard, runbook, ticket or document others can open.",
  note: "A written observation, in Markdown.",
  file: `Up to the size limit; ${ALLOWED_TYPES_TEXT}.`,
  drill: "A drill recorded for this cluster.",
  metric_export: "Exported metrics as a file (CSV, JSON…) or a link to the query.",
  kafka_snapshot: "Attach a Kafka snapshot from the snapshot's own page.",
  metric_check: "Kept fresh by a continuous check on the cluster page.",
};

/** Attaches a link, note, file, drill or metric export to an item, offering only the kinds it accepts. */
export function AddEvidenceForm(props: Props) {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState(0);
  if (!open) {
    return (
      <div className="flex items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => setOpen(true)} aria-label={`Add evidence to ${props.itemTitle}`}>
          <span aria-hidden>+</span> Add evidence
        </Button>
        {added > 0 ? (
          <p role="status" className="text-xs font-medium text-emerald-700">
            Evidence added.
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <EvidenceFields
      key={added}
      {...props}
      onDone={() => {
        setAdded((n) => n + 1);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}

function EvidenceFields({
  itemId,
  clusterId,
  itemTitle,
  kinds: accepted,
  drills,
  maxBytes,
  today,
  onDone,
  onCancel,
}: Props & { onDone: () => void; onCancel: () => void }) {
  // a Kafka snapshot is attached from the snapshot's page, not typed in here
  // snapshots and checks are attached by Drillbook itself, never typed in here
  const kinds = accepted.filter((k) => k !== "kafka_snapshot" && k !== "metric_check");
  const [kind, setKind] = useState<EvidenceKind>(kinds[0]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [state, formAction, pending] = useSafeAction(async (prev, formData) => {
    const result = await addEvidenceAction(prev, formData);
    if (result.status === "ok") onDone();
    return result;
  });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const field = (name: string) => `${name}-${itemId}`;
  const [drillId, setDrillId] = useState(values.drillId ?? drills[0]?.id ?? "");
  const citedDrill = drills.find((d) => d.id === drillId);
  const drillOptions = drills.map((d) => ({
    value: d.id,
    label: `${d.title} · ${DRILL_SCENARIO_LABELS[d.scenario as DrillScenario] ?? d.scenario} · ${formatLongDay(d.startedAt)}${d.realisticTraffic ? " · realistic traffic" : ""}`,
  }));

  function checkSize(event: React.FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > maxBytes) {
      event.preventDefault();
      setFileError(`The file is ${formatFileSize(file.size)}; the limit is ${formatFileSize(maxBytes)}`);
    } else {
      setFileError(null);
    }
  }

  const fileErrors = fileError ? [fileError] : errors.file;
  return (
    <form
      action={formAction}
      onSubmit={checkSize}
      noValidate
      className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-inset ring-slate-200"
      aria-label={`Add evidence to ${itemTitle}`}
    >
      <input type="hidden" name="itemId" value={itemId} />
      {state.status === "error" ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      <fieldset aria-describedby={field("kinds-why")}>
        <legend className="text-sm font-medium text-slate-700">Kind of evidence</legend>
        <p id={field("kinds-why")} className="mt-0.5 text-xs text-slate-600">
          {acceptedKindsExplanation(kinds)}
        </p>
        <div className="mt-1.5 flex flex-wrap gap-1.5">
          {kinds.map((k) => (
            <label
              key={k}
              className={`relative cursor-pointer rounded-md px-3 py-1.5 text-sm ring-1 ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${kind === k ? "bg-brand-600 font-medium text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300"}`}
            >
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                className="absolute inset-0 h-full w-full cursor-pointer appearance-none opacity-0"
              />
              {EVIDENCE_KIND_LABELS[k]}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">{HINTS[kind]}</p>
        {errors.kind ? (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600">
            {errors.kind.join(". ")}
          </p>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput
          name="title"
          id={field("title")}
          label={kind === "file" || kind === "drill" ? "Title (optional)" : "Title"}
          defaultValue={values.title}
          error={errors.title}
          className="sm:col-span-2"
          placeholder={kind === "file" ? "Defaults to the file name" : kind === "drill" ? "Defaults to the drill's title" : ""}
        />
        {kind === "link" || kind === "metric_export" ? (
          <TextInput
            name="url"
            id={field("url")}
            type="url"
            label={kind === "link" ? "Address (URL)" : "Link to the metrics (or upload a file)"}
            defaultValue={values.url}
            error={errors.url}
            placeholder="https://"
            className="sm:col-span-2"
          />
        ) : null}
        {kind === "note" ? (
          <TextArea name="body" id={field("body")} label="Note (Markdown)" defaultValue={values.body} error={errors.body} className="sm:col-span-2" />
        ) : null}
        {kind === "file" || kind === "metric_export" ? (
          <div className="sm:col-span-2">
            <label htmlFor={field("file")} className="block text-sm font-medium text-slate-700">
              {kind === "file" ? "File to upload" : "Metrics file"}
            </label>
            <FileInput
              id={field("file")}
              name="file"
              accept={ACCEPT_ATTRIBUTE}
              aria-invalid={Boolean(fileErrors?.length)}
              aria-describedby={`${field("file")}-hint`}
              className="mt-1 w-full"
            />
            <p id={`${field("file")}-hint`} className="mt-1 text-xs text-slate-500">
              At most {formatFileSize(maxBytes)}. {ALLOWED_TYPES_TEXT}. The file type is checked from its content.
            </p>
            {fileErrors?.length ? (
              <p role="alert" className="mt-1 text-xs font-medium text-red-600">
                {fileErrors.join(". ")}
              </p>
            ) : null}
          </div>
        ) : null}
        {kind === "drill" ? (
          drills.length ? (
            <SelectInput
              name="drillId"
              id={field("drillId")}
              label="Drill"
              value={drillId}
              onChange={(e) => setDrillId(e.target.value)}
              error={errors.drillId}
              options={drillOptions}
              className="sm:col-span-2"
            />
          ) : (
            <p className="text-sm text-slate-700 sm:col-span-2">
              No drill is recorded for this cluster yet.{" "}
              <Link href={`/drills/new?cluster=${clusterId}`} className="font-medium text-brand-700 underline">
                Record a drill
              </Link>
              , then come back to cite it here.
            </p>
          )
        ) : null}
        {kind === "drill" ? (
          // evidence citing a drill is as old as the drill: its date is not a choice
          <div>
            <p className="block text-sm font-medium text-slate-700">Captured on</p>
            <p className="mt-1 text-sm text-slate-900" data-testid="drill-captured-on">
              {citedDrill ? <DateTime value={citedDrill.startedAt} format="long-day" /> : "—"} <span className="text-slate-600">(the drill&apos;s start)</span>
            </p>
          </div>
        ) : (
          <TextInput
            key={kind === "metric_export" ? "export-day" : "day"}
            name="capturedAt"
            id={field("capturedAt")}
            type="date"
            label="Captured on"
            hint={kind === "metric_export" ? "Leave empty for an uploaded CSV or Prometheus export: it is dated by its newest sample." : undefined}
            defaultValue={values.capturedAt ?? (kind === "metric_export" ? "" : today)}
            max={today}
            error={errors.capturedAt}
          />
        )}
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <Checkbox name="realisticTraffic" defaultChecked={values.realisticTraffic === "on"} />
          Gathered under realistic traffic
        </label>
      </div>
      <div className="flex flex-wrap gap-2">
        {kind === "drill" && drills.length === 0 ? null : (
          <Button type="submit" disabled={pending}>
            {pending ? (kind === "file" ? "Uploading…" : "Adding…") : "Add evidence"}
          </Button>
        )}
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
