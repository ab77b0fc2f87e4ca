/**
 * Writes to scorecards and their items: start a scorecard, autosave an item (optimistic
 * concurrency on the item version), comment. Each runs in one transaction with its audit
 * event; changes that can move the outcome refresh the cluster's signals in it too.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { ITEM_STATUSES } from "@/lib/domain/constants";
import { startOfUtcDay } from "@/lib/validation/date-field";
import type { CommentInput, CreateScorecardInput, ItemSaveInput, ItemValues } from "./schema";
import { afterContentChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import { writeTransaction } from "@/lib/write/transaction";

export function assertWrite(user: CurrentUser) {
  if (!can(user.role, "scorecard:write")) throw new ForbiddenError();
}

type Tx = Prisma.TransactionClient;

/** The owner of a scorecard must be someone active who can edit scorecards; refused on the field otherwise. */
export async function requireEligibleOwner(tx: Tx, ownerId: string): Promise<{ id: string; name: string }> {
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { id: true, name: true, role: true, banned: true } });
  if (!owner || owner.banned || !can(owner.role, "scorecard:write")) {
    throw new DomainError("Please correct the highlighted fields.", { ownerId: ["The owner must be someone who can edit scorecards"] });
  }
  return { id: owner.id, name: owner.name };
}

/** A due date, when given, is today or later (a date already set may stay as it is). */
export function refusePastDueDate(dueDate: Date | null, now: Date): void {
  if (dueDate && dueDate.getTime() < startOfUtcDay(now).getTime()) {
    throw new DomainError("Please correct the highlighted fields.", { dueDate: ["The due date is in the past; pick today or a later day"] });
  }
}

/**
 * Starts a scorecard for a cluster from one template version: one item per template item,
 * each owned by the item's default role. The scorecard keeps pointing at that version
 * whatever happens to the template later.
 */
export async function createScorecard(user: CurrentUser, input: CreateScorecardInput, now = new Date()): Promise<{ id: string }> {
  assertWrite(user);
  refusePastDueDate(input.dueDate, now);
  return writeTransaction(async (tx) => {
    const [cluster, template] = await Promise.all([
      tx.cluster.findUnique({ where: { id: input.clusterId }, select: { id: true } }),
      tx.template.findUnique({
        where: { id: input.templateId },
        select: { id: true, name: true, version: true, archivedAt: true, items: { select: { id: true, position: true, defaultOwnerRole: true } } },
      }),
    ]);
    if (!cluster) throw new NotFoundError("This cluster no longer exists.");
    if (!template) throw new DomainError("Please correct the highlighted fields.", { templateId: ["This template no longer exists; pick another"] });
    if (template.archivedAt) throw new DomainError("Please correct the highlighted fields.", { templateId: ["This template is archived; pick another"] });
    const owner = await requireEligibleOwner(tx, input.ownerId);
    await lockCluster(tx, cluster.id);
    const scorecard = await tx.scorecard.create({
      data: {
        clusterId: cluster.id,
        templateId: template.id,
        title: input.title,
        subject: input.subject,
        candidatePlatform: input.subject === "candidate" ? input.candidatePlatform : null,
        ownerId: owner.id,
        dueDate: input.dueDate,
      },
      select: { id: true },
    });
    await tx.scorecardItem.createMany({
      data: template.items.map((item) => ({
        scorecardId: scorecard.id,
        templateItemId: item.id,
        position: item.position,
        ownerRole: item.defaultOwnerRole,
      })),
    });
    await afterClusterChange(tx, cluster.id);
    await recordAudit(tx, {
      actor: user,
      action: "create",
      entityType: "scorecard",
      entityId: scorecard.id,
      clusterId: cluster.id,
      scorecardId: scorecard.id,
      after: { ...input, template: `${template.name} v${template.version}`, items: template.items.length },
    });
    return scorecard;
  });
}

