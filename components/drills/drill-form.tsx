"use client";

import { useActionState, useState, type ComponentProps } from "react";
import { DRILL_SCENARIOS, DRILL_SCENARIO_LABELS, type DrillScenario } from "@/lib/domain/constants";
import { idleState, type ActionState } from "@/lib/action-state";
import type { RecoveryTargetValues } from "@/lib/drills/queries";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConflictComparison } from "@/components/ui/conflict-comparison";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { TextArea } from "@/components/ui/textarea";
import { useTheirValues } from "@/components/ui/use-their-values";
import { CheckboxField } from "@/components/ui/checkbox";
import { DRILL_CHECKBOXES, DRILL_FIELD_LABELS, formatDrillValue, type DrillField } from "./drill-field-labels";
import { targetsToForm, type DrillFormValues } from "./drill-form-values";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

interface Props {
  action: Action;
  initial: DrillFormValues;
  clusterName: string;
  submitLabel: string;
  cancelHref: string;
  /** Cluster recovery targets per scenario; when given, choosing a scenario pre-fills the SLO targets. */
  prefill?: Partial<Record<DrillScenario, RecoveryTargetValues>>;
}

const scenarioOptions = DRILL_SCENARIOS.map((s) => ({ value: s, label: DRILL_SCENARIO_LABELS[s] }));
const Legend = ({ children, hint }: { children: string; hint?: string }) => (
  <legend className="mb-3">
    <span className="text-sm font-semibold text-slate-900">{children}</span>
    {hint ? <span className="mt-0.5 block text-xs font-normal text-slate-500">{hint}</span> : null}
  </legend>
);

/**
 * Create/edit form for a drill; server field errors appear beside each field. A refused edit
 * (someone else saved first) shows their values beside the typed ones, which stay in the form
 * unless the person takes theirs.
 */
