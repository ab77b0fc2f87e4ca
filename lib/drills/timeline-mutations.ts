/**
 * Writes to a drill's timeline events and follow-up actions, each in one transaction with its
 * audit event. Neither moves a readiness outcome, so cluster signals are left alone.
 */
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, NotFoundError } from "@/lib/errors";
import { assertDrillWrite, lockDrill } from "./access";
import type { FollowUpInput, TimelineEventInput } from "./schema";
import { writeTransaction } from "@/lib/write/transaction";

const MAX_EVENTS = 200;
const MAX_FOLLOW_UPS = 100;
/** Events this far from the drill's start are almost certainly a typo in the date. */
const MAX_DISTANCE_MS = 7 * 86_400_000;

/** Adds an event to the drill's timeline. */
export async function addTimelineEvent(user: CurrentUser, input: TimelineEventInput): Promise<{ id: string }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    const drill = await lockDrill(tx, input.drillId);
    const { startedAt } = await tx.drill.findUniqueOrThrow({ where: { id: drill.id }, select: { startedAt: true } });
    if (Math.abs(input.at.getTime() - startedAt.getTime()) > MAX_DISTANCE_MS) {
      throw new DomainError("Please correct the highlighted fields.", {
        at: [`More than 7 days from the drill's start (${startedAt.toISOString().replace(".000Z", "Z")}); check the date`],
      });
    }
    if ((await tx.drillTimelineEvent.count({ where: { drillId: drill.id } })) >= MAX_EVENTS) {
      throw new DomainError(`A drill's timeline holds at most ${MAX_EVENTS} events.`);
    }
    const { drillId, ...data } = input;
    const event = await tx.drillTimelineEvent.create({ data: { ...data, drillId } });
    await recordAudit(tx, { actor: user, action: "create", entityType: "drill_timeline_event", entityId: event.id, clusterId: drill.clusterId, after: input });
    return { id: event.id };
  });
}

/** Removes a timeline event. */
export async function deleteTimelineEvent(user: CurrentUser, id: string): Promise<{ drillId: string }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    const before = await tx.drillTimelineEvent.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("This event was already removed.");
    const drill = await lockDrill(tx, before.drillId);
    await tx.drillTimelineEvent.delete({ where: { id } });
    await recordAudit(tx, { actor: user, action: "delete", entityType: "drill_timeline_event", entityId: id, clusterId: drill.clusterId, before });
    return { drillId: drill.id };
  });
}

/** Adds a follow-up action with its owner and due date. */
export async function addFollowUp(user: CurrentUser, input: FollowUpInput): Promise<{ id: string }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    const drill = await lockDrill(tx, input.drillId);
    if ((await tx.drillFollowUp.count({ where: { drillId: drill.id } })) >= MAX_FOLLOW_UPS) {
      throw new DomainError(`A drill holds at most ${MAX_FOLLOW_UPS} follow-up actions.`);
    }
    const followUp = await tx.drillFollowUp.create({ data: input });
    await recordAudit(tx, { actor: user, action: "create", entityType: "drill_follow_up", entityId: followUp.id, clusterId: drill.clusterId, after: input });
    return { id: followUp.id };
  });
}

/** Marks a follow-up done or open again. */
export async function setFollowUpDone(user: CurrentUser, id: string, done: boolean): Promise<{ drillId: string }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    const before = await tx.drillFollowUp.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("This follow-up no longer exists.");
    const drill = await lockDrill(tx, before.drillId);
    await tx.drillFollowUp.update({ where: { id }, data: { done } });
    await recordAudit(tx, {
      actor: user,
      action: "update",
      entityType: "drill_follow_up",
      entityId: id,
      clusterId: drill.clusterId,
      before: { done: before.done },
      after: { done },
    });
    return { drillId: drill.id };
  });
}

/** Removes a follow-up. */
export async function deleteFollowUp(user: CurrentUser, id: string): Promise<{ drillId: string }> {
  assertDrillWrite(user);
  return writeTransaction(async (tx) => {
    const before = await tx.drillFollowUp.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("This follow-up was already removed.");
    const drill = await lockDrill(tx, before.drillId);
    await tx.drillFollowUp.delete({ where: { id } });
    await recordAudit(tx, { actor: user, action: "delete", entityType: "drill_follow_up", entityId: id, clusterId: drill.clusterId, before });
    return { drillId: drill.id };
  });
}
