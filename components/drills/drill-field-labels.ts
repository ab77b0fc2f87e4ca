/** What each drill form field is called, and how its value reads in a conflict comparison. */
import { DRILL_SCENARIO_LABELS, type DrillScenario } from "@/lib/domain/constants";
import { MEASUREMENTS } from "@/lib/drills/rules";

const measured = (key: keyof typeof MEASUREMENTS, unit?: string) => (unit ? `${MEASUREMENTS[key].label} (${unit})` : MEASUREMENTS[key].label);

/** The label of each input of the drill form, also its row in a conflict comparison. */
export const DRILL_FIELD_LABELS = {
  title: "Title",
  scenario: "Scenario",
  startedAt: "Started (UTC)",
  endedAt: "Ended (UTC)",
  trafficProfile: "Traffic profile",
  realisticTraffic: "Run under realistic traffic",
  producerDeliveryTimeoutMs: "Producer delivery timeout (ms)",
  targetLeadershipSettledSec: "Leadership settled within (s)",
  targetProducersStableSec: "Producers stable within (s)",
  targetLagRecoveredSec: "Consumer lag recovered within (s)",
  targetPeakLagRecords: "Peak consumer lag at most (records)",
  targetProducerErrors: "Producer errors at most",
  targetUnderReplicated: "Under-replicated partitions at most",
  targetReplicasInSyncSec: "Replicas in sync within (s)",
  rollbackNamedBefore: "Rollback point and owner were named before the test",
  /** the input adds " (if any)" while no rollback was named beforehand */
  rollbackPoint: "Rollback point",
  rollbackOwner: "Rollback owner",
  owner: "Drill owner",
  coordinator: "Coordinator",
  observers: "Observers",
  hypothesis: "Hypothesis",
  leadershipSettledSec: measured("leadershipSettledSec", "s"),
  producersStableSec: measured("producersStableSec", "s"),
  peakConsumerLag: measured("peakConsumerLag", "records"),
  lagRecoveredSec: measured("lagRecoveredSec", "s"),
  producerErrorCount: measured("producerErrorCount"),
  underReplicatedPartitions: measured("underReplicatedPartitions"),
  recoveryTrafficMBps: measured("recoveryTrafficMBps", "MB/s"),
  replicasInSyncSec: measured("replicasInSyncSec", "s"),
  observations: "Observations",
  conclusion: "Conclusion",
} as const;

export type DrillField = keyof typeof DRILL_FIELD_LABELS;

/** The drill form's checkboxes: posted as "on" when ticked, absent otherwise. */
export const DRILL_CHECKBOXES = ["realisticTraffic", "rollbackNamedBefore"] as const;

/** How a drill form value reads in a conflict comparison: scenarios by name, ticks as yes/no, times in UTC. */
export function formatDrillValue(field: string, value: string): string {
  if ((DRILL_CHECKBOXES as readonly string[]).includes(field)) return value === "on" ? "Yes" : "No";
  if (field === "scenario") return DRILL_SCENARIO_LABELS[value as DrillScenario] ?? value;
  if ((field === "startedAt" || field === "endedAt") && value) return `${value.replace("T", " ")} UTC`;
  return value;
}
