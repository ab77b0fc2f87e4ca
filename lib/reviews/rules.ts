/**
 * Rules of the design review: what each sign-off slot stands at, the scorecard's review state
 * that follows, and who may sign what. A decision counts only for the content it was made on
 * (scorecard version and content hash); an approval whose condition is past due and unmet
 * counts as "changes requested". Pure: no Next, React or Prisma imports.
 */
import type { ScorecardState } from "@/lib/domain/constants";
import { isApproving, roleLabel } from "@/lib/readiness/sign-off-rules";

export const DECISIONS = ["approved", "approved_with_conditions", "changes_requested"] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
  approved: "Approved",
  approved_with_conditions: "Approved with conditions",
  changes_requested: "Changes requested",
};

export { contentChangedReason, isApproving, roleLabel } from "@/lib/readiness/sign-off-rules";

export interface RuleCondition {
  id: string;
  what: string;
  owner: string;
  /** The moment it lapses: the end of its due day (UTC). */
  dueDate: Date;
  metAt: Date | null;
}

export interface RuleDecision {
  id: string;
  decision: Decision;
  /** null for a person whose account was removed */
  signerId: string | null;
  scorecardVersion: number;
  contentHash: string;
  createdAt: Date;
  invalidatedAt: Date | null;
  invalidReason: string | null;
  lapsedAt: Date | null;
  conditions: RuleCondition[];
}

export interface RuleSlot {
  id: string;
  role: string;
  required: boolean;
  signerIds: string[];
  /** Newest first; the newest one is the slot's decision, the rest is history. */
  decisions: RuleDecision[];
}

/** What the scorecard holds now. */
export interface ReviewContent {
  version: number;
  contentHash: string;
}

export type SlotStatus = "awaiting" | "approved" | "approved_with_conditions" | "changes_requested" | "condition_lapsed" | "reapproval_needed";

export const SLOT_STATUS_LABELS: Record<SlotStatus, string> = {
  awaiting: "Awaiting sign-off",
  approved: "Approved",
  approved_with_conditions: "Approved with conditions",
  changes_requested: "Changes requested",
  condition_lapsed: "Changes requested (condition lapsed)",
  reapproval_needed: "Re-approval needed",
};

export interface SlotEvaluation {
  status: SlotStatus;
  /** The newest decision, when it was made on the current content. */
  current: RuleDecision | null;
  /** Counts towards approval: an approval of the current content with no lapsed condition. */
  valid: boolean;
  /** Conditions of the current decision that are past due and not met. */
  lapsed: RuleCondition[];
  /** The approval that stopped counting because the content changed since. */
  lostApproval: RuleDecision | null;
}

/** Conditions past their due moment and not marked met. */
export function lapsedConditions(decision: Pick<RuleDecision, "conditions">, now: Date): RuleCondition[] {
  return decision.conditions.filter((c) => !c.metAt && c.dueDate.getTime() <= now.getTime());
}

/** Whether a decision was made on exactly this content and was not invalidated since. */
export function appliesTo(decision: Pick<RuleDecision, "invalidatedAt" | "scorecardVersion" | "contentHash">, content: ReviewContent): boolean {
  return !decision.invalidatedAt && decision.scorecardVersion === content.version && decision.contentHash === content.contentHash;
}

/** Where one slot stands now. */
export function evaluateSlot(slot: RuleSlot, content: ReviewContent, now: Date): SlotEvaluation {
  const newest = slot.decisions[0] ?? null;
  const current = newest && appliesTo(newest, content) ? newest : null;
  const lapsed = current ? lapsedConditions(current, now) : [];
  let status: SlotStatus;
  if (!current) status = newest && isApproving(newest.decision) ? "reapproval_needed" : "awaiting";
  else if (current.decision === "changes_requested") status = "changes_requested";
  else if (lapsed.length > 0) status = "condition_lapsed";
  else status = current.decision;
  return {
    status,
    current,
    valid: status === "approved" || status === "approved_with_conditions",
    lapsed,
    lostApproval: status === "reapproval_needed" ? newest : null,
  };
}

/**
 * The scorecard's review state: draft without slots; changes requested when a required role
 * asked for changes (or its approval's condition lapsed); approved when every required role
 * approved the current content; otherwise in review.
 */
export function computeReviewState(slots: RuleSlot[], content: ReviewContent, now: Date): ScorecardState {
  if (slots.length === 0) return "draft";
  const required = slots.filter((s) => s.required).map((s) => evaluateSlot(s, content, now));
  if (required.some((e) => e.status === "changes_requested" || e.status === "condition_lapsed")) return "changes_requested";
  if (required.length > 0 && required.every((e) => e.valid)) return "approved";
  return "in_review";
}

/** "Approved v7, now v9: re-approval needed" */
export function reapprovalMessage(lost: Pick<RuleDecision, "decision" | "scorecardVersion">, version: number): string {
  const what = lost.decision === "approved_with_conditions" ? "Approved with conditions" : "Approved";
  if (lost.scorecardVersion === version) return `${what} v${lost.scorecardVersion}, but the content changed since: re-approval needed`;
  return `${what} v${lost.scorecardVersion}, now v${version}: re-approval needed`;
}

export interface SignOffAttempt {
  userId: string;
  role: string;
  signerIds: string[];
  ownerId: string | null;
  allowSelfApproval: boolean;
  decision: Decision;
  state: ScorecardState;
  /** The version the signer reviewed (sent by the form). */
  seenVersion: number;
  version: number;
}

export type SignOffRefusal = { kind: "forbidden" | "conflict" | "invalid"; message: string };

/**
 * Why a sign-off must be refused, or null. Nobody signs a role they are not assigned to;
 * an owner does not approve their own scorecard (unless allowed); a decision is made on the
 * version the signer read, never on one that changed under them.
 */
export function signOffRefusal(a: SignOffAttempt): SignOffRefusal | null {
  if (!a.signerIds.includes(a.userId)) {
    return { kind: "forbidden", message: `You are not assigned to sign for ${roleLabel(a.role)} on this scorecard.` };
  }
  if (a.state === "draft") return { kind: "invalid", message: "No review has been requested for this scorecard yet." };
  if (isApproving(a.decision) && a.ownerId === a.userId && !a.allowSelfApproval) {
    return { kind: "forbidden", message: "You own this scorecard, so you cannot approve it yourself. You may still request changes." };
  }
  if (a.seenVersion !== a.version) {
    return {
      kind: "conflict",
      message: `The scorecard changed while you were reviewing it: you read version ${a.seenVersion}, it is now version ${a.version}. Look at the changes, then sign again.`,
    };
  }
  return null;
}
