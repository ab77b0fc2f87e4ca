/**
 * Pure rules of sign-offs that the after-write pipeline needs: which decisions approve, how a
 * role reads, the reason stored when a content change invalidates a decision, and whether a
 * slot's newest decision still counts. The design review's own rules (lib/reviews/rules.ts)
 * build on these. No Next, React or Prisma imports.
 */
import { REVIEW_ROLE_LABELS } from "@/lib/domain/constants";

const APPROVING: ReadonlySet<string> = new Set(["approved", "approved_with_conditions"]);

/** Whether a decision approves (with or without conditions). */
export function isApproving(decision: string): boolean {
  return APPROVING.has(decision);
}

/** "SRE", "Application owner", … or a custom role as it was typed. */
export function roleLabel(role: string): string {
  return REVIEW_ROLE_LABELS[role] ?? role;
}

/** The reason stored on a decision invalidated by a content change. */
export function contentChangedReason(fromVersion: number, toVersion: number): string {
  return `content changed (v${fromVersion} → v${toVersion})`;
}

export interface SignOffDecision {
  decision: string;
  invalidatedAt: Date | null;
  conditions: { dueDate: Date; metAt: Date | null }[];
}

/** The conditions of a decision that are past due and unmet at `now`. */
export function lapsedConditionsAt<C extends { dueDate: Date; metAt: Date | null }>(decision: { conditions: C[] }, now: Date): C[] {
  return decision.conditions.filter((c) => !c.metAt && c.dueDate.getTime() <= now.getTime());
}

/**
 * Whether a slot's newest decision is a valid approval at `now`: it approves, no content
 * change invalidated it, and none of its conditions is past due unmet (a lapsed condition
 * turns the decision back to "changes requested" even before the workflow records it).
 */
export function isValidApproval(newest: SignOffDecision | undefined, now: Date): boolean {
  return newest !== undefined && isApproving(newest.decision) && !newest.invalidatedAt && lapsedConditionsAt(newest, now).length === 0;
}
