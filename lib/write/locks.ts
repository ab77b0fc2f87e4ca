/**
 * THE LOCK ORDER of every write path. A transaction takes locks only in this order, so no two
 * writers can each hold what the other waits for (a deadlock):
 *
 *   1. The cluster row, `FOR UPDATE` (lockCluster), before any other write or row lock on that
 *      cluster's data (scorecards, items, evidence, exemptions, drills, reviews, milestones).
 *      Inserting a child row takes a `FOR KEY SHARE` lock on its parent through the foreign
 *      key, which a concurrent `FOR UPDATE` would wait for: taking the cluster lock first means
 *      the second writer waits at step 1, holding nothing. A transaction touches one cluster;
 *      one that ever needs several locks them in ascending id order.
 *   2. Rows of that cluster (drill `FOR UPDATE`, item and scorecard updates), in any order:
 *      only writers holding lock 1 take them, so they never contend.
 *   3. Rows outside any cluster (a template, a user, a token, an idempotency key), each in
 *      its own statement.
 *   4. Last, the audit chain's advisory lock, taken by the audit buffer's flush at the end of
 *      writeTransaction (lib/audit/record.ts), held only until commit.
 *
 * The portfolio sweep never waits at step 1: it takes the cluster with SKIP LOCKED and skips a busy
 * cluster (whose writer refreshes it anyway). Waits at step 1 are bounded by lock_timeout
 * (writeTransaction); a writer that times out answers 409 "busy, try again".
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

/** Step 1: locks the cluster row until the transaction ends. Returns false when there is no such cluster. */
export async function lockCluster(tx: Tx, clusterId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "cluster" WHERE id = ${clusterId} FOR UPDATE`;
  return rows.length > 0;
}

/** Step 1 for the sweep: the cluster row without waiting; "busy" when a writer holds it. */
export async function tryLockCluster(tx: Tx, clusterId: string): Promise<"locked" | "busy" | "gone"> {
  // SKIP LOCKED rather than NOWAIT: NOWAIT raises an error, which aborts the whole transaction
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "cluster" WHERE id = ${clusterId} FOR UPDATE SKIP LOCKED`;
  if (rows.length > 0) return "locked";
  return (await tx.cluster.count({ where: { id: clusterId } })) > 0 ? "busy" : "gone";
}

/** What a write names; the cluster it belongs to is looked up without a lock, then locked. */
export type ClusterOwned =
  | { clusterId: string }
  | { scorecardId: string }
  | { itemId: string }
  | { evidenceId: string }
  | { drillId: string }
  | { exemptionId: string }
  | { seriesId: string };

async function findClusterId(tx: Tx, of: ClusterOwned): Promise<string | null> {
  if ("clusterId" in of) return of.clusterId;
  if ("scorecardId" in of) return (await tx.scorecard.findUnique({ where: { id: of.scorecardId }, select: { clusterId: true } }))?.clusterId ?? null;
  if ("drillId" in of) return (await tx.drill.findUnique({ where: { id: of.drillId }, select: { clusterId: true } }))?.clusterId ?? null;
  if ("itemId" in of) {
    return (
      (await tx.scorecardItem.findUnique({ where: { id: of.itemId }, select: { scorecard: { select: { clusterId: true } } } }))?.scorecard.clusterId ?? null
    );
  }
  if ("evidenceId" in of) {
    const row = await tx.evidence.findUnique({
      where: { id: of.evidenceId },
      select: { scorecardItem: { select: { scorecard: { select: { clusterId: true } } } } },
    });
    return row?.scorecardItem.scorecard.clusterId ?? null;
  }
  if ("exemptionId" in of) {
    const row = await tx.exemption.findUnique({
      where: { id: of.exemptionId },
      select: { scorecardItem: { select: { scorecard: { select: { clusterId: true } } } } },
    });
    return row?.scorecardItem.scorecard.clusterId ?? null;
  }
  return (await tx.metricSeries.findUnique({ where: { id: of.seriesId }, select: { drill: { select: { clusterId: true } } } }))?.drill.clusterId ?? null;
}

/**
 * Step 1 for a write that names a row of a cluster: finds the cluster and locks it. Throws
 * NotFoundError (with `missing`) when the row or its cluster is gone. A row can only move
 * between clusters by being deleted, so the id found before the lock stays right.
 */
export async function lockClusterOf(tx: Tx, of: ClusterOwned, missing = "This no longer exists."): Promise<string> {
  const clusterId = await findClusterId(tx, of);
  if (!clusterId || !(await lockCluster(tx, clusterId))) throw new NotFoundError(missing);
  return clusterId;
}
