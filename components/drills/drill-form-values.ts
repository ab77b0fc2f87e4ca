/** Converting between stored drills / recovery targets and the drill form's string values. */
import type { RecoveryTargetValues } from "@/lib/drills/queries";
import { MEASUREMENT_KEYS, TARGET_KEYS, type TargetKey } from "@/lib/drills/rules";
import { toDateTimeInput } from "@/lib/format/dates";

export type DrillFormValues = Record<string, string>;

/** Which cluster recovery-target field pre-fills which drill SLO target. */
export const TARGET_FROM_CLUSTER: Record<TargetKey, keyof RecoveryTargetValues> = {
  targetLeadershipSettledSec: "leadershipSettledSec",
  targetProducersStableSec: "producersStableSec",
  targetLagRecoveredSec: "lagRecoveredSec",
  targetPeakLagRecords: "peakLagRecords",
  targetProducerErrors: "producerErrors",
  targetUnderReplicated: "underReplicatedPartitions",
  targetReplicasInSyncSec: "replicasInSyncSec",
};

const str = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** The SLO target fields pre-filled from a cluster's targets for one scenario (blank when none). */
export function targetsToForm(targets: RecoveryTargetValues | undefined): DrillFormValues {
  return Object.fromEntries(TARGET_KEYS.map((k) => [k, str(targets?.[TARGET_FROM_CLUSTER[k]])]));
}

export function emptyDrillValues(clusterId: string, scenario: string, targets: RecoveryTargetValues | undefined): DrillFormValues {
  return {
    clusterId,
    scenario,
    title: "",
    startedAt: "",
    endedAt: "",
    trafficProfile: "",
    realisticTraffic: "",
    producerDeliveryTimeoutMs: "",
    ...targetsToForm(targets),
    rollbackNamedBefore: "",
    rollbackPoint: "",
    rollbackOwner: "",
    owner: "",
    coordinator: "",
    observers: "",
    hypothesis: "",
    observations: "",
    conclusion: "",
    ...Object.fromEntries(MEASUREMENT_KEYS.map((k) => [k, ""])),
  };
}

type StoredDrill = Record<string, unknown> & {
  id: string;
  version: number;
  clusterId: string;
  scenario: string;
  startedAt: Date;
  endedAt: Date | null;
  observers: string[];
  realisticTraffic: boolean;
  rollbackNamedBefore: boolean;
};

export function drillToForm(d: StoredDrill): DrillFormValues {
  const values = emptyDrillValues(d.clusterId, d.scenario, undefined);
  for (const key of Object.keys(values)) {
    const v = d[key];
    if (typeof v === "string" || typeof v === "number") values[key] = String(v);
  }
  return {
    ...values,
    id: d.id,
    version: String(d.version),
    startedAt: toDateTimeInput(d.startedAt),
    endedAt: toDateTimeInput(d.endedAt),
    observers: d.observers.join(", "),
    realisticTraffic: d.realisticTraffic ? "on" : "",
    rollbackNamedBefore: d.rollbackNamedBefore ? "on" : "",
  };
}
