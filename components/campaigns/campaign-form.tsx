"use client";

/**
 * Create or edit a campaign. Creating also chooses the clusters: by a portfolio filter
 * (resolved when saved) or by picking. Inputs are controlled so a failed submit keeps what
 * was typed and picked; server field errors appear beside each field.
 */
import { useActionState, useState } from "react";
import { ARCHITECTURES, ARCHITECTURE_SHORT_LABELS, ENVIRONMENTS, ENVIRONMENT_LABELS, OUTCOMES, OUTCOME_LABELS } from "@/lib/domain/constants";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ClusterPicker, type PickedCluster } from "./cluster-picker";

export interface CampaignFormValues {
  id?: string;
  revision?: string;
  name: string;
  targetOutcome: string;
  dueDate: string;
  description: string;
  selectionMode: "filter" | "pick";
  q: string;
  env: string;
  arch: string;
  outcome: string;
  team: string;
}

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

export function CampaignForm({ action, initial, teams, submitLabel, cancelHref }: { action: Action; initial: CampaignFormValues; teams: string[]; submitLabel: string; cancelHref: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  const [values, setValues] = useState(initial);
  const [picked, setPicked] = useState<PickedCluster[]>([]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  // after a conflict the server hands back the current revision, so saving again applies on top
  const revision = state.status === "error" && state.values?.revision ? state.values.revision : initial.revision;
  const editing = Boolean(initial.id);
  const set = (key: keyof CampaignFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  const select = (key: "targetOutcome" | "env" | "arch" | "outcome" | "team", label: string, options: { value: string; label: string }[], any = true) => (
    <Field name={key} label={label} error={errors[key]}>
      {(a11y) => (
        <select name={key} value={values[key]} onChange={set(key)} {...a11y}>
          {any ? <option value="">Any</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form action={formAction} noValidate className="space-y-8">
      {state.status === "error" ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {revision ? <input type="hidden" name="revision" value={revision} /> : null}

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Goal</legend>
        <Field name="name" label="Name" error={errors.name} hint="For example: “Production ready before the Q3 cutover”" className="sm:col-span-2">
          {(a11y) => <input name="name" value={values.name} onChange={set("name")} maxLength={120} {...a11y} />}
        </Field>
        {select("targetOutcome", "Target outcome", opts(OUTCOMES, OUTCOME_LABELS), false)}
        <Field name="dueDate" label="Due date" error={errors.dueDate}>
          {(a11y) => <input type="date" name="dueDate" value={values.dueDate} onChange={set("dueDate")} {...a11y} />}
        </Field>
        <Field name="description" label="Description" error={errors.description} hint="Optional: why this target, and by when." className="sm:col-span-2">
          {(a11y) => <textarea name="description" rows={3} value={values.description} onChange={set("description")} maxLength={2000} {...a11y} />}
        </Field>
      </fieldset>

      {editing ? null : (
        <fieldset className="space-y-4">
          <legend className="mb-3 text-sm font-semibold text-slate-900">Clusters</legend>
          <input type="hidden" name="selectionMode" value={values.selectionMode} />
          <div role="radiogroup" aria-label="How to choose clusters" className="flex flex-wrap gap-6 text-sm">
            {(["filter", "pick"] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-2">
                <input type="radio" name="selectionModeChoice" checked={values.selectionMode === mode} onChange={() => setValues((v) => ({ ...v, selectionMode: mode }))} />
                {mode === "filter" ? "Every cluster matching a filter" : "Pick clusters"}
              </label>
            ))}
          </div>
          {values.selectionMode === "filter" ? (
            <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
              <Field name="q" label="Name, team or region contains" error={errors.q}>
                {(a11y) => <input name="q" value={values.q} onChange={set("q")} maxLength={100} {...a11y} />}
              </Field>
              {select("env", "Environment", opts(ENVIRONMENTS, ENVIRONMENT_LABELS))}
              {select("arch", "Storage", opts(ARCHITECTURES, ARCHITECTURE_SHORT_LABELS))}
              {select("outcome", "Current outcome", [...opts(OUTCOMES, OUTCOME_LABELS), { value: "none", label: "No scorecard yet" }])}
              {select("team", "Owner team", teams.map((t) => ({ value: t, label: t })))}
              <p className="self-end text-xs text-slate-500 lg:col-span-3">The clusters matching when you save become the campaign&apos;s clusters; you can add or remove some later.</p>
            </div>
          ) : (
            <ClusterPicker name="clusterIds" picked={picked} onChange={setPicked} error={errors.clusterIds} />
          )}
        </fieldset>
      )}

      <div className="flex justify-end gap-2 border-t border-slate-200 pt-6">
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
