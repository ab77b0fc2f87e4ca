/**
 * Keeps the denormalised readiness signals fresh: each scorecard's cached outcome, score and
 * risks, and each cluster's portfolio columns (outcome, score, stale evidence, last drill and
 * its result, open red answers, pending sign-offs, the regression flag, and the next moment
 * a signal can change with time alone). Reached through the pipeline (./pipeline.ts) in the
 * same transaction as any change that can move them; the portfolio sweep
 * (lib/portfolio/sweep.ts) calls it when time alone crosses a boundary.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Outcome } from "@/lib/domain/constants";
import { recordAudit } from "@/lib/audit/record";
import { enqueueClusterRegressed } from "@/lib/webhooks/enqueue";
import { lockCluster } from "@/lib/write/locks";
import { loadClusterRuleItems, loadRuleDrills } from "./evaluate";
import { chooseCurrentScorecards, clusterReadiness, parseTemplateOutcomes, templateOutcomeDrops, type TemplateOutcome } from "./current-rules";
import { computeOutcome, type RuleItem } from "./rules";
import { isApproving, isValidApproval } from "./sign-off-rules";
import { crossedBetween, decideRegression, describeSignOff, drillResultFromAnswers, nextSignalBoundary, type DrillResult } from "./signal-rules";
import { activeExemption, lapsedExemption } from "./staleness";

type Db = Prisma.TransactionClient;

const DAY_MS = 86_400_000;

export interface ClusterSignals {
  outcome: Outcome | null;
  score: number | null;
  staleEvidenceCount: number;
  lastDrillAt: Date | null;
  lastDrillResult: DrillResult | null;
  openRedAnswers: number;
  pendingSignOffs: number;
  nextSignalChangeAt: Date | null;
  regressed: boolean;
  regressionReason: string | null;
}

/**
 * Recomputes every scorecard of the cluster and the cluster's portfolio columns. Each
 * template's current scorecard is chosen, and the cluster's outcome is the weakest current
 * one (./current-rules.ts); staleness, exemptions and sign-offs count on current scorecards
 * only. Regressions found since the previous refresh flag the cluster, are recorded in the
 * audit log and queue a webhook notification, all in the caller's transaction.
 */
