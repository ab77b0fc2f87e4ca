/** Taking milestones. A milestone is never changed or deleted once taken. */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { loadRuleDrills } from "@/lib/readiness/evaluate";
import { buildScorecardView, scorecardPageSelect } from "@/lib/scorecards/page-view";
import { scorecardContentHash } from "@/lib/readiness/content-hash";
import { buildSnapshot } from "./snapshot";
import { lockClusterOf } from "@/lib/write/locks";
import { writeTransaction } from "@/lib/write/transaction";

type Tx = Prisma.TransactionClient;

/**
 * Snapshots the scorecard as it is now: items, evidence list, outcome, score and reasons.
 * `reason` is "manual" from the page; the design review takes one at sign-off.
 */
export async function takeMilestone(
  user: CurrentUser,
  input: { scorecardId: string; name: string },
  reason: "manual" | "sign_off" = "manual",
  now = new Date(),
): Promise<{ id: string }> {
  if (!can(user.role, "scorecard:write")) throw new ForbiddenError();
  return writeTransaction(async (tx) => {
    // lock order step 1: the snapshot sees a scorecard no other writer is changing
    await lockClusterOf(tx, { scorecardId: input.scorecardId }, "This scorecard no longer exists.");
    return recordMilestone(tx, user, input, reason, now);
  });
}

/**
 * The snapshot itself, inside the caller's transaction (the review takes one in the same
 * transaction as the sign-off that approves the scorecard). The caller authorizes.
 */
export async function recordMilestone(
  tx: Tx,
  user: CurrentUser,
  input: { scorecardId: string; name: string },
  reason: "manual" | "sign_off",
  now: Date,
): Promise<{ id: string }> {
  const row = await tx.scorecard.findUnique({ where: { id: input.scorecardId }, select: scorecardPageSelect });
  if (!row) throw new NotFoundError("This scorecard no longer exists.");
  const page = buildScorecardView(row, await loadRuleDrills(tx, row.clusterId), now);
  const snapshot = buildSnapshot(page);
  // the same hash sign-offs are bound to, so an "approved at" milestone and its approvals agree
  const contentHash = scorecardContentHash(row);
  const milestone = await tx.milestone.create({
    data: {
      scorecardId: row.id,
      name: input.name,
      reason,
      scorecardVersion: row.version,
      contentHash,
      outcome: snapshot.outcome,
      score: snapshot.score,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      createdById: user.id,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor: user,
    action: "create",
    entityType: "milestone",
    entityId: milestone.id,
    clusterId: row.clusterId,
    scorecardId: row.id,
    after: { name: input.name, reason, scorecardVersion: row.version, contentHash, outcome: snapshot.outcome, score: snapshot.score },
  });
  return milestone;
}
