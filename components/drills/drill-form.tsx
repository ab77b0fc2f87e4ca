"use client";

import { useActionState, useState, type ComponentProps } from "react";
import { DRILL_SCENARIOS, DRILL_SCENARIO_LABELS, type DrillScenario } from "@/lib/domain/constants";
import { idleState, type ActionState } from "@/lib/action-state";
import type { RecoveryTargetValues } from "@/lib/drills/queries";
import { MEASUREMENTS } from "@/lib/drills/rules";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectInput, TextArea, TextInput } from "@/components/ui/field";
import { CheckboxField } from "./checkbox-field";
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

const CHECKBOXES = ["realisticTraffic", "rollbackNamedBefore"];
const scenarioOptions = DRILL_SCENARIOS.map((s) => ({ value: s, label: DRILL_SCENARIO_LABELS[s] }));
const Legend = ({ children, hint }: { children: string; hint?: string }) => (
  <legend className="mb-3">
    <span className="text-sm font-semibold text-slate-900">{children}</span>
    {hint ? <span className="mt-0.5 block text-xs font-normal text-slate-500">{hint}</span> : null}
  </legend>
);

/** Create/edit form for a drill; server field errors appear beside each field. */
export function DrillForm({ action, initial, clusterName, submitLabel, cancelHref, prefill }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const echoed = state.status === "error" && state.values ? state.values : null;
  // after a failed submit show what was typed; an unticked checkbox is simply absent from it
  const values: DrillFormValues = echoed ? { ...initial, ...echoed, ...Object.fromEntries(CHECKBOXES.map((k) => [k, echoed[k] ?? ""])) } : initial;
  const [scenario, setScenario] = useState(values.scenario as DrillScenario);
  const formKey = state.status === "error" ? JSON.stringify(state.fieldErrors) + state.message : "initial";
  // targets pre-filled by choosing a scenario belong to one rendering of the form; after a
  // failed submit the echoed values (which include them) take over
  const [prefilled, setPrefilled] = useState<{ formKey: string; values: DrillFormValues }>({ formKey, values: {} });
  const targets = prefilled.formKey === formKey ? prefilled.values : {};
  const [rollbackNamed, setRollbackNamed] = useState(values.rollbackNamedBefore === "on");
  const v = (k: string) => targets[k] ?? values[k] ?? "";
  const field = (name: string, label: string, extra: Partial<ComponentProps<typeof TextInput>> = {}) => (
    <TextInput key={name in targets ? `${name}-${scenario}` : name} name={name} label={label} defaultValue={v(name)} error={errors[name]} {...extra} />
  );

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
      {state.status === "error" ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      <input type="hidden" name="clusterId" value={values.clusterId} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <Legend hint="Times are UTC.">Drill</Legend>
        {field("title", "Title", { required: true, placeholder: "Kill broker 3 during peak replay", className: "sm:col-span-2" })}
        <SelectInput name="scenario" label="Scenario" defaultValue={values.scenario} error={errors.scenario} options={scenarioOptions} onChange={(e) => chooseScenario(e.target.value as DrillScenario)} />
        {field("startedAt", "Started (UTC)", { type: "datetime-local", step: 1, required: true })}
        {field("endedAt", "Ended (UTC)", { type: "datetime-local", step: 1 })}
        {field("trafficProfile", "Traffic profile", { placeholder: "Peak replay, 50 MB/s in, 150 MB/s out" })}
        <div className="sm:col-span-2 lg:col-span-3">
          <CheckboxField name="realisticTraffic" label="Run under realistic traffic" defaultChecked={values.realisticTraffic === "on"} error={errors.realisticTraffic} hint="Only drills under representative load count towards “ready for production test”." />
        </div>
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <Legend hint={prefillNote}>SLO targets</Legend>
        {field("producerDeliveryTimeoutMs", "Producer delivery timeout (ms)", { inputMode: "numeric", placeholder: "120000" })}
        {field("targetLeadershipSettledSec", "Leadership settled within (s)", { inputMode: "decimal" })}
        {field("targetProducersStableSec", "Producers stable within (s)", { inputMode: "decimal" })}
        {field("targetLagRecoveredSec", "Consumer lag recovered within (s)", { inputMode: "decimal" })}
        {field("targetPeakLagRecords", "Peak consumer lag at most (records)", { inputMode: "decimal" })}
        {field("targetProducerErrors", "Producer errors at most", { inputMode: "numeric" })}
        {field("targetUnderReplicated", "Under-replicated partitions at most", { inputMode: "numeric" })}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <Legend hint="The last safe recovery point and who decides to return to it, agreed before the test.">Rollback</Legend>
        <div className="sm:col-span-2 lg:col-span-3">
          <CheckboxField name="rollbackNamedBefore" label="Rollback point and owner were named before the test" defaultChecked={rollbackNamed} onChange={(e) => setRollbackNamed(e.target.checked)} error={errors.rollbackNamedBefore} />
        </div>
        {field("rollbackPoint", rollbackNamed ? "Rollback point" : "Rollback point (if any)", { className: "sm:col-span-2", placeholder: "Route producers back to the source cluster at offset snapshot 10:00" })}
        {field("rollbackOwner", rollbackNamed ? "Rollback owner" : "Rollback owner (if any)")}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <Legend>GameDay</Legend>
        {field("owner", "Drill owner")}
        {field("coordinator", "Coordinator")}
        {field("observers", "Observers", { hint: "Comma-separated names" })}
        <TextArea name="hypothesis" label="Hypothesis" rows={3} defaultValue={v("hypothesis")} error={errors.hypothesis} className="sm:col-span-2 lg:col-span-3" placeholder="Killing one broker moves leadership within 30 s and consumers catch up within 10 minutes." />
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <Legend hint="Leave blank what you did not measure; imported metrics can fill some of these later.">Measurements</Legend>
        {field("leadershipSettledSec", `${MEASUREMENTS.leadershipSettledSec.label} (s)`, { inputMode: "decimal" })}
        {field("producersStableSec", `${MEASUREMENTS.producersStableSec.label} (s)`, { inputMode: "decimal" })}
        {field("peakConsumerLag", `${MEASUREMENTS.peakConsumerLag.label} (records)`, { inputMode: "decimal" })}
        {field("lagRecoveredSec", `${MEASUREMENTS.lagRecoveredSec.label} (s)`, { inputMode: "decimal" })}
        {field("producerErrorCount", MEASUREMENTS.producerErrorCount.label, { inputMode: "numeric" })}
        {field("underReplicatedPartitions", MEASUREMENTS.underReplicatedPartitions.label, { inputMode: "numeric" })}
        {field("recoveryTrafficMBps", `${MEASUREMENTS.recoveryTrafficMBps.label} (MB/s)`, { inputMode: "decimal" })}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <Legend>What happened</Legend>
        <TextArea name="observations" label="Observations" defaultValue={v("observations")} error={errors.observations} />
        <TextArea name="conclusion" label="Conclusion" defaultValue={v("conclusion")} error={errors.conclusion} />
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