/** The current values of an item, sent to someone whose save lost a race. */
export interface ItemConflict extends ItemValues {
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface SavedItem {
  version: number;
  scorecardVersion: number;
  /** False when the values equalled what was stored, so nothing was written. */
  changed: boolean;
}

const itemValueSelect = {
  id: true,
  version: true,
  status: true,
  justification: true,
  notes: true,
  ownerRole: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
  scorecard: { select: { id: true, clusterId: true, version: true } },
} as const;

function sameValues(a: ItemValues, b: ItemValues) {
  return a.status === b.status && a.justification === b.justification && a.notes === b.notes && (a.ownerRole ?? null) === (b.ownerRole ?? null);
}

/**
 * Saves an item's status, justification, notes and owner role if nobody saved it since
 * `version` was read. Otherwise throws a ConflictError whose `current` is an ItemConflict,
 * so the loser can see the other value and reapply theirs. Saving values equal to the
 * stored ones writes nothing (whatever the version), so a repeated autosave never conflicts.
 */
export async function saveScorecardItem(user: CurrentUser, input: ItemSaveInput): Promise<SavedItem> {
  assertWrite(user);
  // the schema already refused these; checked again because this is the last line of defence
  if (!(ITEM_STATUSES as readonly string[]).includes(input.status)) {
    throw new DomainError("This item was not saved.", { status: [`Unknown status ${JSON.stringify(input.status)}`] });
  }
  if (input.status === "not_applicable" && !input.justification?.trim()) {
    throw new DomainError("This item was not saved.", { justification: ["Explain why this item does not apply before marking it not applicable"] });
  }
  const next: ItemValues = {
    status: input.status,
    // the justification only means something for a not-applicable item
    justification: input.status === "not_applicable" ? input.justification : "",
    notes: input.notes,
    ownerRole: input.ownerRole,
  };
  return writeTransaction(async (tx) => {
    const found = await tx.scorecardItem.findUnique({ where: { id: input.itemId }, select: { scorecard: { select: { clusterId: true } } } });
    if (!found) throw new NotFoundError("This item no longer exists.");
    await lockCluster(tx, found.scorecard.clusterId);
    const before = (await tx.scorecardItem.findUnique({ where: { id: input.itemId }, select: itemValueSelect }))!;
    const stored: ItemValues = { status: before.status, justification: before.justification ?? "", notes: before.notes, ownerRole: before.ownerRole };
    if (sameValues(stored, next)) return { version: before.version, scorecardVersion: before.scorecard.version, changed: false };

    const { count } = await tx.scorecardItem.updateMany({
      where: { id: input.itemId, version: input.version },
      data: { ...next, justification: next.justification || null, version: { increment: 1 }, updatedById: user.id },
    });
    if (count === 0) {
      const current: ItemConflict = {
        ...stored,
        version: before.version,
        updatedBy: before.updatedBy?.name ?? null,
        updatedAt: before.updatedAt.toISOString(),
      };
      const who = current.updatedBy ?? "Someone else";
      throw new ConflictError(
        `${who} saved this item after you started editing it. Compare their version with yours, and reapply yours if it should win.`,
        current,
      );
    }
    const scorecardVersion = await afterContentChange(tx, before.scorecard.id, before.scorecard.clusterId, user);
    await recordAudit(tx, {
      actor: user,
      action: "update",
      entityType: "scorecard_item",
      entityId: input.itemId,
      clusterId: before.scorecard.clusterId,
      scorecardId: before.scorecard.id,
      before: stored,
      after: next,
    });
    return { version: input.version + 1, scorecardVersion, changed: true };
  });
}

/** Adds a comment to an item (a discussion, not content: the scorecard version stays). */
export async function addComment(user: CurrentUser, input: CommentInput): Promise<{ id: string }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const item = await tx.scorecardItem.findUnique({ where: { id: input.itemId }, select: { scorecard: { select: { id: true, clusterId: true } } } });
    if (!item) throw new NotFoundError("This item no longer exists.");
    const comment = await tx.comment.create({ data: { scorecardItemId: input.itemId, authorId: user.id, body: input.body }, select: { id: true } });
    await recordAudit(tx, {
      actor: user,
      action: "comment",
      entityType: "comment",
      entityId: comment.id,
      clusterId: item.scorecard.clusterId,
      scorecardId: item.scorecard.id,
      after: { itemId: input.itemId, body: input.body },
    });
    return comment;
  });
}
