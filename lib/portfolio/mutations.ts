/**
 * Writes of the portfolio itself (not of a user's content): the time-driven refresh of
 * clusters whose signals crossed a boundary. Called by the sweep (./sweep.ts), never by a
 * request, so it takes no user; its audit events name the system as actor.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { AUDIT_LOCK_ID } from "@/lib/audit/record";
import { recordLapsedConditions } from "@/lib/reviews/workflow";
import { refreshClusterSignals } from "./signals";

class BusyError extends Error {}

export interface SweepBatchResult {
  refreshed: string[];
  regressed: string[];
  /** Clusters a user's transaction was changing at that moment; retried by the next sweep. */
  busy: string[];
}

/** Clusters whose next signal boundary has passed, oldest boundary first. */
export async function findClustersDue(now: Date, limit: number, exclude: string[] = []): Promise<string[]> {
  const db = await getDb();
  const rows = await db.cluster.findMany({
    where: { nextSignalChangeAt: { lte: now }, ...(exclude.length ? { id: { notIn: exclude } } : {}) },
    orderBy: { nextSignalChangeAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Clusters with an approval condition past due, unmet and not yet recorded as lapsed. The
 * signal boundary usually brings them up anyway; this catches a lapse whose boundary was
 * consumed by another refresh before the sweep recorded it.
 */
export async function findClustersWithLapsedConditions(now: Date, limit: number, exclude: string[] = []): Promise<string[]> {
  const db = await getDb();
  const rows = await db.approvalCondition.findMany({
    where: {
      metAt: null,
      dueDate: { lte: now },
      approval: {
        invalidatedAt: null,
        lapsedAt: null,
        decision: "approved_with_conditions",
        ...(exclude.length ? { scorecard: { clusterId: { notIn: exclude } } } : {}),
      },
    },
    orderBy: { dueDate: "asc" },
    take: limit,
    select: { approval: { select: { scorecard: { select: { clusterId: true } } } } },
  });
  return [...new Set(rows.map((r) => r.approval.scorecard.clusterId))];
}

/**
 * Refreshes one cluster's signals in its own short transaction. It never waits behind a
 * user's transaction: the audit lock and the cluster's rows are taken with try/NOWAIT, and
 * a cluster that is being changed right now is reported busy (that change refreshes it).
 */
export async function refreshClusterForSweep(clusterId: string, now: Date): Promise<"refreshed" | "regressed" | "busy" | "gone"> {
  const db = await getDb();
  try {
    return await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${AUDIT_LOCK_ID}) AS locked`;
        if (!lock?.locked) throw new BusyError();
        let found: { id: string }[];
        try {
          found = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "cluster" WHERE "id" = ${clusterId} FOR UPDATE NOWAIT`;
          await tx.$queryRaw`SELECT "id" FROM "scorecard" WHERE "clusterId" = ${clusterId} FOR UPDATE NOWAIT`;
        } catch {
          throw new BusyError();
        }
        if (found.length === 0) return "gone" as const;
        // a condition that lapsed turns its approval back to "changes requested" for good
        await recordLapsedConditions(tx, { clusterId }, now);
        const signals = await refreshClusterSignals(tx, clusterId, now);
        return signals.regressed ? ("regressed" as const) : ("refreshed" as const);
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (error instanceof BusyError) return "busy";
    throw error;
  }
}