export async function refreshClusterSignals(db: Db, clusterId: string, now = new Date()): Promise<ClusterSignals> {
  // Lock order step 1 (lib/write/locks.ts). Writers took it first already, so this is a no-op
  // for them; it keeps a caller that forgot from computing signals without the other writers.
  await lockCluster(db, clusterId);
  const cluster = await db.cluster.findUniqueOrThrow({
    where: { id: clusterId },
    select: {
      name: true,
      freshnessDays: true,
      outcome: true,
      openRedAnswers: true,
      regressedAt: true,
      regressionReason: true,
      regressedFrom: true,
      signalsRefreshedAt: true,
      templateOutcomes: true,
      updatedAt: true,
    },
  });
  const since = cluster.signalsRefreshedAt;
  const window = cluster.freshnessDays * DAY_MS;
  const drills = await loadRuleDrills(db, clusterId);
  const itemsByScorecard = await loadClusterRuleItems(db, clusterId);
  const scorecards = await db.scorecard.findMany({
    where: { clusterId },
    select: {
      id: true,
      state: true,
      createdAt: true,
      updatedAt: true,
      isCurrent: true,
      archivedAt: true,
      outcome: true,
      score: true,
      highRisks: true,
      mediumRisks: true,
      staleEvidenceCount: true,
      template: { select: { key: true, name: true } },
    },
  });
  const currentIds = new Set(
    chooseCurrentScorecards(
      scorecards.map((s) => ({
        id: s.id,
        templateKey: s.template.key,
        state: s.state,
        createdAt: s.createdAt,
        archived: s.archivedAt !== null,
        assessed: (itemsByScorecard.get(s.id) ?? []).filter((i) => i.status !== "not_started").length,
      })),
    ).values(),
  );

  let staleEvidenceCount = 0;
  let staleOnlyItems = 0;
  const current: TemplateOutcome[] = [];
  const allItems: RuleItem[] = [];
  const itemsGoneStale = new Set<string>();
  const exemptionsExpired = new Set<string>();
  const lapsedExemptionItems = new Set<string>();
  for (const scorecard of scorecards) {
    const items = itemsByScorecard.get(scorecard.id) ?? [];
    const result = computeOutcome({ items, drills, freshnessDays: cluster.freshnessDays, now });
    const isCurrent = currentIds.has(scorecard.id);
    if (isCurrent) {
      const assessed = items.filter((i) => i.status !== "not_started").length;
      current.push({
        templateKey: scorecard.template.key,
        templateName: scorecard.template.name,
        scorecardId: scorecard.id,
        state: scorecard.state,
        outcome: result.outcome,
        score: result.score,
        assessed,
      });
      allItems.push(...items);
      staleEvidenceCount += result.staleEvidenceCount;
      staleOnlyItems += result.items.filter((i) => i.staleOnly).length;
      for (const item of items) {
        const exempted = activeExemption(item.exemptions, now) !== undefined;
        const lapsed = exempted ? undefined : lapsedExemption(item.exemptions, now);
        if (lapsed && item.status !== "pass") lapsedExemptionItems.add(item.title);
        if (lapsed && crossedBetween(lapsed.expiresAt, since, now)) exemptionsExpired.add(item.title);
        if (!exempted && item.status === "pass" && item.evidence.length > 0) {
          const newest = Math.max(...item.evidence.map((e) => e.capturedAt.getTime()));
          if (crossedBetween(new Date(newest + window + 1), since, now)) itemsGoneStale.add(item.title);
        }
      }
    }
    const changed =
      scorecard.isCurrent !== isCurrent ||
      scorecard.outcome !== result.outcome ||
      scorecard.score !== result.score ||
      scorecard.highRisks !== result.highRisks ||
      scorecard.mediumRisks !== result.mediumRisks ||
      scorecard.staleEvidenceCount !== result.staleEvidenceCount;
    if (changed) {
      await db.scorecard.update({
        where: { id: scorecard.id },
        data: {
          isCurrent,
          outcome: result.outcome,
          score: result.score,
          highRisks: result.highRisks,
          mediumRisks: result.mediumRisks,
          staleEvidenceCount: result.staleEvidenceCount,
          // a cached result is not a content change: keep the order "most recently updated" relies on
          updatedAt: scorecard.updatedAt,
        },
      });
    }
  }
  current.sort((x, y) => x.templateName.localeCompare(y.templateName));
  const readiness = clusterReadiness(current);
  const outcomeDrops = templateOutcomeDrops(
    parseTemplateOutcomes(cluster.templateOutcomes),
    current,
    new Set(scorecards.filter((s) => s.archivedAt === null).map((s) => s.id)),
  );

  const windowStart = new Date(now.getTime() - window);
  // sequential on purpose: a transaction is one connection, so parallel queries only queue
  const openRedAnswers = await db.drillDecisionAnswer.count({ where: { answer: "red", drill: { clusterId, startedAt: { gte: windowStart } } } });
  const signOffs = await loadSignOffs(db, [...currentIds], since, now);
  const checks = await loadCheckStates(db, clusterId, since, now);

  const outcome = readiness?.outcome ?? null;
  const regression = decideRegression(
    {
      previous: {
        outcome: cluster.outcome,
        openRedAnswers: cluster.openRedAnswers,
        regressedAt: cluster.regressedAt,
        regressionReason: cluster.regressionReason,
        regressedFrom: cluster.regressedFrom,
      },
      outcome,
      outcomeDrops,
      openRedAnswers,
      itemsGoneStale: [...itemsGoneStale],
      exemptionsExpired: [...exemptionsExpired],
      approvalsInvalidated: signOffs.invalidatedSince,
      conditionsLapsed: signOffs.conditionsLapsedSince,
      staleOnlyItems,
      lapsedExemptionItems: lapsedExemptionItems.size,
      invalidatedSignOffs: signOffs.invalidatedNow,
      checksFailed: checks.startedFailing,
      failingChecks: checks.failing,
    },
    now,
  );
  const regressionReason = regression.regressionReason;

  const nextSignalChangeAt = nextSignalBoundary(
    {
      freshnessDays: cluster.freshnessDays,
      evidenceCapturedAt: allItems.flatMap((i) => i.evidence.map((e) => e.capturedAt)),
      exemptionExpiresAt: allItems.flatMap((i) => i.exemptions.filter((e) => e.status === "granted").map((e) => e.expiresAt)),
      drillStartedAt: drills.map((d) => d.startedAt),
      conditionDueAt: signOffs.upcomingConditionDueDates,
    },
    now,
  );
  const signals: ClusterSignals = {
    outcome,
    score: readiness?.score ?? null,
    staleEvidenceCount,
    lastDrillAt: drills[0]?.startedAt ?? null,
    lastDrillResult: drills[0] ? drillResultFromAnswers(drills[0].answers) : null,
    openRedAnswers,
    pendingSignOffs: signOffs.pending,
    nextSignalChangeAt,
    regressed: regression.change === "flagged",
    regressionReason,
  };
  await db.cluster.update({
    where: { id: clusterId },
    data: {
      outcome: signals.outcome,
      score: signals.score,
      heldBackBy: readiness?.templateName ?? null,
      templateOutcomes: current as unknown as Prisma.InputJsonValue,
      staleEvidenceCount,
      lastDrillAt: signals.lastDrillAt,
      lastDrillResult: signals.lastDrillResult,
      openRedAnswers,
      pendingSignOffs: signals.pendingSignOffs,
      regressedAt: regression.regressedAt,
      regressionReason,
      regressedFrom: regression.regressedFrom,
      signalsRefreshedAt: now,
      nextSignalChangeAt,
      // derived signals are not an edit of the cluster's facts
      updatedAt: cluster.updatedAt,
    },
  });

  if (regression.change === "flagged") {
    const after = { name: cluster.name, reason: regressionReason, outcome, regressedFrom: regression.regressedFrom };
    await recordAudit(db, { actor: { system: "Drillbook" }, action: "regress", entityType: "cluster", entityId: clusterId, clusterId, after });
    await enqueueClusterRegressed(db, { clusterId, clusterName: cluster.name, reason: regressionReason ?? "", outcome });
  } else if (regression.change === "cleared") {
    const before = { name: cluster.name, reason: cluster.regressionReason };
    await recordAudit(db, {
      actor: { system: "Drillbook" },
      action: "recover",
      entityType: "cluster",
      entityId: clusterId,
      clusterId,
      before,
      after: { name: cluster.name, outcome },
    });
  }
  return signals;
}

