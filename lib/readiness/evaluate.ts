/**
 * Loads what the outcome rules need from the database and evaluates a scorecard. The rules
 * themselves are pure (./rules.ts); this file maps rows to their input shapes, once: the
 * signal refresh, the scorecard page (lib/scorecards/page-view.ts) and reports all go
 * through toRuleItem, so a page, a report and the portfolio cannot compute differently.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatrixAnswer } from "@/lib/domain/constants";
import { computeOutcome, type OutcomeResult, type RuleDrill, type RuleItem } from "./rules";

type Db = Prisma.TransactionClient;

/** The columns the rules read of an item; a wider select (the page's) maps the same way. */
export const ruleItemSelect = {
  id: true,
  status: true,
  justification: true,
  templateItem: {
    select: { key: true, title: true, blocking: true, weight: true, role: true, section: { select: { key: true, title: true } } },
  },
  evidence: { select: { kind: true, capturedAt: true, realisticTraffic: true, drillId: true } },
  exemptions: { select: { status: true, expiresAt: true } },
} as const;

/** An item row with at least the columns of ruleItemSelect. */
export interface RuleItemRow {
  id: string;
  status: string;
  justification: string | null;
  templateItem: { key: string; title: string; blocking: boolean; weight: number; role: string | null; section: { key: string; title: string } };
  evidence: { kind: string; capturedAt: Date; realisticTraffic: boolean; drillId: string | null }[];
  exemptions: { status: string; expiresAt: Date }[];
}

/** The one mapping from an item row to the rules' input. */
export function toRuleItem(i: RuleItemRow): RuleItem {
  return {
    id: i.id,
    key: i.templateItem.key,
    title: i.templateItem.title,
    sectionKey: i.templateItem.section.key,
    sectionTitle: i.templateItem.section.title,
    blocking: i.templateItem.blocking,
    weight: i.templateItem.weight,
    role: i.templateItem.role,
    status: i.status as RuleItem["status"],
    justification: i.justification,
    evidence: i.evidence.map((e) => ({
      kind: e.kind,
      capturedAt: e.capturedAt,
      realisticTraffic: e.realisticTraffic,
      drillId: e.drillId,
    })) as RuleItem["evidence"],
    exemptions: i.exemptions.map((x) => ({ status: x.status, expiresAt: x.expiresAt })) as RuleItem["exemptions"],
  };
}

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
  const items = await db.scorecardItem.findMany({ where: { scorecardId }, orderBy: { position: "asc" }, select: ruleItemSelect });
  return items.map(toRuleItem);
}

/** Every scorecard's items of a cluster in one query, grouped by scorecard, in template order. */
export async function loadClusterRuleItems(db: Db, clusterId: string): Promise<Map<string, RuleItem[]>> {
  const items = await db.scorecardItem.findMany({
    where: { scorecard: { clusterId } },
    orderBy: [{ scorecardId: "asc" }, { position: "asc" }],
    select: { ...ruleItemSelect, scorecardId: true },
  });
  const byScorecard = new Map<string, RuleItem[]>();
  for (const item of items) {
    const list = byScorecard.get(item.scorecardId) ?? [];
    list.push(toRuleItem(item));
    byScorecard.set(item.scorecardId, list);
  }
  return byScorecard;
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
