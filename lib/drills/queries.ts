/** Read access to drills and recovery targets. Every function takes the asking user and checks permission. */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import type { DrillScenario, MatrixAnswer, MatrixQuestion } from "@/lib/domain/constants";
import { assertDrillRead } from "./access";
import { compareMeasurements, evaluateMatrix, suggestAnswers, type MatrixDecision } from "./rules";
import { timelineGap } from "./series-rules";

/** The matrix decision of a drill from its stored answers. */
function decisionOf(answers: { question: string; answer: MatrixAnswer }[]) {
  return evaluateMatrix(Object.fromEntries(answers.map((a) => [a.question, a.answer])) as Partial<Record<MatrixQuestion, MatrixAnswer>>);
}

/** The measurements and their targets, as stored on a drill row (also read by reports). */
export const measurementSelect = {
  leadershipSettledSec: true,
  producersStableSec: true,
  peakConsumerLag: true,
  lagRecoveredSec: true,
  producerErrorCount: true,
  underReplicatedPartitions: true,
  recoveryTrafficMBps: true,
  replicasInSyncSec: true,
  targetLeadershipSettledSec: true,
  targetProducersStableSec: true,
  targetLagRecoveredSec: true,
  targetPeakLagRecords: true,
  targetProducerErrors: true,
  targetUnderReplicated: true,
  targetReplicasInSyncSec: true,
} as const;

export type DrillListRow = {
  id: string;
  title: string;
  clusterId: string;
  clusterName: string;
  scenario: DrillScenario;
  startedAt: string;
  realisticTraffic: boolean;
  decision: MatrixDecision;
  redAnswers: number;
  met: number;
  breached: number;
};

/** Drills across clusters (or of one cluster), newest first, with decision and met/breached counts. */
export async function listDrills(user: CurrentUser, opts: { clusterId?: string } = {}): Promise<DrillListRow[]> {
  assertDrillRead(user);
  const db = await getDb();
  const rows = await db.drill.findMany({
    where: opts.clusterId ? { clusterId: opts.clusterId } : undefined,
    orderBy: [{ startedAt: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      clusterId: true,
      cluster: { select: { name: true } },
      scenario: true,
      startedAt: true,
      realisticTraffic: true,
      answers: { select: { question: true, answer: true } },
      ...measurementSelect,
    },
  });
  return rows.map((d) => {
    const results = compareMeasurements(d).map((c) => c.result);
    return {
      id: d.id,
      title: d.title,
      clusterId: d.clusterId,
      clusterName: d.cluster.name,
      scenario: d.scenario,
      startedAt: d.startedAt.toISOString(),
      realisticTraffic: d.realisticTraffic,
      decision: decisionOf(d.answers).decision,
      redAnswers: d.answers.filter((a) => a.answer === "red").length,
      met: results.filter((r) => r === "met").length,
      breached: results.filter((r) => r === "breached").length,
    };
  });
}

export type DrillEvidenceOption = {
  id: string;
  title: string;
  scenario: DrillScenario;
  startedAt: Date;
  realisticTraffic: boolean;
  decision: MatrixDecision;
};

/** A cluster's drills for evidence pickers (scorecard "drill" evidence), newest first. */
export async function listDrillsForEvidence(user: CurrentUser, clusterId: string): Promise<DrillEvidenceOption[]> {
  assertDrillRead(user);
  const db = await getDb();
  const rows = await db.drill.findMany({
    where: { clusterId },
    orderBy: { startedAt: "desc" },
    select: { id: true, title: true, scenario: true, startedAt: true, realisticTraffic: true, answers: { select: { question: true, answer: true } } },
  });
  return rows.map(({ answers, ...d }) => ({ ...d, decision: decisionOf(answers).decision }));
}

/** One drill with everything its page shows except the metric data (see getDrillChart), or null. */
export async function getDrill(user: CurrentUser, id: string) {
  assertDrillRead(user);
  const db = await getDb();
  const drill = await db.drill.findUnique({
    where: { id },
    include: {
      cluster: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
      followUps: { orderBy: [{ done: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }] },
      timeline: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      imports: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          format: true,
          sourceName: true,
          queryText: true,
          windowStart: true,
          windowEnd: true,
          stepSeconds: true,
          pointCount: true,
          createdAt: true,
          _count: { select: { series: true } },
        },
      },
      answers: { include: { answeredBy: { select: { name: true } } } },
    },
  });
  if (!drill) return null;
  const answerMap = Object.fromEntries(drill.answers.map((a) => [a.question, a])) as Partial<Record<MatrixQuestion, (typeof drill.answers)[number]>>;
  return {
    ...drill,
    comparisons: compareMeasurements(drill),
    answerMap,
    matrix: decisionOf(drill.answers),
    suggestions: suggestAnswers(drill),
    gap: timelineGap(drill.timeline),
  };
}
export type DrillDetail = NonNullable<Awaited<ReturnType<typeof getDrill>>>;

export type RecoveryTargetValues = {
  leadershipSettledSec: number | null;
  producersStableSec: number | null;
  lagRecoveredSec: number | null;
  peakLagRecords: number | null;
  producerErrors: number | null;
  underReplicatedPartitions: number | null;
  replicasInSyncSec: number | null;
};
export type RecoveryTargetRow = RecoveryTargetValues & { id: string; scenario: DrillScenario };

/** A cluster's recovery targets, one row per disruption type. */
export async function listRecoveryTargets(user: CurrentUser, clusterId: string): Promise<RecoveryTargetRow[]> {
  assertDrillRead(user);
  const db = await getDb();
  return db.recoveryTarget.findMany({
    where: { clusterId },
    select: {
      id: true,
      scenario: true,
      leadershipSettledSec: true,
      producersStableSec: true,
      lagRecoveredSec: true,
      peakLagRecords: true,
      producerErrors: true,
      underReplicatedPartitions: true,
      replicasInSyncSec: true,
    },
    orderBy: { scenario: "asc" },
  });
}

/** What the new-drill form needs: the cluster and its targets per scenario (for pre-filling), or null. */
export async function getNewDrillContext(user: CurrentUser, clusterId: string) {
  assertDrillRead(user);
  const db = await getDb();
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, select: { id: true, name: true } });
  if (!cluster) return null;
  const targets = await listRecoveryTargets(user, clusterId);
  return { cluster, targets: Object.fromEntries(targets.map((t) => [t.scenario, t])) as Partial<Record<DrillScenario, RecoveryTargetRow>> };
}

/** Clusters to choose from when recording a drill without a cluster in the address. */
export async function listClusterChoices(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  assertDrillRead(user);
  return (await getDb()).cluster.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
