/**
 * Pure rules of the portfolio signals: the latest drill's result, the next moment a cluster's
 * signals can change without a write (for the sweep), what counts as a regression and when
 * the flag clears, and readable filter summaries. No Next, React or Prisma imports.
 */
import {
  ARCHITECTURE_SHORT_LABELS,
  ENVIRONMENT_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  REVIEW_ROLE_LABELS,
  type MatrixAnswer,
  type Outcome,
} from "@/lib/domain/constants";
import { MATRIX_QUESTIONS } from "@/lib/domain/constants";
import type { PortfolioFilter } from "./schema";

const DAY_MS = 86_400_000;

/** The matrix decision of a drill, from its answers alone (same rule as evaluateMatrix). */
export type DrillResult = "operating_model_holds" | "recovery_unit_too_large" | "incomplete";

export const DRILL_RESULT_LABELS: Record<DrillResult, string> = {
  operating_model_holds: "Green",
  recovery_unit_too_large: "Red",
  incomplete: "Not assessed",
};

/** Any red → too large; all five green → holds; otherwise incomplete. */
export function drillResultFromAnswers(answers: MatrixAnswer[]): DrillResult {
  if (answers.includes("red")) return "recovery_unit_too_large";
  const greens = answers.filter((a) => a === "green").length;
  return greens >= MATRIX_QUESTIONS.length ? "operating_model_holds" : "incomplete";
}

export const outcomeRank = (o: Outcome | null | undefined): number => (o ? OUTCOMES.indexOf(o) : -1);

/** Escapes LIKE wildcards so a search for "a_b" or "50%" matches literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What can change a cluster's signals with the passing of time alone. */
export interface TimeBoundInputs {
  freshnessDays: number;
  evidenceCapturedAt: Date[];
  /** Granted exemptions only. */
  exemptionExpiresAt: Date[];
  drillStartedAt: Date[];
  /** Unmet approval conditions only. */
  conditionDueAt: Date[];
}

/**
 * The earliest moment after `now` at which evidence turns stale, a drill leaves the
 * freshness window, an exemption expires or an approval condition lapses; null when none is
 * ahead. Evidence is stale once it is strictly older than the window (see isStale), so its
 * boundary is one millisecond after capturedAt + window.
 */
export function nextSignalBoundary(input: TimeBoundInputs, now: Date): Date | null {
  const window = input.freshnessDays * DAY_MS;
  const candidates = [
    ...input.evidenceCapturedAt.map((d) => d.getTime() + window + 1),
    ...input.drillStartedAt.map((d) => d.getTime() + window + 1),
    ...input.exemptionExpiresAt.map((d) => d.getTime()),
    ...input.conditionDueAt.map((d) => d.getTime()),
  ].filter((t) => t > now.getTime());
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}

/** A moment strictly after `since` (exclusive; null = never refreshed) and at or before `now`. */
export function crossedBetween(at: Date, since: Date | null, now: Date): boolean {
  return since !== null && at.getTime() > since.getTime() && at.getTime() <= now.getTime();
}

/** Everything the regression rule looks at, gathered by refreshClusterSignals. */
export interface RegressionInput {
  previous: {
    outcome: Outcome | null;
    openRedAnswers: number;
    regressedAt: Date | null;
    regressionReason: string | null;
    regressedFrom: Outcome | null;
  };
  outcome: Outcome | null;
  openRedAnswers: number;
  /** Items (passed, not waived) whose last fresh evidence turned stale since the previous refresh. */
  itemsGoneStale: string[];
  /** Items whose granted exemption expired since the previous refresh. */
  exemptionsExpired: string[];
  /** Sign-offs invalidated since the previous refresh, as "SRE sign-off (content changed)". */
  approvalsInvalidated: string[];
  /** Approval conditions whose due date passed unmet since the previous refresh. */
  conditionsLapsed: string[];
  /** Problems still present now (for clearing the flag). */
  staleOnlyItems: number;
  lapsedExemptionItems: number;
  invalidatedSignOffs: number;
}

