"use client";

import { useState } from "react";
import { saveItemAction } from "@/lib/actions/scorecards";
import { ITEM_STATUSES, ITEM_STATUS_LABELS } from "@/lib/domain/constants";
import type { ItemValues } from "@/lib/scorecards/schema";
import { Button } from "@/components/ui/button";
import { Markdown } from "@/components/ui/markdown";
import { DateTime } from "@/components/ui/date-time";
import { Select } from "@/components/ui/select";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { formatLongMinutes } from "@/lib/format/dates";
import { OWNER_ROLE_OPTIONS, SHORT_STATUS_LABELS, STATUS_STYLE, ownerRoleLabel } from "./status-meta";
import { SaveIndicator } from "./save-indicator";
import { useItemAutosave } from "./use-item-autosave";

interface Props {
  item: { id: string; title: string; version: number; updatedBy: string | null; updatedAt: string } & ItemValues;
}

const NOTES_VIEWS = [
  { key: "write", label: "Write" },
  { key: "preview", label: "Preview" },
] as const;

/** Status, justification, Markdown notes and owner role of one item, saved as you go. */
export function ItemEditor({ item }: Props) {
  const { id } = item;
  const server = {
    id,
    version: item.version,
    values: { status: item.status, justification: item.justification, notes: item.notes, ownerRole: item.ownerRole },
  };
  const save = useItemAutosave(server, saveItemAction);
  const { values, fieldErrors, conflict } = save;
  const [notesView, setNotesView] = useState<(typeof NOTES_VIEWS)[number]["key"]>("write");
  const justificationError = fieldErrors.justification?.join(". ");

  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Status</legend>
        <div className="flex flex-wrap gap-1.5">
          {ITEM_STATUSES.map((status) => {
            const checked = values.status === status;
            return (
              <label
                key={status}
                title={ITEM_STATUS_LABELS[status]}
                className={`relative cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 ${
                  checked ? STATUS_STYLE[status].checked : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
                }`}
              >
                <input
                  type="radio"
                  name={`status-${id}`}
                  value={status}
                  checked={checked}
                  onChange={() => save.update({ status }, true)}
                  aria-label={ITEM_STATUS_LABELS[status]}
                  className="absolute inset-0 h-full w-full cursor-pointer appearance-none rounded-md opacity-0"
                />
                {SHORT_STATUS_LABELS[status]}
              </label>
            );
          })}
        </div>
        {fieldErrors.status ? (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600">
            {fieldErrors.status.join(". ")}
          </p>
        ) : null}
      </fieldset>

      {values.status === "not_applicable" ? (
        <div>
          <label htmlFor={`justification-${id}`} className="block text-sm font-medium text-slate-700">
            Why it does not apply <span className="text-red-600">*</span>
          </label>
          <Textarea
            id={`justification-${id}`}
            rows={2}
            value={values.justification}
            onChange={(e) => save.update({ justification: e.target.value })}
            aria-invalid={Boolean(justificationError)}
            aria-describedby={justificationError ? `justification-${id}-error` : undefined}
            placeholder="For example: this cluster has no transactional producers."
            className="mt-1"
          />
          {justificationError ? (
            <p id={`justification-${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
              {justificationError}
            </p>
          ) : (
            <p className="mt-1 text-xs text-slate-500">Required: the item is left out of the score only with a reason reviewers can check.</p>
          )}
        </div>
      ) : null}

      <div className="grid gap-4 md:grid-cols-[1fr_12rem]">
        <div>
          <div className="flex items-center justify-between">
            <label htmlFor={`notes-${id}`} className="text-sm font-medium text-slate-700">
              Notes <span className="font-normal text-slate-500">(Markdown)</span>
            </label>
            <Tabs id={`notes-view-${id}`} label="Notes view" tabs={NOTES_VIEWS} value={notesView} onChange={setNotesView} />
          </div>
          <TabPanel id={`notes-view-${id}`} tab="write" value={notesView} className="mt-1">
            <Textarea
              id={`notes-${id}`}
              rows={4}
              value={values.notes}
              onChange={(e) => save.update({ notes: e.target.value })}
              placeholder="What was checked, how, and what the results show. **Bold**, lists and links work."
            />
          </TabPanel>
          <TabPanel id={`notes-view-${id}`} tab="preview" value={notesView} className="mt-1">
            <div className="min-h-[5.5rem] rounded-md bg-slate-50 px-3 py-2 ring-1 ring-inset ring-slate-200">
              {values.notes.trim() ? <Markdown>{values.notes}</Markdown> : <p className="text-sm text-slate-500">Nothing written yet.</p>}
            </div>
          </TabPanel>
          {fieldErrors.notes ? (
            <p role="alert" className="mt-1 text-xs font-medium text-red-600">
              {fieldErrors.notes.join(". ")}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={`owner-${id}`} className="block text-sm font-medium text-slate-700">
            Owner role
          </label>
          <Select id={`owner-${id}`} value={values.ownerRole ?? ""} onChange={(e) => save.update({ ownerRole: e.target.value || null }, true)} className="mt-1">
            {OWNER_ROLE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
            {values.ownerRole && !OWNER_ROLE_OPTIONS.some((o) => o.value === values.ownerRole) ? (
              <option value={values.ownerRole}>{values.ownerRole}</option>
            ) : null}
          </Select>
          <div className="mt-3">
            <SaveIndicator state={save.state} message={save.message} onRetry={save.retry} />
          </div>
          {item.updatedBy ? (
            <p className="mt-2 text-xs text-slate-500">
              Last saved by {item.updatedBy}
              <br />
              <DateTime value={item.updatedAt} format="long-minutes" />
            </p>
          ) : null}
        </div>
      </div>

      {conflict ? (
        <div role="alert" className="rounded-md bg-amber-50 p-4 ring-1 ring-inset ring-amber-300">
          <p className="text-sm font-semibold text-amber-950">{save.message}</p>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <ValuesCard
              heading={`Saved by ${conflict.updatedBy ?? "someone else"} · ${formatLongMinutes(conflict.updatedAt)}`}
              values={conflict}
              testId="theirs"
            />
            <ValuesCard heading="Yours (kept in this browser, not saved)" values={values} testId="mine" />
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="button" onClick={save.reapplyMine}>
              Reapply mine
            </Button>
            <Button type="button" variant="secondary" onClick={save.takeTheirs}>
              Use theirs
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function ValuesCard({ heading, values, testId }: { heading: string; values: ItemValues; testId: string }) {
  return (
    <div data-testid={`conflict-${testId}`} className="rounded-md bg-white p-3 text-sm ring-1 ring-amber-200">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{heading}</p>
      <dl className="mt-2 space-y-1">
        <div className="flex gap-2">
          <dt className="w-24 shrink-0 text-slate-500">Status</dt>
          <dd className="font-medium">{ITEM_STATUS_LABELS[values.status]}</dd>
        </div>
        {values.status === "not_applicable" ? (
          <div className="flex gap-2">
            <dt className="w-24 shrink-0 text-slate-500">Justification</dt>
            <dd className="whitespace-pre-wrap">{values.justification || "—"}</dd>
          </div>
        ) : null}
        <div className="flex gap-2">
          <dt className="w-24 shrink-0 text-slate-500">Owner</dt>
          <dd>{ownerRoleLabel(values.ownerRole)}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="w-24 shrink-0 text-slate-500">Notes</dt>
          <dd className="whitespace-pre-wrap break-words">{values.notes || "—"}</dd>
        </div>
      </dl>
    </div>
  );
}
