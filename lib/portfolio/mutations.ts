/**
 * Writes of the portfolio itself (not of a user's content): the time-driven refresh of
 * clusters whose signals crossed a boundary. Called by the sweep (./sweep.ts), never by a
 * request, so it takes no user; its audit events name the system as actor.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { recordLapsedConditions } from "@/lib/reviews/workflow";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { tryLockCluster } from "@/lib/write/locks";
import { writeTransaction } from "@/lib/write/transaction";

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
 * user's transaction: the cluster row is taken with NOWAIT (lock order step 1,
 * lib/write/locks.ts), and a cluster that is being changed right now is reported busy
 * (that change refreshes it).
 */
export async function refreshClusterForSweep(clusterId: string, now: Date): Promise<"refreshed" | "regressed" | "busy" | "gone"> {
  return writeTransaction(
    async (tx) => {
      const lock = await tryLockCluster(tx, clusterId);
      if (lock !== "locked") return lock;
      // a condition that lapsed turns its approval back to "changes requested" for good
      await recordLapsedConditions(tx, { clusterId }, now);
      const signals = await afterClusterChange(tx, clusterId, now);
      return signals.regressed ? ("regressed" as const) : ("refreshed" as const);
    },
    { timeoutMs: 30_000 },
  );
}
