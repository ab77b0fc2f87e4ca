/**
 * Read models of the design review: one scorecard's review panel, and the review page (what
 * awaits me, what I requested, recent decisions). Everything is evaluated at `now` against
 * the scorecard's current version and content hash, so an invalidated sign-off or a lapsed
 * condition shows as such before any write records it.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import type { ScorecardState } from "@/lib/domain/constants";
import { ForbiddenError } from "@/lib/errors";
import { scorecardContentHash, type ContentRow } from "@/lib/readiness/content-hash";
import { computeReviewState, roleLabel, type ReviewContent } from "./rules";
import { decisionView, slotView, toRuleSlot, type DecisionView, type Named, type SlotView } from "./views";
import { contentSelect, decisionOrder, decisionSelect, slotOrder, slotSelect } from "./workflow";

export type { ConditionView, DecisionView, Named, SlotView } from "./views";

function assertRead(user: CurrentUser) {
  if (!can(user.role, "scorecard:read")) throw new ForbiddenError();
}

export interface ReviewView {
  scorecardId: string;
  version: number;
  contentHash: string;
  /** Computed now (a lapse not yet recorded already shows). */
  state: ScorecardState;
  ownerId: string | null;
  slots: SlotView[];
  requiredCount: number;
  approvedCount: number;
}

const reviewSelect = {
  id: true,
  title: true,
  version: true,
  ownerId: true,
  updatedAt: true,
  cluster: { select: { id: true, name: true } },
  ...contentSelect,
  reviewSlots: { orderBy: slotOrder, select: slotSelect },
} satisfies Prisma.ScorecardSelect;

type ReviewRow = { id: string; version: number; ownerId: string | null; reviewSlots: Parameters<typeof slotView>[0][] } & ContentRow;

function toReviewView(row: ReviewRow, user: CurrentUser, now: Date): ReviewView {
  const content: ReviewContent = { version: row.version, contentHash: scorecardContentHash(row) };
  const slots = row.reviewSlots.map((s) => slotView(s, content, user.id, now));
  const required = slots.filter((s) => s.required);
  return {
    scorecardId: row.id,
    version: row.version,
    contentHash: content.contentHash,
    state: computeReviewState(row.reviewSlots.map(toRuleSlot), content, now),
    ownerId: row.ownerId,
    slots,
    requiredCount: required.length,
    approvedCount: required.filter((s) => s.status === "approved" || s.status === "approved_with_conditions").length,
  };
}

/** The review panel of one scorecard (null when the scorecard does not exist). */
export async function getScorecardReview(user: CurrentUser, scorecardId: string, now = new Date()): Promise<ReviewView | null> {
  assertRead(user);
  const db = await getDb();
  const row = await db.scorecard.findUnique({ where: { id: scorecardId }, select: reviewSelect });
  return row ? toReviewView(row, user, now) : null;
}

/** People who may be assigned to sign (approvers and admins), for the request form. */
export async function listEligibleSigners(user: CurrentUser): Promise<Named[]> {
  assertRead(user);
  const db = await getDb();
  return db.user.findMany({
    where: { role: { in: ["approver", "admin"] }, OR: [{ banned: null }, { banned: false }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

interface ScorecardRef {
  scorecardId: string;
  title: string;
  cluster: Named;
  version: number;
  state: ScorecardState;
}

export interface AwaitingSignOff extends ScorecardRef {
  slot: SlotView;
}

export interface RequestedReview extends ScorecardRef {
  requestedAt: string;
  requiredCount: number;
  approvedCount: number;
  slots: Pick<SlotView, "id" | "label" | "required" | "status" | "statusLabel" | "notice">[];
}

export interface DecisionEntry extends DecisionView {
  scorecardId: string;
  scorecardTitle: string;
  cluster: Named;
  role: string;
  roleLabel: string;
  currentVersion: number;
}

export interface ReviewInbox {
  awaiting: AwaitingSignOff[];
  requested: RequestedReview[];
  decisions: DecisionEntry[];
}

/** Slot states that need the signer to act. */
const NEEDS_SIGNER = new Set(["awaiting", "reapproval_needed", "condition_lapsed"]);
const MAX_SCORECARDS = 200;
const MAX_DECISIONS = 100;

/**
 * The review page: sign-offs waiting for me (my roles that are not approved for the current
 * content), reviews I requested with their progress, and the latest decisions (mine only
 * when `mine`), each with where it stands now.
 */
export async function listReviewInbox(user: CurrentUser, options: { mine?: boolean } = {}, now = new Date()): Promise<ReviewInbox> {
  assertRead(user);
  const db = await getDb();
  const rows = await db.scorecard.findMany({
    where: { archivedAt: null, reviewSlots: { some: { OR: [{ signers: { some: { userId: user.id } } }, { requestedById: user.id }] } } },
    orderBy: { updatedAt: "desc" },
    take: MAX_SCORECARDS,
    select: { ...reviewSelect, state: true },
  });
  const awaiting: AwaitingSignOff[] = [];
  const requested: RequestedReview[] = [];
  for (const row of rows) {
    const view = toReviewView(row, user, now);
    const ref: ScorecardRef = { scorecardId: row.id, title: row.title, cluster: row.cluster, version: row.version, state: view.state };
    if (view.state !== "draft") {
      for (const slot of view.slots) if (slot.assignedToMe && NEEDS_SIGNER.has(slot.status)) awaiting.push({ ...ref, slot });
    }
    const mine = row.reviewSlots.filter((s) => s.requestedBy?.id === user.id);
    if (mine.length) {
      requested.push({
        ...ref,
        requestedAt: mine.map((s) => s.createdAt.toISOString()).sort()[0],
        requiredCount: view.requiredCount,
        approvedCount: view.approvedCount,
        slots: view.slots.map(({ id, label, required, status, statusLabel, notice }) => ({ id, label, required, status, statusLabel, notice })),
      });
    }
  }
  requested.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));

  const decisions = await db.approval.findMany({
    where: options.mine ? { signerId: user.id } : {},
    orderBy: decisionOrder,
    take: MAX_DECISIONS,
    select: {
      ...decisionSelect,
      slot: { select: { role: true, approvals: { orderBy: decisionOrder, take: 1, select: { id: true } } } },
      scorecard: { select: { id: true, title: true, version: true, cluster: { select: { id: true, name: true } } } },
    },
  });
  return {
    awaiting,
    requested,
    decisions: decisions.map(({ slot, scorecard, ...d }) => ({
      // the list compares versions only; the scorecard's panel also compares content hashes
      ...decisionView(d, slot.approvals[0]?.id === d.id, { version: scorecard.version, contentHash: d.contentHash }, now),
      scorecardId: scorecard.id,
      scorecardTitle: scorecard.title,
      cluster: scorecard.cluster,
      role: slot.role,
      roleLabel: roleLabel(slot.role),
      currentVersion: scorecard.version,
    })),
  };
}