export function DrillForm({ action, initial, clusterName, submitLabel, cancelHref, prefill }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  const theirs = useTheirValues(state);
  const { conflict, errors, take } = theirs;
  const echoed = state.status === "error" && state.values ? state.values : null;
  // after a failed submit show what was typed (or taken from the other save); an unticked
  // checkbox is simply absent from what was typed. A conflict's answer carries the new version.
  const typed = echoed ? { ...echoed, ...Object.fromEntries(DRILL_CHECKBOXES.map((k) => [k, echoed[k] ?? ""])) } : null;
  const values: DrillFormValues = { ...initial, ...typed, ...theirs.values };
  const [scenario, setScenario] = useState(values.scenario as DrillScenario);
  const formKey = state.status === "error" ? JSON.stringify(state.fieldErrors) + state.message + theirs.keySuffix : "initial";
  // targets pre-filled by choosing a scenario belong to one rendering of the form; after a
  // failed submit the echoed values (which include them) take over
  const [prefilled, setPrefilled] = useState<{ formKey: string; values: DrillFormValues }>({ formKey, values: {} });
  const targets = prefilled.formKey === formKey ? prefilled.values : {};
  const [rollbackNamed, setRollbackNamed] = useState(values.rollbackNamedBefore === "on");
  const v = (k: string) => targets[k] ?? values[k] ?? "";
  const field = (name: DrillField, extra: Partial<ComponentProps<typeof TextInput>> = {}) => (
    <TextInput
      key={name in targets ? `${name}-${scenario}` : name}
      name={name}
      label={DRILL_FIELD_LABELS[name]}
      defaultValue={v(name)}
      error={errors[name]}
      {...extra}
    />
  );

  const ifNamed = (name: "rollbackPoint" | "rollbackOwner") => (rollbackNamed ? DRILL_FIELD_LABELS[name] : `${DRILL_FIELD_LABELS[name]} (if any)`);

  const takeTheirs = take
    ? () => {
        const picked = take();
        if (picked.scenario) setScenario(picked.scenario as DrillScenario);
        if ("rollbackNamedBefore" in picked) setRollbackNamed(picked.rollbackNamedBefore === "on");
      }
    : undefined;

  function chooseScenario(next: DrillScenario) {
    setScenario(next);
    if (prefill) setPrefilled({ formKey, values: targetsToForm(prefill[next]) });
  }
  const prefillNote = prefill
    ? prefill[scenario]
      ? `Pre-filled from ${clusterName}'s ${DRILL_SCENARIO_LABELS[scenario].toLowerCase()} targets; adjust them for this drill if needed.`
      : `${clusterName} has no ${DRILL_SCENARIO_LABELS[scenario].toLowerCase()} targets yet; set them on the cluster page or enter them here.`
    : "The targets this drill was measured against.";

  return (
    <form key={formKey} action={formAction} noValidate className="space-y-8">
      {/* a conflict's message heads its comparison; any other refusal shows it here */}
      {state.status === "error" && !conflict ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      {conflict ? (
        <ConflictComparison conflict={conflict} message={theirs.message} labels={DRILL_FIELD_LABELS} formatValue={formatDrillValue} onUseTheirs={takeTheirs} />
      ) : null}
      <input type="hidden" name="clusterId" value={values.clusterId} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <Legend hint="Times are UTC.">Drill</Legend>
        {field("title", { required: true, placeholder: "Kill broker 3 during peak replay", className: "sm:col-span-2" })}
        <SelectInput
          name="scenario"
          label={DRILL_FIELD_LABELS.scenario}
          defaultValue={values.scenario}
          error={errors.scenario}
          options={scenarioOptions}
          onChange={(e) => chooseScenario(e.target.value as DrillScenario)}
        />
        {field("startedAt", { type: "datetime-local", step: 1, required: true })}
        {field("endedAt", { type: "datetime-local", step: 1 })}
        {field("trafficProfile", { placeholder: "Peak replay, 50 MB/s in, 150 MB/s out" })}
        <div className="sm:col-span-2 lg:col-span-3">
          <CheckboxField
            name="realisticTraffic"
            label={DRILL_FIELD_LABELS.realisticTraffic}
            defaultChecked={values.realisticTraffic === "on"}
            error={errors.realisticTraffic}
            hint="Only drills under representative load count towards “ready for production test”."
          />
        </div>
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <Legend hint={prefillNote}>SLO targets</Legend>
        {field("producerDeliveryTimeoutMs", { inputMode: "numeric", placeholder: "120000" })}
        {field("targetLeadershipSettledSec", { inputMode: "decimal" })}
        {field("targetProducersStableSec", { inputMode: "decimal" })}
        {field("targetLagRecoveredSec", { inputMode: "decimal" })}
        {field("targetPeakLagRecords", { inputMode: "decimal" })}
        {field("targetProducerErrors", { inputMode: "numeric" })}
        {field("targetUnderReplicated", { inputMode: "numeric" })}
        {field("targetReplicasInSyncSec", { inputMode: "decimal" })}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <Legend hint="The last safe recovery point and who decides to return to it, agreed before the test.">Rollback</Legend>
        <div className="sm:col-span-2 lg:col-span-3">
          <CheckboxField
            name="rollbackNamedBefore"
            label={DRILL_FIELD_LABELS.rollbackNamedBefore}
            defaultChecked={rollbackNamed}
            onChange={(e) => setRollbackNamed(e.target.checked)}
            error={errors.rollbackNamedBefore}
          />
        </div>
        {field("rollbackPoint", {
          label: ifNamed("rollbackPoint"),
          className: "sm:col-span-2",
          placeholder: "Route producers back to the source cluster at offset snapshot 10:00",
        })}
        {field("rollbackOwner", { label: ifNamed("rollbackOwner") })}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <Legend>GameDay</Legend>
        {field("owner")}
        {field("coordinator")}
        {field("observers", { hint: "Comma-separated names" })}
        <TextArea
          name="hypothesis"
          label={DRILL_FIELD_LABELS.hypothesis}
          rows={3}
          defaultValue={v("hypothesis")}
          error={errors.hypothesis}
          className="sm:col-span-2 lg:col-span-3"
          placeholder="Killing one broker moves leadership within 30 s and consumers catch up within 10 minutes."
        />
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <Legend hint="Leave blank what you did not measure; imported metrics can fill some of these later.">Measurements</Legend>
        {field("leadershipSettledSec", { inputMode: "decimal" })}
        {field("producersStableSec", { inputMode: "decimal" })}
        {field("peakConsumerLag", { inputMode: "decimal" })}
        {field("lagRecoveredSec", { inputMode: "decimal" })}
        {field("producerErrorCount", { inputMode: "numeric" })}
        {field("underReplicatedPartitions", { inputMode: "numeric" })}
        {field("recoveryTrafficMBps", { inputMode: "decimal" })}
        {field("replicasInSyncSec", { inputMode: "decimal" })}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <Legend>What happened</Legend>
        <TextArea name="observations" label={DRILL_FIELD_LABELS.observations} defaultValue={v("observations")} error={errors.observations} />
        <TextArea name="conclusion" label={DRILL_FIELD_LABELS.conclusion} defaultValue={v("conclusion")} error={errors.conclusion} />
      </fieldset>

      <div className="flex gap-3 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
