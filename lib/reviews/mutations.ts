/**
 * Writes of the design review: request a review (or change who signs), sign off, and mark a
 * condition met. Each runs in one transaction that locks the cluster first (so concurrent
 * sign-offs and edits queue up and the last sign-off sees every other), records its audit
 * events, settles the scorecard's review state (taking the sign-off milestone when it becomes
 * approved) and refreshes the cluster's signals (pending sign-offs).
 */
import "server-only";
import { selfApprovalAllowed } from "./policy";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import { endOfUtcDay, startOfUtcDay } from "@/lib/validation/date-field";
import { enqueueReviewNeedsAction } from "@/lib/webhooks/enqueue";
import { DECISION_LABELS, roleLabel, signOffRefusal } from "./rules";
import type { ConditionMetInput, RequestReviewInput, SignOffInput } from "./schema";
import { REPLACED } from "./views";
import { currentContent, decisionOrder, recordLapsedConditions, settleReviewState, type SettleResult } from "./workflow";
import { writeTransaction } from "@/lib/write/transaction";

const FIX = "Please correct the highlighted fields.";

async function findScorecardCluster(tx: Parameters<typeof lockCluster>[0], scorecardId: string): Promise<string> {
  const found = await tx.scorecard.findUnique({ where: { id: scorecardId }, select: { clusterId: true } });
  if (!found) throw new NotFoundError("This scorecard no longer exists.");
  return found.clusterId;
}

/**
 * Requests a review of a scorecard, or changes an open one: the roles that sign, whether each
 * is required, and who may sign for each (approvers and admins only; not the scorecard's
 * owner unless self-approval is allowed). Roles keep their decisions when only their signers
 * or "required" change; a role that already has decisions cannot be removed.
 */
export async function requestReview(user: CurrentUser, input: RequestReviewInput, now = new Date()): Promise<{ state: string; milestoneId: string | null }> {
  if (!can(user.role, "review:request")) throw new ForbiddenError();
  return writeTransaction(async (tx) => {
    const clusterId = await findScorecardCluster(tx, input.scorecardId);
    await lockCluster(tx, clusterId);
    const scorecard = await tx.scorecard.findUniqueOrThrow({
      where: { id: input.scorecardId },
      select: {
        id: true,
        title: true,
        ownerId: true,
        cluster: { select: { name: true } },
        reviewSlots: { select: { id: true, role: true, required: true, signers: { select: { userId: true } }, _count: { select: { approvals: true } } } },
      },
    });
    const wanted = [...new Set(input.slots.flatMap((s) => s.signerIds))];
    const people = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, role: true, banned: true } });
    const eligible = new Map(people.filter((p) => !p.banned && can(p.role, "review:sign")).map((p) => [p.id, p]));
    const fieldErrors: Record<string, string[]> = {};
    input.slots.forEach((slot, i) => {
      const path = `slots.${i}.signerIds`;
      const unknown = slot.signerIds.filter((id) => !eligible.has(id));
      if (unknown.length) (fieldErrors[path] ??= []).push("Only approvers and admins can sign off; choose from the list");
      if (scorecard.ownerId && slot.signerIds.includes(scorecard.ownerId) && !selfApprovalAllowed()) {
        (fieldErrors[path] ??= []).push("The scorecard's owner cannot approve it; choose someone else");
      }
    });
    const kept = new Set(input.slots.map((s) => s.role));
    const removedWithDecisions = scorecard.reviewSlots.filter((s) => !kept.has(s.role) && s._count.approvals > 0);
    if (removedWithDecisions.length) {
      fieldErrors.slots = [
        `${removedWithDecisions.map((s) => roleLabel(s.role)).join(", ")} already has decisions and stays; you can make it optional instead`,
      ];
    }
    if (Object.keys(fieldErrors).length) throw new DomainError(FIX, fieldErrors);

    const before = scorecard.reviewSlots.map((s) => ({ role: s.role, required: s.required, signerIds: s.signers.map((x) => x.userId) }));
    const existing = new Map(scorecard.reviewSlots.map((s) => [s.role, s]));
    for (const slot of scorecard.reviewSlots) if (!kept.has(slot.role)) await tx.reviewSlot.delete({ where: { id: slot.id } });
    const added: string[] = [];
    for (const slot of input.slots) {
      const found = existing.get(slot.role);
      const slotId = found
        ? (await tx.reviewSlot.update({ where: { id: found.id }, data: { required: slot.required }, select: { id: true } })).id
        : (
            await tx.reviewSlot.create({
              data: { scorecardId: scorecard.id, role: slot.role, required: slot.required, requestedById: user.id },
              select: { id: true },
            })
          ).id;
      if (!found) added.push(slot.role);
      await tx.reviewSlotSigner.deleteMany({ where: { slotId } });
      await tx.reviewSlotSigner.createMany({ data: slot.signerIds.map((userId) => ({ slotId, userId })) });
    }
    const names = (ids: string[]) => ids.map((id) => eligible.get(id)?.name ?? id);
    await recordAudit(tx, {
      actor: user,
      action: before.length ? "update_review" : "request_review",
      entityType: "review",
      entityId: scorecard.id,
      clusterId,
      scorecardId: scorecard.id,
      before: before.length ? { title: scorecard.title, slots: before } : undefined,
      after: {
        title: scorecard.title,
        slots: input.slots.map((s) => ({ role: s.role, required: s.required, signerIds: s.signerIds, signers: names(s.signerIds) })),
      },
    });
    const settled = await settleReviewState(tx, scorecard.id, user, now, before.length ? "reviewers changed" : "review requested");
    await afterClusterChange(tx, clusterId, now);
    const notify = before.length ? added : input.slots.map((s) => s.role);
    if (notify.length) {
      await enqueueReviewNeedsAction(tx, {
        action: "review_requested",
        scorecardId: scorecard.id,
        scorecardTitle: scorecard.title,
        clusterName: scorecard.cluster.name,
        roles: notify,
        actorName: user.name,
      });
    }
    return { state: settled.to, milestoneId: settled.milestoneId };
  });
}

