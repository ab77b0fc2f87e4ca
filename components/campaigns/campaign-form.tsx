"use client";

/**
 * Create or edit a campaign. Creating also chooses the clusters: by a portfolio filter
 * (resolved when saved) or by picking. Inputs are controlled so a failed submit keeps what
 * was typed and picked; server field errors appear beside each field.
 */
import { useActionState, useState } from "react";
import { ARCHITECTURES, ARCHITECTURE_SHORT_LABELS, ENVIRONMENTS, ENVIRONMENT_LABELS, OUTCOMES, OUTCOME_LABELS, type Outcome } from "@/lib/domain/constants";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConflictComparison } from "@/components/ui/conflict-comparison";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useTheirValues } from "@/components/ui/use-their-values";
import { ClusterPicker, type PickedCluster } from "./cluster-picker";

export interface CampaignFormValues {
  id?: string;
  revision?: string;
  name: string;
  targetOutcome: string;
  /** "" for every assessment */
  templateKey: string;
  dueDate: string;
  description: string;
  selectionMode: "filter" | "pick";
  q: string;
  env: string;
  arch: string;
  outcome: string;
  team: string;
}

type LabelledField = "name" | "targetOutcome" | "templateKey" | "dueDate" | "description" | "q" | "env" | "arch" | "outcome" | "team";

/** What each campaign field is called: the label of its input and its row in a conflict comparison. */
const CAMPAIGN_FIELD_LABELS: Record<LabelledField, string> = {
  name: "Name",
  targetOutcome: "Target outcome",
  templateKey: "For",
  dueDate: "Due date",
  description: "Description",
  q: "Name, team or region contains",
  env: "Environment",
  arch: "Storage",
  outcome: "Current outcome",
  team: "Owner team",
};

const EVERY_ASSESSMENT = "Every assessment (the cluster's readiness)";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

export function CampaignForm({
  action,
  initial,
  teams,
  templates,
  submitLabel,
  cancelHref,
}: {
  action: Action;
  initial: CampaignFormValues;
  teams: string[];
  /** the assessments a campaign can target (template key and name) */
  templates: { key: string; name: string }[];
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  const [values, setValues] = useState(initial);
  const [picked, setPicked] = useState<PickedCluster[]>([]);
  const theirs = useTheirValues(state);
  const { conflict, errors, take } = theirs;
  // after a conflict the server hands back the current revision, so saving again applies on top
  const revision = state.status === "error" && state.values?.revision ? state.values.revision : initial.revision;
  const editing = Boolean(initial.id);
  const set = (key: keyof CampaignFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const formatValue = (field: string, value: string) => {
    if (field === "targetOutcome") return OUTCOME_LABELS[value as Outcome] ?? value;
    if (field === "templateKey") return value ? (templates.find((t) => t.key === value)?.name ?? value) : EVERY_ASSESSMENT;
    return value;
  };
  // the inputs hold their values in state, so taking theirs sets them there
  const takeTheirs = take
    ? () => {
        const picked = take();
        setValues((v) => ({ ...v, ...picked }));
      }
    : undefined;

  const select = (
    key: "targetOutcome" | "templateKey" | "env" | "arch" | "outcome" | "team",
    options: { value: string; label: string }[],
    any: boolean | string = true,
    hint?: string,
  ) => (
    <Field name={key} label={CAMPAIGN_FIELD_LABELS[key]} error={errors[key]} hint={hint}>
      {(a11y) => (
        <Select name={key} value={values[key]} onChange={set(key)} {...a11y}>
          {any ? <option value="">{any === true ? "Any" : any}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );

  return (
    <form action={formAction} noValidate className="space-y-8">
      {/* a conflict's message heads its comparison; any other refusal shows it here */}
      {state.status === "error" && !conflict ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      {conflict ? (
        <ConflictComparison conflict={conflict} message={theirs.message} labels={CAMPAIGN_FIELD_LABELS} formatValue={formatValue} onUseTheirs={takeTheirs} />
      ) : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {revision ? <input type="hidden" name="revision" value={revision} /> : null}

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Goal</legend>
        <Field
          name="name"
          label={CAMPAIGN_FIELD_LABELS.name}
          error={errors.name}
          hint="For example: “Production ready before the Q3 cutover”"
          className="sm:col-span-2"
        >
          {(a11y) => <Input name="name" value={values.name} onChange={set("name")} maxLength={120} {...a11y} />}
        </Field>
        {select("targetOutcome", opts(OUTCOMES, OUTCOME_LABELS), false)}
        {select(
          "templateKey",
          templates.map((t) => ({ value: t.key, label: t.name })),
          EVERY_ASSESSMENT,
          "A cluster counts when this assessment's current scorecard reaches the target; for every assessment, its weakest one must.",
        )}
        <Field name="dueDate" label={CAMPAIGN_FIELD_LABELS.dueDate} error={errors.dueDate}>
          {(a11y) => <Input type="date" name="dueDate" value={values.dueDate} onChange={set("dueDate")} {...a11y} />}
        </Field>
        <Field
          name="description"
          label={CAMPAIGN_FIELD_LABELS.description}
          error={errors.description}
          hint="Optional: why this target, and by when."
          className="sm:col-span-2"
        >
          {(a11y) => <Textarea name="description" rows={3} value={values.description} onChange={set("description")} maxLength={2000} {...a11y} />}
        </Field>
      </fieldset>

      {editing ? null : (
        <fieldset className="space-y-4">
          <legend className="mb-3 text-sm font-semibold text-slate-900">Clusters</legend>
          <input type="hidden" name="selectionMode" value={values.selectionMode} />
          <div role="radiogroup" aria-label="How to choose clusters" className="flex flex-wrap gap-6 text-sm">
            {(["filter", "pick"] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="selectionModeChoice"
                  checked={values.selectionMode === mode}
                  onChange={() => setValues((v) => ({ ...v, selectionMode: mode }))}
                />
                {mode === "filter" ? "Every cluster matching a filter" : "Pick clusters"}
              </label>
            ))}
          </div>
          {values.selectionMode === "filter" ? (
            <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
              <Field name="q" label={CAMPAIGN_FIELD_LABELS.q} error={errors.q}>
                {(a11y) => <Input name="q" value={values.q} onChange={set("q")} maxLength={100} {...a11y} />}
              </Field>
              {select("env", opts(ENVIRONMENTS, ENVIRONMENT_LABELS))}
              {select("arch", opts(ARCHITECTURES, ARCHITECTURE_SHORT_LABELS))}
              {select("outcome", [...opts(OUTCOMES, OUTCOME_LABELS), { value: "none", label: "No scorecard yet" }])}
              {select(
                "team",
                teams.map((t) => ({ value: t, label: t })),
              )}
              <p className="self-end text-xs text-slate-500 lg:col-span-3">
                The clusters matching when you save become the campaign&apos;s clusters; you can add or remove some later.
              </p>
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
