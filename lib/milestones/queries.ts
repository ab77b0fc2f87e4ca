/** Read access to milestones: per scorecard, a pair to compare, and a cluster's history. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import type { Outcome } from "@/lib/domain/constants";
import type { MilestoneSnapshot } from "./snapshot";

function assertRead(user: CurrentUser) {
  if (!can(user.role, "scorecard:read")) throw new ForbiddenError();
}

export interface MilestoneRow {
  id: string;
  name: string;
  reason: string;
  scorecardVersion: number;
  contentHash: string;
  outcome: Outcome;
  score: number;
  createdAt: string;
  createdBy: string | null;
}

const rowSelect = {
  id: true,
  name: true,
  reason: true,
  scorecardVersion: true,
  contentHash: true,
  outcome: true,
  score: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} as const;

function toRow(m: {
  id: string;
  name: string;
  reason: string;
  scorecardVersion: number;
  contentHash: string;
  outcome: Outcome;
  score: number;
  createdAt: Date;
  createdBy: { name: string } | null;
}): MilestoneRow {
  return { ...m, createdAt: m.createdAt.toISOString(), createdBy: m.createdBy?.name ?? null };
}

/** A scorecard's milestones, newest first. */
export async function listMilestones(user: CurrentUser, scorecardId: string): Promise<MilestoneRow[]> {
  assertRead(user);
  const db = await getDb();
  const rows = await db.milestone.findMany({ where: { scorecardId }, orderBy: { createdAt: "desc" }, select: rowSelect });
  return rows.map(toRow);
}

/** Two milestones of one scorecard with their snapshots, or null if either is missing. */
export async function getMilestonePair(user: CurrentUser, scorecardId: string, aId: string, bId: string) {
  assertRead(user);
  const db = await getDb();
  const rows = await db.milestone.findMany({ where: { scorecardId, id: { in: [aId, bId] } }, select: { ...rowSelect, snapshot: true } });
  const a = rows.find((r) => r.id === aId);
  const b = rows.find((r) => r.id === bId);
  if (!a || !b) return null;
  const withSnapshot = (m: typeof a) => ({ ...toRow(m), snapshot: m.snapshot as unknown as MilestoneSnapshot });
  return { a: withSnapshot(a), b: withSnapshot(b) };
}

export interface HistoryPoint {
  scorecardId: string;
  scorecardTitle: string;
  milestone: string;
  at: string;
  score: number;
  outcome: Outcome;
}

/** Score and outcome over time for every scorecard of a cluster, oldest first. */
export async function listClusterHistory(user: CurrentUser, clusterId: string): Promise<HistoryPoint[]> {
  assertRead(user);
  const db = await getDb();
  const rows = await db.milestone.findMany({
    where: { scorecard: { clusterId } },
    orderBy: { createdAt: "asc" },
    take: 1000,
    select: { name: true, createdAt: true, score: true, outcome: true, scorecard: { select: { id: true, title: true } } },
  });
  return rows.map((r) => ({
    scorecardId: r.scorecard.id,
    scorecardTitle: r.scorecard.title,
    milestone: r.name,
    at: r.createdAt.toISOString(),
    score: r.score,
    outcome: r.outcome,
  }));
}