/**
 * The cluster's continuous checks: how many fail now (their latest run), and the results of
 * those that started failing since the previous refresh (a check failing run after run
 * raises the flag once, not every hour).
 */
async function loadCheckStates(db: Db, clusterId: string, since: Date | null, now: Date): Promise<{ failing: number; startedFailing: string[] }> {
  const checks = await db.metricCheck.findMany({
    where: { clusterId },
    select: {
      runs: {
        where: { status: { in: ["passed", "failed"] }, finishedAt: { not: null } },
        orderBy: { finishedAt: "desc" },
        take: 2,
        select: { status: true, message: true, finishedAt: true },
      },
    },
  });
  const failing = checks.filter((c) => c.runs[0]?.status === "failed");
  const startedFailing = failing
    .filter((c) => crossedBetween(c.runs[0].finishedAt!, since, now) && c.runs[1]?.status !== "failed")
    .map((c) => c.runs[0].message);
  return { failing: failing.length, startedFailing };
}

interface SignOffState {
  /** Required slots of scorecards under review (in review or changes requested) without a valid approval. */
  pending: number;
  /** Required slots whose approval was invalidated or has a lapsed condition, not yet approved again. */
  invalidatedNow: number;
  invalidatedSince: string[];
  conditionsLapsedSince: string[];
  upcomingConditionDueDates: Date[];
}

const UNDER_REVIEW = new Set(["in_review", "changes_requested"]);

/**
 * Reads the sign-offs of the cluster's current scorecards. A slot's newest decision is the one that
 * counts (older ones were replaced). An approval counts while it is not invalidated and none
 * of its conditions is past due unmet: a lapsed condition turns the decision back to
 * "changes requested" even before the review workflow records it.
 */
async function loadSignOffs(db: Db, scorecardIds: string[], since: Date | null, now: Date): Promise<SignOffState> {
  const slots = await db.reviewSlot.findMany({
    where: { scorecardId: { in: scorecardIds } },
    select: {
      role: true,
      required: true,
      scorecard: { select: { state: true } },
      approvals: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { decision: true, invalidatedAt: true, invalidReason: true, conditions: { select: { what: true, dueDate: true, metAt: true } } },
      },
    },
  });
  const state: SignOffState = { pending: 0, invalidatedNow: 0, invalidatedSince: [], conditionsLapsedSince: [], upcomingConditionDueDates: [] };
  for (const slot of slots) {
    const latest = slot.approvals[0];
    const valid = isValidApproval(latest, now);
    if (slot.required && UNDER_REVIEW.has(slot.scorecard.state) && !valid) state.pending += 1;
    if (slot.required && latest && !valid && isApproving(latest.decision)) state.invalidatedNow += 1;
    for (const approval of slot.approvals) {
      // a lost sign-off is an approval that stopped counting while the slot has no valid one
      // (a request for changes that stops counting because the author changed the content is not)
      if (!valid && isApproving(approval.decision) && approval.invalidatedAt && crossedBetween(approval.invalidatedAt, since, now)) {
        state.invalidatedSince.push(describeSignOff(slot.role, approval.invalidReason));
      }
    }
    if (latest && !latest.invalidatedAt) {
      for (const condition of latest.conditions) {
        if (condition.metAt) continue;
        if (crossedBetween(condition.dueDate, since, now)) state.conditionsLapsedSince.push(condition.what);
        else if (condition.dueDate.getTime() > now.getTime()) state.upcomingConditionDueDates.push(condition.dueDate);
      }
    }
  }
  return state;
}
