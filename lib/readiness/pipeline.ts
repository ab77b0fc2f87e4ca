/**
 * The one after-write pipeline. Every mutation that can move readiness calls one of these
 * inside its write transaction (lib/write/transaction.ts), after taking the cluster lock
 * first (lib/write/locks.ts), and nothing else recomputes or caches readiness:
 *
 *   content change of a scorecard  → afterContentChange: version + 1 → sign-offs of earlier
 *                                     versions invalidated, review re-opened (./invalidate.ts)
 *                                     → afterClusterChange
 *   anything else on a cluster      → afterClusterChange: every scorecard's cached outcome,
 *   (drill, answer, approval, facts)   the cluster's portfolio columns, the regression flag with
 *                                     its audit event and webhook (./refresh.ts)
 *
 * Audit events of the change itself are recorded by the mutation; the transaction appends
 * them, with the pipeline's, at its end.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditInput } from "@/lib/audit/record";
import { invalidateSignOffsAfterChange } from "./invalidate";
import { refreshClusterSignals, type ClusterSignals } from "./refresh";

type Tx = Prisma.TransactionClient;

/** Recomputes the cluster's readiness signals after a change on it. */
export function afterClusterChange(tx: Tx, clusterId: string, now = new Date()): Promise<ClusterSignals> {
  return refreshClusterSignals(tx, clusterId, now);
}

/**
 * Records a content change of a scorecard: its version goes up, the design review's
 * sign-offs of earlier versions stop counting (an approved scorecard goes back to review,
 * audited as done by `actor`), and the cluster's signals are recomputed. Returns the new
 * version.
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
  await afterClusterChange(tx, clusterId);
  return version;
}
