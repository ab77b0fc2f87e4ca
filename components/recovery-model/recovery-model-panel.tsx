"use client";

/**
 * The interactive recovery model: changing the throttle, NIC capacity, cross-zone price or
 * rack awareness recomputes both estimates instantly in the browser (pure functions from
 * lib/recovery-model/rules.ts); editors can keep the knobs as the cluster's defaults.
 */
import { useActionState, useState } from "react";
import { saveRecoverySettingsAction } from "@/lib/actions/recovery-model";
import { idleState, type ActionState } from "@/lib/action-state";
import type { MeasuredDrill, RecoveryModelCluster } from "@/lib/recovery-model/queries";
import { estimateForArchitecture, estimateRecovery, recoveryModelInputSchema, type RecoveryModelInput } from "@/lib/recovery-model/rules";
import { ARCHITECTURE_SHORT_LABELS } from "@/lib/domain/constants";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConflictComparison } from "@/components/ui/conflict-comparison";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useTheirValues } from "@/components/ui/use-their-values";
import { DrillComparison } from "./drill-comparison";
import { EstimateColumn } from "./estimate-column";
import { Checkbox } from "@/components/ui/checkbox";

type Knob = "reassignmentThrottleMBps" | "brokerNetworkMBps" | "crossZonePricePerGb";
const KNOBS: { key: Knob; label: string; hint: string; step: string }[] = [
  { key: "reassignmentThrottleMBps", label: "Reassignment throttle (MB/s)", hint: "Copy rate while a broker is rebuilt", step: "10" },
  { key: "brokerNetworkMBps", label: "Broker network capacity (MB/s)", hint: "10 Gbit/s ≈ 1250 MB/s", step: "50" },
  { key: "crossZonePricePerGb", label: "Cross-zone price ($/GB)", hint: "Both directions, e.g. 0.02", step: "0.005" },
];
/** Each knob's label, also its row in a conflict comparison. */
const KNOB_LABELS: Record<string, string> = Object.fromEntries(KNOBS.map((k) => [k.key, k.label]));
const isKnob = (key: string): key is Knob => KNOBS.some((k) => k.key === key);

function parse(cluster: RecoveryModelCluster, knobs: Record<Knob, string>, rackAware: boolean) {
  return recoveryModelInputSchema.safeParse({ ...cluster, ...knobs, rackAware });
}

export function RecoveryModelPanel({ cluster, drills, canWrite }: { cluster: RecoveryModelCluster; drills: MeasuredDrill[]; canWrite: boolean }) {
  const [knobs, setKnobs] = useState<Record<Knob, string>>({
    reassignmentThrottleMBps: String(cluster.reassignmentThrottleMBps),
    brokerNetworkMBps: String(cluster.brokerNetworkMBps),
    crossZonePricePerGb: String(cluster.crossZonePricePerGb),
  });
  const [rackAware, setRackAware] = useState(false);
  const first = parse(cluster, knobs, false);
  // keep showing the last valid estimate while a knob holds something unusable (e.g. while retyping)
  const [input, setInput] = useState<RecoveryModelInput | null>(first.success ? first.data : null);
  const [state, saveAction, saving] = useActionState<ActionState, FormData>(saveRecoverySettingsAction, idleState);
  const revision =
    state.status === "ok"
      ? String((state.data as { revision: number }).revision)
      : state.status === "error" && state.values?.revision
        ? state.values.revision
        : String(cluster.revision);

  const current = parse(cluster, knobs, rackAware);
  const knobErrors: Partial<Record<string, string[]>> = {};
  if (!current.success) for (const issue of current.error.issues) (knobErrors[String(issue.path[0])] ??= []).push(issue.message);
  const factErrors = Object.entries(knobErrors).filter(([k]) => !isKnob(k));
  const theirs = useTheirValues(state);
  const { conflict, errors: serverErrors, take } = theirs;

  const update = (nextKnobs: Record<Knob, string>, nextRack: boolean) => {
    setKnobs(nextKnobs);
    setRackAware(nextRack);
    const parsed = parse(cluster, nextKnobs, nextRack);
    if (parsed.success) setInput(parsed.data);
  };
  // the knobs are held in state, so taking their values sets them there (and re-estimates)
  const takeTheirs = take
    ? () => {
        const picked = Object.entries(take()).filter(([k]) => isKnob(k));
        update({ ...knobs, ...Object.fromEntries(picked) }, rackAware);
      }
    : undefined;

  if (!input || factErrors.length) {
    return (
      <Alert tone="amber" title="The model cannot use this cluster's facts">
        {factErrors.flatMap(([, m]) => m ?? []).join(". ") || "Check the cluster's brokers, zones and replication factor."} Edit the cluster to fix them.
      </Alert>
    );
  }
  const model = estimateRecovery(input);
  const own = estimateForArchitecture(model, cluster.architecture);

  return (
    <div className="space-y-5">
      {conflict ? <ConflictComparison conflict={conflict} message={theirs.message} labels={KNOB_LABELS} onUseTheirs={takeTheirs} /> : null}
      <form action={saveAction} noValidate className="flex flex-wrap items-start gap-4" aria-label="Recovery model inputs">
        <input type="hidden" name="id" value={cluster.id} />
        <input type="hidden" name="revision" value={revision} />
        {KNOBS.map((k) => (
          <Field key={k.key} name={k.key} label={k.label} hint={k.hint} error={knobErrors[k.key] ?? serverErrors[k.key]} className="w-56">
            {(a11y) => (
              <Input
                type="number"
                inputMode="decimal"
                min={k.key === "crossZonePricePerGb" ? 0 : 1}
                step={k.step}
                name={k.key}
                value={knobs[k.key]}
                onChange={(e) => update({ ...knobs, [k.key]: e.target.value }, rackAware)}
                {...a11y}
              />
            )}
          </Field>
        ))}
        <label className="mt-8 flex items-center gap-2 text-sm text-slate-700">
          <Checkbox checked={rackAware} onChange={(e) => update(knobs, e.target.checked)} />
          Rack-aware replicas
        </label>
        {canWrite ? (
          <div className="mt-6">
            <Button type="submit" variant="secondary" disabled={saving || !current.success}>
              {saving ? "Saving…" : "Save as cluster defaults"}
            </Button>
          </div>
        ) : null}
      </form>
      {state.status === "ok" ? <Alert tone="green">Saved as this cluster&apos;s defaults.</Alert> : null}
      {/* a conflict's message heads its comparison above; any other refusal shows it here */}
      {state.status === "error" && !conflict ? <Alert title={state.message} /> : null}

      <p className="text-xs text-slate-500">
        One broker fails in a cluster of {cluster.brokerCount} brokers over {cluster.availabilityZones} zone(s), replication factor {cluster.replicationFactor},{" "}
        {cluster.retentionHours} h retention, {cluster.peakIngressMBps} MB/s in and {cluster.peakEgressMBps} MB/s out at peak. This cluster (
        {ARCHITECTURE_SHORT_LABELS[cluster.architecture]}) is compared with its drills as {own === model.brokerLocal ? "broker-local" : "shared"} storage.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <EstimateColumn estimate={model.brokerLocal} current={own === model.brokerLocal} />
        <EstimateColumn estimate={model.sharedStorage} current={own === model.sharedStorage} />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Compared with this cluster&apos;s drills</h3>
        <DrillComparison estimate={own} drills={drills} />
      </div>
    </div>
  );
}
