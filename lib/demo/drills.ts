/**
 * Demo drills, recorded through the same mutation as the JSON API (drill, measurements and
 * metric series in one transaction), then their decision matrix answered.
 */
import type { CurrentUser } from "@/lib/auth/session";
import { MATRIX_QUESTIONS, type DrillScenario, type MatrixQuestion } from "@/lib/domain/constants";
import { drillWithSeriesInputSchema } from "@/lib/drills/api-schema";
import { saveDecisionAnswers } from "@/lib/drills/matrix-mutations";
import { createDrillWithSeries } from "@/lib/drills/mutations";
import { decisionAnswersSchema } from "@/lib/drills/schema";
import { lagSeries, recoveryTrafficSeries, underReplicatedSeries, type DrillShape } from "./series";

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface DemoDrill {
  scenario: DrillScenario;
  title: string;
  daysAgo: number;
  realisticTraffic?: boolean;
  shape: Omit<DrillShape, "faultMs">;
  leadershipSettledSec: number;
  producersStableSec: number;
  producerErrorCount: number;
  hypothesis: string;
  conclusion: string;
  /** questions answered red, with the reason */
  red?: Partial<Record<MatrixQuestion, string>>;
}

const RATIONALE: Record<MatrixQuestion, string> = {
  hidden_client_impact: "Producer retries stayed inside the delivery timeout; no consumer group rebalanced twice.",
  bounded_storage_work: "Replica catch-up finished inside the recovery target at the configured throttle.",
  capacity_helps_quickly: "Adding a broker took load within minutes; no partition had to move its full log.",
  governance_intact: "ACLs, quotas and topic configs were unchanged after recovery.",
  rollback_known: "The rollback point and its owner were written in the runbook before the fault.",
};

/** Records one drill `daysAgo` days before `now`, with lag, URP and recovery-traffic series and answers. */
export async function recordDemoDrill(user: CurrentUser, clusterId: string, d: DemoDrill, now: Date): Promise<{ id: string; startedAt: Date }> {
  const start = Math.floor((now.getTime() - d.daysAgo * DAY) / MINUTE) * MINUTE;
  const shape: DrillShape = { ...d.shape, faultMs: start + 2 * MINUTE };
  const input = drillWithSeriesInputSchema.parse({
    clusterId,
    scenario: d.scenario,
    title: d.title,
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + 25 * MINUTE).toISOString(),
    trafficProfile: d.realisticTraffic === false ? "Synthetic load at a tenth of peak" : "Replay of last Friday's peak traffic",
    realisticTraffic: d.realisticTraffic === false ? "" : "on",
    targetLeadershipSettledSec: "30",
    targetProducersStableSec: "60",
    targetLagRecoveredSec: "600",
    rollbackNamedBefore: "on",
    rollbackPoint: "Restart the stopped broker on its original volume",
    rollbackOwner: "On-call SRE lead",
    owner: "Priya Raman",
    coordinator: "Marta Silva",
    observers: "Jon Berg, Lena Okafor",
    hypothesis: d.hypothesis,
    conclusion: d.conclusion,
    leadershipSettledSec: String(d.leadershipSettledSec),
    producersStableSec: String(d.producersStableSec),
    peakConsumerLag: String(d.shape.peakLag),
    lagRecoveredSec: String(d.shape.lagRecoveredSec),
    producerErrorCount: String(d.producerErrorCount),
    underReplicatedPartitions: String(d.shape.underReplicated),
    recoveryTrafficMBps: String(d.shape.recoveryMBps),
    series: [
      { format: "points", sourceName: "Prometheus: consumer lag", metric: "consumer_lag", unit: "records", threshold: 1000, points: lagSeries(shape, 1000) },
      {
        format: "points",
        sourceName: "Prometheus: under-replicated partitions",
        metric: "under_replicated_partitions",
        unit: "partitions",
        threshold: 0.5,
        points: underReplicatedSeries(shape),
      },
      { format: "points", sourceName: "Prometheus: replication bytes in", metric: "recovery_traffic", unit: "MB/s", points: recoveryTrafficSeries(shape) },
    ],
  });
  const { id } = await createDrillWithSeries(user, input);
  const raw: Record<string, string> = { drillId: id, version: "" };
  for (const q of MATRIX_QUESTIONS) {
    const red = d.red?.[q];
    raw[`answer_${q}`] = red ? "red" : "green";
    raw[`rationale_${q}`] = red ?? RATIONALE[q];
  }
  await saveDecisionAnswers(user, decisionAnswersSchema.parse(raw));
  return { id, startedAt: new Date(start) };
}
