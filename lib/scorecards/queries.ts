/** Read access to scorecards. Every function takes the asking user and checks permission. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import type { Outcome, ScorecardState } from "@/lib/domain/constants";
import { evaluateScorecard, loadRuleDrills } from "@/lib/readiness/evaluate";
import { buildScorecardView, scorecardPageSelect, type ScorecardPage } from "./page-view";

function assertRead(user: CurrentUser) {
  if (!can(user.role, "scorecard:read")) throw new ForbiddenError();
}

/**
 * Everything the guided scorecard page shows: header facts, sections with their items,
 * evidence, comments and exemptions, and the outcome computed now (so an exemption that
 * expired or evidence that went stale since the last write shows without any write).
 */
export async function getScorecardPage(user: CurrentUser, id: string, now = new Date()): Promise<ScorecardPage | null> {
  assertRead(user);
  const db = await getDb();
  const row = await db.scorecard.findUnique({ where: { id }, select: scorecardPageSelect });
  if (!row) return null;
  const drills = await loadRuleDrills(db, row.clusterId);
  return buildScorecardView(row, drills, now);
}

export interface ScorecardListRow {
  id: string;
  title: string;
  clusterId: string;
  clusterName: string;
  templateName: string;
  templateVersion: number;
  subject: string;
  state: ScorecardState;
  /** the cluster's current scorecard of its template (the one that counts for readiness) */
  isCurrent: boolean;
  outcome: Outcome;
  score: number;
  highRisks: number;
  mediumRisks: number;
  staleEvidenceCount: number;
  ownerName: string | null;
  dueDate: string | null;
  assessed: number;
  total: number;
  updatedAt: string;
}

const listSelect = {
  id: true,
  title: true,
  clusterId: true,
  subject: true,
  state: true,
  isCurrent: true,
  outcome: true,
  score: true,
  highRisks: true,
  mediumRisks: true,
  staleEvidenceCount: true,
  dueDate: true,
  updatedAt: true,
  cluster: { select: { name: true } },
  template: { select: { name: true, version: true } },
  owner: { select: { name: true } },
  _count: { select: { items: true } },
} as const;

/**
 * Every scorecard in service (or, with `archived`, every archived one), most recently changed
 * first, with the outcome cached by the last write (the scorecard page itself always recomputes).
 */
export async function listScorecards(user: CurrentUser, filter: { clusterId?: string; archived?: boolean } = {}): Promise<ScorecardListRow[]> {
  assertRead(user);
  const db = await getDb();
  const where = { clusterId: filter.clusterId, archivedAt: filter.archived ? { not: null } : null };
  const rows = await db.scorecard.findMany({ where, select: listSelect, orderBy: { updatedAt: "desc" } });
  const assessed = await db.scorecardItem.groupBy({
    by: ["scorecardId"],
    where: { scorecardId: { in: rows.map((r) => r.id) }, status: { not: "not_started" } },
    _count: { _all: true },
  });
  const assessedBy = new Map(assessed.map((a) => [a.scorecardId, a._count._all]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    clusterId: r.clusterId,
    clusterName: r.cluster.name,
    templateName: r.template.name,
    templateVersion: r.template.version,
    subject: r.subject,
    state: r.state,
    isCurrent: r.isCurrent,
    outcome: r.outcome,
    score: r.score,
    highRisks: r.highRisks,
    mediumRisks: r.mediumRisks,
    staleEvidenceCount: r.staleEvidenceCount,
    ownerName: r.owner?.name ?? null,
    dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
    assessed: assessedBy.get(r.id) ?? 0,
    total: r._count.items,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** How many scorecards are archived (of one cluster, or of all). */
export async function countArchivedScorecards(user: CurrentUser, clusterId?: string): Promise<number> {
  assertRead(user);
  const db = await getDb();
  return db.scorecard.count({ where: { clusterId, archivedAt: { not: null } } });
}

/**
 * The scorecards of one cluster for its page, with the outcome computed now rather than
 * the cached one (a cluster has a handful, so this stays cheap).
 */
export async function listClusterScorecards(user: CurrentUser, clusterId: string, now = new Date()): Promise<ScorecardListRow[]> {
  const rows = await listScorecards(user, { clusterId });
  const db = await getDb();
  return Promise.all(
    rows.map(async (row) => {
      const result = await evaluateScorecard(db, row.id, now);
      return {
        ...row,
        outcome: result.outcome,
        score: result.score,
        highRisks: result.highRisks,
        mediumRisks: result.mediumRisks,
        staleEvidenceCount: result.staleEvidenceCount,
      };
    }),
  );
}

export interface AssignableUser {
  id: string;
  name: string;
  role: string;
}

/** People who can own a scorecard (editors and above) and, among them, approvers. */
export async function listAssignableUsers(user: CurrentUser): Promise<AssignableUser[]> {
  assertRead(user);
  const db = await getDb();
  return db.user.findMany({
    where: { role: { in: ["editor", "approver", "admin"] }, OR: [{ banned: null }, { banned: false }] },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}
