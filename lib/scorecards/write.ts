/**
 * Steps every scorecard write shares, run inside the caller's transaction: serialize writers
 * per cluster, bump the scorecard's content version, and refresh the readiness signals.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshClusterSignals } from "@/lib/portfolio/signals";

type Tx = Prisma.TransactionClient;

/**
 * Locks the cluster row until the transaction ends. Every write that refreshes a cluster's
 * signals takes this lock first, so two writers on one cluster queue up instead of
 * deadlocking on the scorecard rows that the refresh updates.
 */
export async function lockCluster(tx: Tx, clusterId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "cluster" WHERE id = ${clusterId} FOR UPDATE`;
}

/**
 * Records a content change of a scorecard: its version goes up (sign-offs are bound to the
 * version) and the cached outcome of the cluster's scorecards and portfolio columns are
 * recomputed in the same transaction.
 */
export async function afterContentChange(tx: Tx, scorecardId: string, clusterId: string): Promise<number> {
  const { version } = await tx.scorecard.update({
    where: { id: scorecardId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  await refreshClusterSignals(tx, clusterId);
  return version;
}
