"use client";

import { EVIDENCE_KINDS, type EvidenceKind } from "@/lib/domain/constants";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/schema";
import type { TemplateItemDocument } from "@/lib/templates/schema";
import { OWNER_ROLE_OPTIONS } from "@/components/scorecards/status-meta";
import type { FieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { fieldId } from "./editor-model";
import { Checkbox } from "@/components/ui/checkbox";

type Errors = Record<string, string[]>;

/** A labelled control wired to its error (by the error's path); the editor's controls are dense (`density="sm"`). */
export function EditorField({
  path,
  label,
  errors,
  children,
  className = "",
}: {
  path: string;
  label: string;
  errors: Errors;
  children: (control: FieldControlProps) => React.ReactNode;
  className?: string;
}) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{children({ id, "aria-invalid": Boolean(error), "aria-describedby": error ? `${id}-error` : undefined })}</div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
          {error.join(". ")}
        </p>
      ) : null}
    </div>
  );
}

/** Every field of one template item. */
export function EditorItem({
  item,
  path,
  errors,
  onChange,
}: {
  item: TemplateItemDocument;
  path: string;
  errors: Errors;
  onChange: (next: TemplateItemDocument) => void;
}) {
  const set = (patch: Partial<TemplateItemDocument>) => onChange({ ...item, ...patch });
  const toggleKind = (kind: EvidenceKind) =>
    set({
      evidenceKinds: item.evidenceKinds.includes(kind)
        ? item.evidenceKinds.filter((k) => k !== kind)
        : EVIDENCE_KINDS.filter((k) => k === kind || item.evidenceKinds.includes(k)),
    });
  const kindsError = errors[`${path}.evidenceKinds`] ?? Object.entries(errors).find(([p]) => p.startsWith(`${path}.evidenceKinds[`))?.[1];
  return (
    <div className="grid gap-3 sm:grid-cols-6">
      <EditorField path={`${path}.title`} label="Title" errors={errors} className="sm:col-span-4">
        {(a) => <Input {...a} density="sm" value={item.title} onChange={(e) => set({ title: e.target.value })} />}
      </EditorField>
      <EditorField path={`${path}.key`} label="Key" errors={errors} className="sm:col-span-2">
        {(a) => <Input {...a} density="sm" value={item.key} onChange={(e) => set({ key: e.target.value })} className="font-mono" />}
      </EditorField>
      <EditorField path={`${path}.evidenceToCollect`} label="Evidence to collect" errors={errors} className="sm:col-span-3">
        {(a) => <Textarea {...a} density="sm" rows={3} value={item.evidenceToCollect} onChange={(e) => set({ evidenceToCollect: e.target.value })} />}
      </EditorField>
      <EditorField path={`${path}.whyItMatters`} label="Why it matters" errors={errors} className="sm:col-span-3">
        {(a) => <Textarea {...a} density="sm" rows={3} value={item.whyItMatters} onChange={(e) => set({ whyItMatters: e.target.value })} />}
      </EditorField>
      <div className="flex items-end pb-1.5 sm:col-span-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <Checkbox checked={item.blocking} onChange={(e) => set({ blocking: e.target.checked })} />
          Blocking
        </label>
      </div>
      <EditorField path={`${path}.weight`} label="Weight" errors={errors} className="sm:col-span-1">
        {(a) => (
          <Input
            {...a}
            density="sm"
            type="number"
            min={0.5}
            max={10}
            step={0.5}
            value={Number.isFinite(item.weight) ? item.weight : ""}
            onChange={(e) => set({ weight: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
          />
        )}
      </EditorField>
      <EditorField path={`${path}.defaultOwnerRole`} label="Owner role" errors={errors} className="sm:col-span-2">
        {(a) => (
          <Select {...a} density="sm" value={item.defaultOwnerRole ?? ""} onChange={(e) => set({ defaultOwnerRole: e.target.value || undefined })}>
            {OWNER_ROLE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </EditorField>
      <EditorField path={`${path}.role`} label="Outcome rule" errors={errors} className="sm:col-span-2">
        {(a) => (
          <Select {...a} density="sm" value={item.role ?? ""} onChange={(e) => set({ role: (e.target.value || null) as TemplateItemDocument["role"] })}>
            <option value="">None</option>
            <option value="failure_drill">The failure drill (always blocking)</option>
            <option value="rollback">The rollback (always blocking)</option>
          </Select>
        )}
      </EditorField>
      <fieldset className="sm:col-span-6">
        <legend className="text-xs font-medium text-slate-700">Evidence that counts</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {EVIDENCE_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-1.5 text-sm text-slate-700">
              <Checkbox checked={item.evidenceKinds.includes(kind)} onChange={() => toggleKind(kind)} />
              {EVIDENCE_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
        {kindsError ? (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600">
            {kindsError.join(". ")}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
