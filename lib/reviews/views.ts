/**
 * Plain, serializable views of decisions and conditions (dates as ISO strings) for the pages
 * and the API. Pure: maps rows already read and evaluates them at `now`.
 */
import { shortHash } from "@/lib/readiness/content-hash";
import {
  appliesTo,
  DECISION_LABELS,
  evaluateSlot,
  isApproving,
  reapprovalMessage,
  roleLabel,
  SLOT_STATUS_LABELS,
  type Decision,
  type ReviewContent,
  type RuleSlot,
  type SlotStatus,
} from "./rules";

export interface Named {
  id: string;
  name: string;
}

export interface ConditionView {
  id: string;
  what: string;
  owner: string;
  /** The due day (YYYY-MM-DD); the condition lapses when it ends (UTC). */
  dueDay: string;
  metAt: string | null;
  lapsed: boolean;
}

/** current: the slot's decision for the content as it is; replaced: a later decision took over; invalidated: the content changed; outdated: made on other content (not yet recorded). */
export type DecisionStanding = "current" | "lapsed" | "replaced" | "invalidated" | "outdated";

export interface DecisionView {
  id: string;
  decision: Decision;
  label: string;
  signer: Named | null;
  comment: string;
  scorecardVersion: number;
  contentHash: string;
  shortHash: string;
  createdAt: string;
  invalidatedAt: string | null;
  invalidReason: string | null;
  standing: DecisionStanding;
  conditions: ConditionView[];
}

export interface DecisionRow {
  id: string;
  decision: string;
  comment: string;
  scorecardVersion: number;
  contentHash: string;
  createdAt: Date;
  invalidatedAt: Date | null;
  invalidReason: string | null;
  lapsedAt: Date | null;
  signerId: string | null;
  signer: Named | null;
  conditions: { id: string; what: string; owner: string; dueDate: Date; metAt: Date | null }[];
}

/** A review slot as read with its signers and decisions (newest first). */
export interface SlotRow {
  id: string;
  role: string;
  required: boolean;
  createdAt: Date;
  requestedBy: Named | null;
  signers: { user: Named }[];
  approvals: DecisionRow[];
}

/** The reason stored on a decision its signer (or a co-signer) replaced with a later one. */
export const REPLACED = "replaced by a later decision";

/** A decision as the panel shows it; `newest` says whether it is its slot's latest one. */
export function decisionView(row: DecisionRow, newest: boolean, content: ReviewContent, now: Date): DecisionView {
  const conditions = row.conditions.map((c) => ({
    id: c.id,
    what: c.what,
    owner: c.owner,
    dueDay: c.dueDate.toISOString().slice(0, 10),
    metAt: c.metAt?.toISOString() ?? null,
    lapsed: !c.metAt && c.dueDate.getTime() <= now.getTime(),
  }));
  let standing: DecisionStanding;
  if (row.invalidatedAt) standing = row.invalidReason === REPLACED ? "replaced" : "invalidated";
  else if (!newest) standing = "replaced";
  else if (!appliesTo(row, content)) standing = "outdated";
  else if (isApproving(row.decision) && conditions.some((c) => c.lapsed)) standing = "lapsed";
  else standing = "current";
  const decision = row.decision as Decision;
  return {
    id: row.id,
    decision,
    label: DECISION_LABELS[decision],
    signer: row.signer,
    comment: row.comment,
    scorecardVersion: row.scorecardVersion,
    contentHash: row.contentHash,
    shortHash: shortHash(row.contentHash),
    createdAt: row.createdAt.toISOString(),
    invalidatedAt: row.invalidatedAt?.toISOString() ?? null,
    invalidReason: row.invalidReason,
    standing,
    conditions,
  };
}

/** A slot row in the shape the rules read. */
export function toRuleSlot(row: SlotRow): RuleSlot {
  return {
    id: row.id,
    role: row.role,
    required: row.required,
    signerIds: row.signers.map((s) => s.user.id),
    decisions: row.approvals.map((a) => ({ ...a, decision: a.decision as Decision })),
  };
}

export interface SlotView {
  id: string;
  role: string;
  label: string;
  required: boolean;
  signers: Named[];
  requestedBy: Named | null;
  requestedAt: string;
  status: SlotStatus;
  statusLabel: string;
  /** "Approved v7, now v9: re-approval needed", or which condition lapsed. */
  notice: string | null;
  current: DecisionView | null;
  /** Every decision of the slot, newest first. */
  history: DecisionView[];
  assignedToMe: boolean;
}

/** Where a slot stands for the content as it is now, as the panel and the review page show it. */
export function slotView(row: SlotRow, content: ReviewContent, userId: string, now: Date): SlotView {
  const rule = toRuleSlot(row);
  const evaluation = evaluateSlot(rule, content, now);
  const history = row.approvals.map((a, i) => decisionView(a, i === 0, content, now));
  let notice: string | null = null;
  if (evaluation.lostApproval) notice = reapprovalMessage(evaluation.lostApproval, content.version);
  else if (evaluation.status === "condition_lapsed") {
    const which = evaluation.lapsed.map((c) => `“${c.what}” (due ${c.dueDate.toISOString().slice(0, 10)})`).join(", ");
    notice = `Condition lapsed: ${which}. The approval counts as changes requested until ${roleLabel(row.role)} signs again.`;
  }
  return {
    id: row.id,
    role: row.role,
    label: roleLabel(row.role),
    required: row.required,
    signers: row.signers.map((s) => s.user),
    requestedBy: row.requestedBy,
    requestedAt: row.createdAt.toISOString(),
    status: evaluation.status,
    statusLabel: SLOT_STATUS_LABELS[evaluation.status],
    notice,
    current: evaluation.current ? history[0] : null,
    history,
    assignedToMe: rule.signerIds.includes(userId),
  };
}