export interface SignOffResult extends SettleResult {
  approvalId: string;
  version: number;
  contentHash: string;
}

/**
 * Records a sign-off for one role, bound to the scorecard version the signer reviewed and the
 * SHA-256 of the content at that version. The slot's earlier decision is replaced (kept as
 * history). Settles the review state: changes requested, still in review, or approved with
 * the sign-off milestone.
 */
export async function signOff(user: CurrentUser, input: SignOffInput, now = new Date()): Promise<SignOffResult> {
  if (!can(user.role, "review:sign")) throw new ForbiddenError("Only approvers and admins sign off reviews.");
  const past = input.conditions.filter((c) => c.dueDay.getTime() < startOfUtcDay(now).getTime());
  if (past.length) {
    throw new DomainError(FIX, Object.fromEntries(past.map((c) => [`conditions.${c.index}.dueDate`, ["The due date must be today or later"]])));
  }
  return writeTransaction(async (tx) => {
    const slot = await tx.reviewSlot.findUnique({
      where: { id: input.slotId },
      select: { id: true, role: true, scorecardId: true, scorecard: { select: { clusterId: true } } },
    });
    if (!slot) throw new NotFoundError("This sign-off role no longer exists; reload the page.");
    const clusterId = slot.scorecard.clusterId;
    await lockCluster(tx, clusterId);
    // a lapse that nobody recorded yet is settled before this decision is weighed against it
    await recordLapsedConditions(tx, { scorecardId: slot.scorecardId }, now);
    const scorecard = await tx.scorecard.findUniqueOrThrow({
      where: { id: slot.scorecardId },
      select: { id: true, title: true, state: true, version: true, ownerId: true, cluster: { select: { name: true } } },
    });
    const signers = await tx.reviewSlotSigner.findMany({ where: { slotId: slot.id }, select: { userId: true } });
    const refusal = signOffRefusal({
      userId: user.id,
      role: slot.role,
      signerIds: signers.map((s) => s.userId),
      ownerId: scorecard.ownerId,
      allowSelfApproval: selfApprovalAllowed(),
      decision: input.decision,
      state: scorecard.state,
      seenVersion: input.version,
      version: scorecard.version,
    });
    if (refusal?.kind === "forbidden") throw new ForbiddenError(refusal.message);
    if (refusal?.kind === "conflict") throw new ConflictError(refusal.message, {});
    if (refusal) throw new DomainError(refusal.message, {}, 409);

    const { contentHash } = await currentContent(tx, scorecard.id);
    const previous = await tx.approval.findFirst({
      where: { slotId: slot.id, invalidatedAt: null },
      orderBy: decisionOrder,
      select: { id: true, decision: true },
    });
    if (previous) {
      await tx.approval.update({ where: { id: previous.id }, data: { invalidatedAt: now, invalidReason: REPLACED } });
    }
    const conditions = input.conditions.map((c) => ({ what: c.what, owner: c.owner, dueDate: endOfUtcDay(c.dueDay) }));
    const approval = await tx.approval.create({
      data: {
        scorecardId: scorecard.id,
        slotId: slot.id,
        signerId: user.id,
        decision: input.decision,
        comment: input.comment,
        scorecardVersion: scorecard.version,
        contentHash,
        createdAt: now,
        conditions: { create: conditions },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "sign",
      entityType: "approval",
      entityId: approval.id,
      clusterId,
      scorecardId: scorecard.id,
      before: previous ? { replaced: previous.id, decision: previous.decision } : undefined,
      after: {
        title: `${roleLabel(slot.role)}: ${DECISION_LABELS[input.decision].toLowerCase()} v${scorecard.version}`,
        role: slot.role,
        decision: input.decision,
        comment: input.comment,
        scorecardVersion: scorecard.version,
        contentHash,
        conditions,
      },
    });
    const settled = await settleReviewState(tx, scorecard.id, user, now, `${roleLabel(slot.role)}: ${input.decision.replaceAll("_", " ")}`);
    await afterClusterChange(tx, clusterId, now);
    if (input.decision === "changes_requested") {
      await enqueueReviewNeedsAction(tx, {
        action: "changes_requested",
        scorecardId: scorecard.id,
        scorecardTitle: scorecard.title,
        clusterName: scorecard.cluster.name,
        roles: [slot.role],
        actorName: user.name,
        comment: input.comment,
      });
    }
    return { ...settled, approvalId: approval.id, version: scorecard.version, contentHash };
  });
}

/**
 * Marks a condition of the current approval met (anyone who edits scorecards: the author,
 * the condition's owner if they edit, an approver). A lapsed condition cannot be met late:
 * the approval already turned back to "changes requested" and needs a new sign-off.
 */
export async function markConditionMet(user: CurrentUser, input: ConditionMetInput, now = new Date()): Promise<void> {
  if (!can(user.role, "scorecard:write")) throw new ForbiddenError();
  await writeTransaction(async (tx) => {
    const found = await tx.approvalCondition.findUnique({
      where: { id: input.conditionId },
      select: { approval: { select: { scorecard: { select: { clusterId: true } } } } },
    });
    if (!found) throw new NotFoundError("This condition no longer exists.");
    const clusterId = found.approval.scorecard.clusterId;
    await lockCluster(tx, clusterId);
    const condition = await tx.approvalCondition.findUniqueOrThrow({
      where: { id: input.conditionId },
      select: {
        id: true,
        what: true,
        owner: true,
        dueDate: true,
        metAt: true,
        approval: { select: { id: true, scorecardId: true, invalidatedAt: true, slot: { select: { role: true } } } },
      },
    });
    if (condition.metAt) return;
    if (condition.approval.invalidatedAt)
      throw new DomainError("This sign-off no longer counts (it was replaced or the content changed), so its conditions need no follow-up.", {}, 409);
    if (condition.dueDate.getTime() <= now.getTime()) {
      throw new DomainError(
        `This condition lapsed on ${condition.dueDate.toISOString().slice(0, 10)}; the ${roleLabel(condition.approval.slot.role)} approver has to sign again.`,
        {},
        409,
      );
    }
    await tx.approvalCondition.update({ where: { id: condition.id }, data: { metAt: now } });
    await recordAudit(tx, {
      actor: user,
      action: "condition_met",
      entityType: "approval_condition",
      entityId: condition.id,
      clusterId,
      scorecardId: condition.approval.scorecardId,
      before: { what: condition.what, owner: condition.owner, dueDate: condition.dueDate, metAt: null },
      after: { title: condition.what, metAt: now },
    });
    // its due date no longer bounds the cluster's signals
    await afterClusterChange(tx, clusterId, now);
  });
}
