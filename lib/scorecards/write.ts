/**
 * Steps every scorecard write shares, run inside the caller's transaction: serialize writers
 * per cluster, bump the scorecard's content version, and refresh the readiness signals.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditInput } from "@/lib/audit/record";
import { refreshClusterSignals } from "@/lib/portfolio/signals";
import { invalidateSignOffsAfterChange } from "@/lib/reviews/invalidate";

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
 * Records a content change of a scorecard: its version goes up, the design review's
 * sign-offs of earlier versions stop counting (an approved scorecard goes back to review,
 * audited as done by `actor`), and the cached outcome of the cluster's scorecards and
 * portfolio columns (pending sign-offs among them) are recomputed in the same transaction.
 */
export async function afterContentChange(
  tx: Tx,
  scorecardId: string,
  clusterId: string,
  actor: AuditInput["actor"] = { system: "Drillbook" },
): Promise<number> {
  const { version } = await tx.scorecard.update({
    where: { id: scorecardId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  await invalidateSignOffsAfterChange(tx, { scorecardId, version, actor });
  await refreshClusterSignals(tx, clusterId);
  return version;
}
