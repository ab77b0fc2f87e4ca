/**
 * Steps of the review workflow that run inside a caller's transaction: read the slots and
 * the current content, settle the scorecard's review state after a change (with its audit
 * event, and the sign-off milestone when it becomes approved), and record lapsed conditions.
 * Callers lock the cluster first (lockCluster), so concurrent sign-offs settle one after
 * the other and the last one sees every decision.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import type { ScorecardState } from "@/lib/domain/constants";
import { recordAudit } from "@/lib/audit/record";
import { recordMilestone } from "@/lib/milestones/mutations";
import { enqueueReviewNeedsAction } from "@/lib/webhooks/enqueue";
import { contentSelect, scorecardContentHash, type ContentRow } from "@/lib/readiness/content-hash";
import { computeReviewState, isApproving, lapsedConditions, roleLabel, type ReviewContent } from "./rules";
import { toRuleSlot, type SlotRow } from "./views";

type Tx = Prisma.TransactionClient;
export type ReviewActor = CurrentUser | { system: string };
export const SYSTEM_ACTOR = { system: "Drillbook" } as const;

export { contentSelect };

/** Newest decision first; the id breaks ties between decisions of the same millisecond. */
export const decisionOrder: Prisma.ApprovalOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

export const decisionSelect = {
  id: true,
  decision: true,
  signerId: true,
  comment: true,
  scorecardVersion: true,
  contentHash: true,
  createdAt: true,
  invalidatedAt: true,
  invalidReason: true,
  lapsedAt: true,
  signer: { select: { id: true, name: true } },
  conditions: { orderBy: { dueDate: "asc" }, select: { id: true, what: true, owner: true, dueDate: true, metAt: true } },
} satisfies Prisma.ApprovalSelect;

/** Slots in the order they were asked for. */
export const slotOrder: Prisma.ReviewSlotOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];

export const slotSelect = {
  id: true,
  role: true,
  required: true,
  createdAt: true,
  requestedBy: { select: { id: true, name: true } },
  signers: { select: { user: { select: { id: true, name: true } } } },
  approvals: { orderBy: decisionOrder, select: decisionSelect },
} satisfies Prisma.ReviewSlotSelect;

/** The scorecard's version and the hash of its content as stored now. */
export async function currentContent(tx: Tx, scorecardId: string): Promise<ReviewContent> {
  const row = await tx.scorecard.findUniqueOrThrow({ where: { id: scorecardId }, select: { version: true, ...contentSelect } });
  return { version: row.version, contentHash: scorecardContentHash(row as ContentRow) };
}

export async function loadSlots(tx: Tx, scorecardId: string): Promise<SlotRow[]> {
  return tx.reviewSlot.findMany({ where: { scorecardId }, orderBy: slotOrder, select: slotSelect });
}

export interface SettleResult {
  from: ScorecardState;
  to: ScorecardState;
  milestoneId: string | null;
}

/**
 * Recomputes the scorecard's review state from its slots and stores it when it moved,
 * recording the move in the audit log. Becoming approved takes the sign-off milestone in
 * the same transaction. The scorecard's updatedAt is kept: a review decision is not content.
 */
export async function settleReviewState(tx: Tx, scorecardId: string, actor: ReviewActor, now: Date, cause: string): Promise<SettleResult> {
  const scorecard = await tx.scorecard.findUniqueOrThrow({
    where: { id: scorecardId },
    select: { title: true, state: true, updatedAt: true, clusterId: true, version: true },
  });
  const slots = (await loadSlots(tx, scorecardId)).map(toRuleSlot);
  const content = await currentContent(tx, scorecardId);
  const to = computeReviewState(slots, content, now);
  const from = scorecard.state;
  if (to === from) return { from, to, milestoneId: null };
  await tx.scorecard.update({ where: { id: scorecardId }, data: { state: to, updatedAt: scorecard.updatedAt } });
  await recordAudit(tx, {
    actor,
    action: "review_state",
    entityType: "scorecard",
    entityId: scorecardId,
    clusterId: scorecard.clusterId,
    scorecardId,
    before: { state: from },
    after: { title: scorecard.title, state: to, version: content.version, contentHash: content.contentHash, cause },
  });
  let milestoneId: string | null = null;
  if (to === "approved" && "id" in actor) {
    milestoneId = (await recordMilestone(tx, actor, { scorecardId, name: `Approved at version ${content.version}` }, "sign_off", now)).id;
  }
  return { from, to, milestoneId };
}

/**
 * Turns approvals whose condition is past due and unmet back into "changes requested" for
 * good: marks each one lapsed (at the condition's due moment), records it, settles the
 * scorecard's state and queues a "review needs action" message. Only a slot's newest
 * decision counts, so replaced approvals are left alone. Returns the scorecards changed.
 */
export async function recordLapsedConditions(tx: Tx, where: { clusterId: string } | { scorecardId: string }, now: Date): Promise<string[]> {
  const slots = await tx.reviewSlot.findMany({
    where: "clusterId" in where ? { scorecard: { clusterId: where.clusterId } } : { scorecardId: where.scorecardId },
    select: {
      role: true,
      scorecard: { select: { id: true, title: true, clusterId: true, cluster: { select: { name: true } } } },
      approvals: {
        orderBy: decisionOrder,
        take: 1,
        select: {
          id: true,
          decision: true,
          invalidatedAt: true,
          lapsedAt: true,
          conditions: { select: { id: true, what: true, owner: true, dueDate: true, metAt: true } },
        },
      },
    },
  });
  const changed = new Map<string, { title: string; clusterName: string; roles: string[]; lapsed: string[] }>();
  for (const slot of slots) {
    const newest = slot.approvals[0];
    if (!newest || newest.invalidatedAt || newest.lapsedAt || !isApproving(newest.decision)) continue;
    const lapsed = lapsedConditions(newest, now);
    if (lapsed.length === 0) continue;
    const lapsedAt = new Date(Math.min(...lapsed.map((c) => c.dueDate.getTime())));
    await tx.approval.update({ where: { id: newest.id }, data: { lapsedAt } });
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "lapse",
      entityType: "approval",
      entityId: newest.id,
      clusterId: slot.scorecard.clusterId,
      scorecardId: slot.scorecard.id,
      before: { role: slot.role, decision: newest.decision },
      after: {
        title: roleLabel(slot.role),
        role: slot.role,
        effectiveDecision: "changes_requested",
        lapsedAt,
        conditions: lapsed.map((c) => ({ what: c.what, owner: c.owner, dueDate: c.dueDate })),
      },
    });
    const entry = changed.get(slot.scorecard.id) ?? { title: slot.scorecard.title, clusterName: slot.scorecard.cluster.name, roles: [], lapsed: [] };
    entry.roles.push(slot.role);
    entry.lapsed.push(...lapsed.map((c) => c.what));
    changed.set(slot.scorecard.id, entry);
  }
  for (const [scorecardId, entry] of changed) {
    await settleReviewState(tx, scorecardId, SYSTEM_ACTOR, now, "condition lapsed");
    await enqueueReviewNeedsAction(tx, {
      action: "condition_lapsed",
      scorecardId,
      scorecardTitle: entry.title,
      clusterName: entry.clusterName,
      roles: entry.roles,
      comment: entry.lapsed.map((w) => `Lapsed: ${w}`).join("\n"),
    });
  }
  return [...changed.keys()];
}
