/**
 * Keeps the denormalised readiness signals fresh: each scorecard's cached outcome, score and
 * risks, and each cluster's portfolio columns (outcome, score, stale evidence, last drill,
 * open red answers, pending sign-offs). Call refreshClusterSignals in the same transaction as
 * any change that can move them (item, evidence, exemption, drill, answer, approval). A drop
 * in outcome flags the cluster as regressed, with the reason.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from "@/lib/domain/constants";
import { computeOutcome } from "@/lib/scorecards/rules";
import { loadRuleDrills, loadRuleItems } from "@/lib/scorecards/evaluate";

type Db = Prisma.TransactionClient;

const rank = (o: Outcome | null) => (o ? OUTCOMES.indexOf(o) : -1);

export interface ClusterSignals {
  outcome: Outcome | null;
  score: number | null;
  staleEvidenceCount: number;
  lastDrillAt: Date | null;
  openRedAnswers: number;
  pendingSignOffs: number;
  regressed: boolean;
  regressionReason: string | null;
}

/**
 * Recomputes every scorecard of the cluster and the cluster's portfolio columns.
 * The cluster's outcome is that of its most recently updated scorecard.
 */
export async function refreshClusterSignals(db: Db, clusterId: string, now = new Date()): Promise<ClusterSignals> {
  // Serialize refreshes of one cluster: concurrent writers would otherwise update the same
  // scorecard rows in different orders and deadlock. (Writers should take it first too.)
  await db.$queryRaw`SELECT id FROM "cluster" WHERE id = ${clusterId} FOR UPDATE`;
  const cluster = await db.cluster.findUniqueOrThrow({
    where: { id: clusterId },
    select: { freshnessDays: true, outcome: true, regressedAt: true, regressionReason: true },
  });
  const drills = await loadRuleDrills(db, clusterId);
  const scorecards = await db.scorecard.findMany({
    where: { clusterId },
    select: { id: true, outcome: true, state: true, updatedAt: true, reviewSlots: { select: { id: true, required: true } } },
    orderBy: { updatedAt: "desc" },
  });

  let staleEvidenceCount = 0;
  let latest: { outcome: Outcome; score: number } | null = null;
  for (const scorecard of scorecards) {
    const items = await loadRuleItems(db, scorecard.id);
    const result = computeOutcome({ items, drills, freshnessDays: cluster.freshnessDays, now });
    staleEvidenceCount += result.staleEvidenceCount;
    latest ??= { outcome: result.outcome, score: result.score };
    await db.scorecard.update({
      where: { id: scorecard.id },
      data: {
        outcome: result.outcome,
        score: result.score,
        highRisks: result.highRisks,
        mediumRisks: result.mediumRisks,
        staleEvidenceCount: result.staleEvidenceCount,
        // a recomputed cache is not an edit: keep "most recently updated" meaning edited
        updatedAt: scorecard.updatedAt,
      },
    });
  }

  const since = new Date(now.getTime() - cluster.freshnessDays * 86_400_000);
  const [openRedAnswers, pendingSignOffs] = await Promise.all([
    db.drillDecisionAnswer.count({ where: { answer: "red", drill: { clusterId, startedAt: { gte: since } } } }),
    countPendingSignOffs(db, clusterId),
  ]);

  const outcome = latest?.outcome ?? null;
  const dropped = rank(outcome) < rank(cluster.outcome) && cluster.outcome !== null;
  const regressionReason = dropped
    ? `Outcome dropped from “${OUTCOME_LABELS[cluster.outcome!]}” to “${outcome ? OUTCOME_LABELS[outcome] : "no scorecard"}”`
    : rank(outcome) > rank(cluster.outcome)
      ? null
      : cluster.regressionReason;
  await db.cluster.update({
    where: { id: clusterId },
    data: {
      outcome,
      score: latest?.score ?? null,
      staleEvidenceCount,
      lastDrillAt: drills[0]?.startedAt ?? null,
      openRedAnswers,
      pendingSignOffs,
      regressedAt: dropped ? now : regressionReason ? cluster.regressedAt : null,
      regressionReason,
    },
  });
  return {
    outcome,
    score: latest?.score ?? null,
    staleEvidenceCount,
    lastDrillAt: drills[0]?.startedAt ?? null,
    openRedAnswers,
    pendingSignOffs,
    regressed: dropped,
    regressionReason,
  };
}

/** Required sign-off slots of in-review scorecards that have no valid approval yet. */
async function countPendingSignOffs(db: Db, clusterId: string): Promise<number> {
  return db.reviewSlot.count({
    where: {
      required: true,
      scorecard: { clusterId, state: "in_review" },
      approvals: { none: { invalidatedAt: null, decision: { in: ["approved", "approved_with_conditions"] } } },
    },
  });
}
