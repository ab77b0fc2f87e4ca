/**
 * What a content change does to the design review, run inside the transaction that bumps the
 * scorecard's version (lib/scorecards/write.ts afterContentChange): every slot's decision made
 * on an earlier version stops counting (visibly: "approved v7, now v9"), an approved or
 * changes-requested scorecard goes back to "in review", each step is audited, and reviewers
 * are notified that their sign-off is needed again. Kept apart from ./workflow.ts so the
 * scorecard write path does not pull in milestones.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { enqueueReviewNeedsAction } from "@/lib/webhooks/enqueue";
import { contentChangedReason, isApproving, roleLabel } from "./sign-off-rules";

type Tx = Prisma.TransactionClient;
type Actor = Parameters<typeof recordAudit>[1]["actor"];

export interface InvalidationResult {
  invalidated: { approvalId: string; role: string; decision: string; fromVersion: number }[];
  stateFrom: string;
  stateTo: string;
}

/**
 * Invalidates the decisions bound to versions before `version` and moves the review state.
 * Cheap when there is no review: one query.
 */
export async function invalidateSignOffsAfterChange(
  tx: Tx,
  input: { scorecardId: string; version: number; actor: Actor; now?: Date },
): Promise<InvalidationResult> {
  const now = input.now ?? new Date();
  const scorecard = await tx.scorecard.findUniqueOrThrow({
    where: { id: input.scorecardId },
    select: {
      state: true,
      title: true,
      updatedAt: true,
      clusterId: true,
      cluster: { select: { name: true } },
      reviewSlots: {
        select: {
          role: true,
          // only a slot's newest decision counts; older ones are history and stay as they are
          approvals: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { id: true, decision: true, scorecardVersion: true, invalidatedAt: true },
          },
        },
      },
    },
  });
  const result: InvalidationResult = { invalidated: [], stateFrom: scorecard.state, stateTo: scorecard.state };
  if (scorecard.reviewSlots.length === 0) return result;

  for (const slot of scorecard.reviewSlots) {
    const newest = slot.approvals[0];
    if (!newest || newest.invalidatedAt || newest.scorecardVersion >= input.version) continue;
    const invalidReason = contentChangedReason(newest.scorecardVersion, input.version);
    await tx.approval.update({ where: { id: newest.id }, data: { invalidatedAt: now, invalidReason } });
    await recordAudit(tx, {
      actor: input.actor,
      action: "invalidate",
      entityType: "approval",
      entityId: newest.id,
      clusterId: scorecard.clusterId,
      scorecardId: input.scorecardId,
      before: { role: slot.role, decision: newest.decision, scorecardVersion: newest.scorecardVersion },
      after: { title: `${roleLabel(slot.role)} v${newest.scorecardVersion}`, role: slot.role, invalidReason, scorecardVersion: input.version },
    });
    result.invalidated.push({ approvalId: newest.id, role: slot.role, decision: newest.decision, fromVersion: newest.scorecardVersion });
  }

  // no decision is bound to the new version yet, so the review is simply open again
  if (scorecard.state === "approved" || scorecard.state === "changes_requested") {
    result.stateTo = "in_review";
    await tx.scorecard.update({ where: { id: input.scorecardId }, data: { state: "in_review", updatedAt: scorecard.updatedAt } });
    await recordAudit(tx, {
      actor: input.actor,
      action: "review_state",
      entityType: "scorecard",
      entityId: input.scorecardId,
      clusterId: scorecard.clusterId,
      scorecardId: input.scorecardId,
      before: { state: scorecard.state },
      after: { title: scorecard.title, state: "in_review", version: input.version, cause: "content changed" },
    });
  }

  if (result.invalidated.length > 0) {
    const lostApprovals = result.invalidated.filter((i) => isApproving(i.decision));
    await enqueueReviewNeedsAction(tx, {
      action: lostApprovals.length > 0 ? "signoff_invalidated" : "review_requested",
      scorecardId: input.scorecardId,
      scorecardTitle: scorecard.title,
      clusterName: scorecard.cluster.name,
      roles: result.invalidated.map((i) => i.role),
      actorName: "system" in input.actor ? undefined : (input.actor.name ?? input.actor.email),
      comment: `Content changed: now version ${input.version}.`,
    });
  }
  return result;
}
