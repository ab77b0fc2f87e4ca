/**
 * Exemptions: someone asks for an item to be waived until a date, naming an approver; the
 * approver grants or denies. A granted, unexpired exemption counts the item as not
 * applicable; once it expires the item is back in play (the rules read the expiry, so no
 * job has to run at that moment).
 */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { afterContentChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import { endOfUtcDay, startOfUtcDay } from "@/lib/validation/date-field";
import type { DecideExemptionInput, RequestExemptionInput } from "./schema";
import { writeTransaction } from "@/lib/write/transaction";

function invalid(field: string, message: string) {
  return new DomainError("Please correct the highlighted fields.", { [field]: [message] });
}

/**
 * Requests an exemption. The approver must be an approver or admin other than the
 * requester; the expiry day must be today or later (it lasts until the end of that day,
 * UTC); an item has at most one open request or active exemption at a time.
 */
export async function requestExemption(user: CurrentUser, input: RequestExemptionInput, now = new Date()): Promise<{ id: string }> {
  if (!can(user.role, "scorecard:write")) throw new ForbiddenError();
  if (input.expiresOn.getTime() < startOfUtcDay(now).getTime()) throw invalid("expiresOn", "The expiry date must be in the future");
  if (input.approverId === user.id) throw invalid("approverId", "You cannot approve your own request; choose someone else");
  const expiresAt = endOfUtcDay(input.expiresOn);
  return writeTransaction(async (tx) => {
    const [item, approver] = await Promise.all([
      tx.scorecardItem.findUnique({
        where: { id: input.itemId },
        select: {
          id: true,
          templateItem: { select: { title: true } },
          scorecard: { select: { id: true, clusterId: true } },
          exemptions: { where: { OR: [{ status: "requested" }, { status: "granted", expiresAt: { gt: now } }] }, select: { status: true } },
        },
      }),
      tx.user.findUnique({ where: { id: input.approverId }, select: { id: true, role: true, banned: true } }),
    ]);
    if (!item) throw new NotFoundError("This item no longer exists.");
    if (!approver || approver.banned || !can(approver.role, "exemption:decide")) throw invalid("approverId", "Choose an approver or admin");
    await lockCluster(tx, item.scorecard.clusterId);
    const open = item.exemptions[0];
    if (open) {
      throw new DomainError(
        open.status === "requested" ? "An exemption request for this item is already waiting for a decision." : "This item already has an active exemption.",
        {},
        409,
      );
    }
    const exemption = await tx.exemption.create({
      data: { scorecardItemId: item.id, justification: input.justification, requestedById: user.id, approverId: approver.id, expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "request",
      entityType: "exemption",
      entityId: exemption.id,
      clusterId: item.scorecard.clusterId,
      scorecardId: item.scorecard.id,
      after: { itemId: item.id, item: item.templateItem.title, justification: input.justification, approverId: approver.id, expiresAt },
    });
    return exemption;
  });
}

/**
 * Grants or denies a waiting request. Only the named approver or an admin may decide, never
 * the requester; a request that expired before the decision cannot be granted. Granting
 * changes the scorecard's content (the item leaves play), so its version goes up.
 */
export async function decideExemption(user: CurrentUser, input: DecideExemptionInput, now = new Date()): Promise<void> {
  if (!can(user.role, "exemption:decide")) throw new ForbiddenError("Only approvers and admins can decide exemptions.");
  await writeTransaction(async (tx) => {
    const exemption = await tx.exemption.findUnique({
      where: { id: input.exemptionId },
      select: {
        id: true,
        status: true,
        expiresAt: true,
        requestedById: true,
        approverId: true,
        decidedAt: true,
        scorecardItem: { select: { id: true, scorecard: { select: { id: true, clusterId: true } } } },
      },
    });
    if (!exemption) throw new NotFoundError("This exemption request no longer exists.");
    if (exemption.requestedById === user.id) throw new ForbiddenError("You asked for this exemption, so someone else has to decide it.");
    if (exemption.approverId !== user.id && user.role !== "admin") throw new ForbiddenError("Only the named approver (or an admin) can decide this exemption.");
    if (input.decision === "granted" && exemption.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError("This request expired before it was decided; ask for a new one with a later expiry date.", {}, 409);
    }
    const { id: scorecardId, clusterId } = exemption.scorecardItem.scorecard;
    await lockCluster(tx, clusterId);
    const { count } = await tx.exemption.updateMany({
      where: { id: exemption.id, status: "requested" },
      data: { status: input.decision, decidedAt: now, decisionComment: input.comment || null },
    });
    if (count === 0) throw new ConflictError("This exemption was already decided.", { status: exemption.status });
    if (input.decision === "granted") await afterContentChange(tx, scorecardId, clusterId, user);
    await recordAudit(tx, {
      actor: user,
      action: input.decision === "granted" ? "grant" : "deny",
      entityType: "exemption",
      entityId: exemption.id,
      clusterId,
      scorecardId,
      before: { status: "requested" },
      after: { status: input.decision, comment: input.comment, expiresAt: exemption.expiresAt },
    });
  });
}
