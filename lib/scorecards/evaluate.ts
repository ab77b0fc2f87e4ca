/**
 * Loads what the outcome rules need from the database and evaluates a scorecard. The
 * rules themselves are pure (./rules.ts); this file only maps rows to their input shapes.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatrixAnswer } from "@/lib/domain/constants";
import { computeOutcome, type OutcomeResult, type RuleDrill, type RuleItem } from "./rules";

type Db = Prisma.TransactionClient;

/** The cluster's drills in the shape the rules read (answers of each decision matrix). */
export async function loadRuleDrills(db: Db, clusterId: string): Promise<RuleDrill[]> {
  const drills = await db.drill.findMany({
    where: { clusterId },
    select: { id: true, title: true, startedAt: true, realisticTraffic: true, answers: { select: { answer: true } } },
    orderBy: { startedAt: "desc" },
  });
  return drills.map((d) => ({ ...d, answers: d.answers.map((a) => a.answer as MatrixAnswer) }));
}

/** The scorecard's items in the shape the rules read, in template order. */
export async function loadRuleItems(db: Db, scorecardId: string): Promise<RuleItem[]> {
  const items = await db.scorecardItem.findMany({
    where: { scorecardId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      status: true,
      justification: true,
      templateItem: {
        select: { key: true, title: true, blocking: true, weight: true, role: true, section: { select: { key: true, title: true } } },
      },
      evidence: { select: { kind: true, capturedAt: true, realisticTraffic: true, drillId: true } },
      exemptions: { select: { status: true, expiresAt: true } },
    },
  });
  return items.map((i) => ({
    id: i.id,
    key: i.templateItem.key,
    title: i.templateItem.title,
    sectionKey: i.templateItem.section.key,
    sectionTitle: i.templateItem.section.title,
    blocking: i.templateItem.blocking,
    weight: i.templateItem.weight,
    role: i.templateItem.role,
    status: i.status,
    justification: i.justification,
    evidence: i.evidence,
    exemptions: i.exemptions,
  }));
}

/** Computes a scorecard's outcome now (nothing is written). */
export async function evaluateScorecard(db: Db, scorecardId: string, now = new Date()): Promise<OutcomeResult> {
  const scorecard = await db.scorecard.findUniqueOrThrow({
    where: { id: scorecardId },
    select: { clusterId: true, cluster: { select: { freshnessDays: true } } },
  });
  const [items, drills] = await Promise.all([loadRuleItems(db, scorecardId), loadRuleDrills(db, scorecard.clusterId)]);
  return computeOutcome({ items, drills, freshnessDays: scorecard.cluster.freshnessDays, now });
}