export interface RegressionDecision {
  /** New causes found in this refresh (empty: nothing new). */
  events: string[];
  regressedAt: Date | null;
  regressionReason: string | null;
  regressedFrom: Outcome | null;
  /** "flagged" when this refresh raised or extended the flag, "cleared" when it lowered it. */
  change: "flagged" | "cleared" | null;
}

const quoteList = (names: string[]) => names.map((n) => `“${n}”`).join(", ");

/**
 * Decides the regression flag. A regression is an outcome drop, evidence going stale, an
 * exemption expiring, a sign-off invalidated (or its condition lapsing), or a new red answer
 * in a drill's decision matrix. The flag keeps the outcome the cluster had before it
 * (regressedFrom) and clears once the outcome is above that, or back at it with none of
 * the causes left (no stale-only item, no lapsed exemption in play, no invalidated sign-off,
 * no red answer).
 */
export function decideRegression(input: RegressionInput, now: Date): RegressionDecision {
  const { previous } = input;
  const events: string[] = [];
  if (previous.outcome && outcomeRank(input.outcome) < outcomeRank(previous.outcome)) {
    const to = input.outcome ? OUTCOME_LABELS[input.outcome] : "no scorecard";
    events.push(`Outcome dropped from “${OUTCOME_LABELS[previous.outcome]}” to “${to}”`);
  }
  if (input.itemsGoneStale.length) events.push(`Evidence went stale for ${quoteList(input.itemsGoneStale)}`);
  if (input.exemptionsExpired.length) events.push(`Exemption expired for ${quoteList(input.exemptionsExpired)}`);
  if (input.approvalsInvalidated.length) events.push(`Sign-off invalidated: ${input.approvalsInvalidated.join(", ")}`);
  if (input.conditionsLapsed.length) events.push(`Approval condition lapsed: ${quoteList(input.conditionsLapsed)}`);
  if (input.openRedAnswers > previous.openRedAnswers) {
    const added = input.openRedAnswers - previous.openRedAnswers;
    events.push(`${added} new red ${added === 1 ? "answer" : "answers"} in a drill's decision matrix`);
  }

  if (events.length) {
    const regressedFrom = previous.regressedAt ? previous.regressedFrom : previous.outcome;
    return { events, regressedAt: now, regressionReason: events.join("; "), regressedFrom, change: "flagged" };
  }
  if (!previous.regressedAt) return { events, regressedAt: null, regressionReason: null, regressedFrom: null, change: null };

  const above = outcomeRank(input.outcome) > outcomeRank(previous.regressedFrom);
  const back = outcomeRank(input.outcome) >= outcomeRank(previous.regressedFrom);
  const causesGone =
    input.staleOnlyItems === 0 && input.lapsedExemptionItems === 0 && input.invalidatedSignOffs === 0 && input.openRedAnswers === 0;
  if (above || (back && causesGone)) {
    return { events, regressedAt: null, regressionReason: null, regressedFrom: null, change: "cleared" };
  }
  return { events, regressedAt: previous.regressedAt, regressionReason: previous.regressionReason, regressedFrom: previous.regressedFrom, change: null };
}

/** "SRE sign-off (content changed)" */
export function describeSignOff(role: string, reason: string | null): string {
  const label = REVIEW_ROLE_LABELS[role] ?? role;
  return reason ? `${label} sign-off (${reason})` : `${label} sign-off`;
}

/** A readable summary of a filter, e.g. for a campaign chosen by filter. */
export function describeFilter(filter: PortfolioFilter): string {
  const parts: string[] = [];
  if (filter.q) parts.push(`matching “${filter.q}”`);
  if (filter.env) parts.push(`in ${ENVIRONMENT_LABELS[filter.env]}`);
  if (filter.arch) parts.push(`on ${ARCHITECTURE_SHORT_LABELS[filter.arch]} storage`);
  if (filter.outcome) parts.push(filter.outcome === "none" ? "without a scorecard" : `at “${OUTCOME_LABELS[filter.outcome]}”`);
  if (filter.team) parts.push(`owned by ${filter.team}`);
  if (filter.regressed) parts.push("flagged as regressed");
  return parts.length ? `Clusters ${parts.join(", ")}` : "Every cluster";
}

/** Number of pages for `total` rows (at least 1, so "page 1 of 1" reads right when empty). */
export function pageCountOf(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
