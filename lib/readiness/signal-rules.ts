/**
 * Pure rules of the readiness signals: a drill's result from its matrix answers, the next
 * moment a cluster's signals can change without a write (for the sweep), whether a moment
 * was crossed since the previous refresh, and what counts as a regression and when the flag
 * clears. No Next, React or Prisma imports.
 */
import { MATRIX_QUESTIONS, OUTCOMES, REVIEW_ROLE_LABELS, type MatrixAnswer, type Outcome } from "@/lib/domain/constants";
import { matrixDecisionOf, type MatrixDecision } from "@/lib/domain/matrix";

const DAY_MS = 86_400_000;

/** The matrix decision of a drill, from its answers alone (same rule as evaluateMatrix). */
export type DrillResult = MatrixDecision;

export const DRILL_RESULT_LABELS: Record<DrillResult, string> = {
  operating_model_holds: "Green",
  recovery_unit_too_large: "Red",
  incomplete: "Not assessed",
};

/** The matrix rule of lib/domain/matrix.ts over a drill's stored answers (in any order). */
export function drillResultFromAnswers(answers: MatrixAnswer[]): DrillResult {
  // the rule reads answers per question; only the multiset matters, so pad to five
  const padded = [...answers, ...Array<MatrixAnswer>(Math.max(0, MATRIX_QUESTIONS.length - answers.length)).fill("not_assessed")];
  return matrixDecisionOf(padded.slice(0, MATRIX_QUESTIONS.length));
}

export const outcomeRank = (o: Outcome | null | undefined): number => (o ? OUTCOMES.indexOf(o) : -1);

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
  /** The cluster's readiness now (the weakest current outcome). */
  outcome: Outcome | null;
  /** Templates whose current outcome dropped (./current-rules.ts templateOutcomeDrops). */
  outcomeDrops: string[];
  openRedAnswers: number;
  /** Items (passed, not waived) whose last fresh evidence turned stale since the previous refresh. */
  itemsGoneStale: string[];
  /** Items whose granted exemption expired since the previous refresh. */
  exemptionsExpired: string[];
  /** Sign-offs invalidated since the previous refresh, as "SRE sign-off (content changed)". */
  approvalsInvalidated: string[];
  /** Approval conditions whose due date passed unmet since the previous refresh. */
  conditionsLapsed: string[];
  /** Continuous checks that started failing since the previous refresh, as their runs tell it. */
  checksFailed?: string[];
  /** Problems still present now (for clearing the flag). */
  staleOnlyItems: number;
  /** Checks whose latest run failed. */
  failingChecks?: number;
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
 * Decides the regression flag. A regression is a current scorecard's outcome dropping
 * (never a scorecard being started, cloned or deleted), evidence going stale, an
 * exemption expiring, a sign-off invalidated (or its condition lapsing), a new red answer
 * in a drill's decision matrix, or a continuous check starting to fail. The flag keeps the outcome the cluster had before it
 * (regressedFrom) and clears once the outcome is above that, or back at it with none of
 * the causes left (no stale-only item, no lapsed exemption in play, no invalidated sign-off,
 * no red answer).
 */
export function decideRegression(input: RegressionInput, now: Date): RegressionDecision {
  const { previous } = input;
  const events: string[] = [];
  if (input.outcomeDrops.length) events.push(`Outcome of ${input.outcomeDrops.join("; ")}`);
  if (input.itemsGoneStale.length) events.push(`Evidence went stale for ${quoteList(input.itemsGoneStale)}`);
  if (input.exemptionsExpired.length) events.push(`Exemption expired for ${quoteList(input.exemptionsExpired)}`);
  if (input.approvalsInvalidated.length) events.push(`Sign-off invalidated: ${input.approvalsInvalidated.join(", ")}`);
  if (input.conditionsLapsed.length) events.push(`Approval condition lapsed: ${quoteList(input.conditionsLapsed)}`);
  for (const failed of input.checksFailed ?? []) events.push(failed);
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
    input.staleOnlyItems === 0 &&
    input.lapsedExemptionItems === 0 &&
    input.invalidatedSignOffs === 0 &&
    input.openRedAnswers === 0 &&
    (input.failingChecks ?? 0) === 0;
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
