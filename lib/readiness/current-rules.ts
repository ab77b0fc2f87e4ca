/**
 * Which scorecards speak for a cluster, and what the cluster's readiness is. Pure: no Next,
 * React or Prisma imports.
 *
 * - Per template (by key, whatever its version), the **current scorecard** is the newest one
 *   sent to review (in review, changes requested or approved); while none was sent, the
 *   newest draft, where a draft somebody has assessed (any item started) outranks a newer one
 *   nobody has: a new draft never replaces a reviewed scorecard, and a new empty draft never
 *   replaces an assessed one (so starting a scorecard is never a regression). An archived scorecard is
 *   never current: it stays for history and reports, and its template falls back as on delete.
 * - The cluster's readiness is the **weakest current outcome**, naming its template. Drafts
 *   count only while no template has a reviewed scorecard, and a draft nobody has assessed
 *   yet (every item not started) counts only when nothing else does, so starting a scorecard
 *   (of a template already assessed, or of a new one) never lowers it.
 * - A regression is a current outcome that drops for a template whose previous current
 *   scorecard still exists (and is not archived): starting, cloning, deleting or archiving a
 *   scorecard is never one.
 */
import { OUTCOME_LABELS, OUTCOMES, type Outcome, type ScorecardState } from "@/lib/domain/constants";

const REVIEWED: ReadonlySet<string> = new Set<ScorecardState>(["in_review", "changes_requested", "approved"]);

export interface ScorecardCandidate {
  id: string;
  templateKey: string;
  state: string;
  createdAt: Date;
  archived?: boolean;
  /** items assessed so far (status other than not started); absent counts as assessed */
  assessed?: number;
}

/** Whether a scorecard in this state has been sent to review. */
export const isReviewed = (state: string): boolean => REVIEWED.has(state);

/** The current scorecard of each template key: id by key. */
export function chooseCurrentScorecards(scorecards: ScorecardCandidate[]): Map<string, string> {
  const best = new Map<string, ScorecardCandidate>();
  for (const s of scorecards) {
    if (s.archived) continue;
    const held = best.get(s.templateKey);
    if (!held || beats(s, held)) best.set(s.templateKey, s);
  }
  return new Map([...best].map(([key, s]) => [key, s.id]));
}

function beats(a: ScorecardCandidate, b: ScorecardCandidate): boolean {
  const ar = isReviewed(a.state);
  const br = isReviewed(b.state);
  if (ar !== br) return ar;
  const ab = (a.assessed ?? 1) > 0;
  const bb = (b.assessed ?? 1) > 0;
  if (!ar && ab !== bb) return ab;
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  return byTime !== 0 ? byTime > 0 : a.id > b.id;
}

/** One template's current scorecard and its outcome, as the cluster keeps it. */
export interface TemplateOutcome {
  templateKey: string;
  templateName: string;
  scorecardId: string;
  state: string;
  outcome: Outcome;
  score: number;
  /** items assessed so far (status other than not started) */
  assessed?: number;
}

const rank = (o: Outcome): number => OUTCOMES.indexOf(o);

/**
 * The current scorecards that count for the cluster's readiness: the reviewed ones; while
 * none is, the drafts somebody has assessed; while none is, every draft.
 */
export function countedOutcomes<T extends { state: string; assessed?: number }>(current: readonly T[]): T[] {
  const reviewed = current.filter((t) => isReviewed(t.state));
  if (reviewed.length > 0) return reviewed;
  const begun = current.filter((t) => (t.assessed ?? 1) > 0);
  return begun.length > 0 ? begun : [...current];
}

/** The cluster's readiness: the weakest counted outcome (lowest score on a tie), or null without scorecards. */
export function clusterReadiness(current: TemplateOutcome[]): TemplateOutcome | null {
  let weakest: TemplateOutcome | null = null;
  for (const t of countedOutcomes(current)) {
    if (!weakest || rank(t.outcome) < rank(weakest.outcome) || (rank(t.outcome) === rank(weakest.outcome) && t.score < weakest.score)) weakest = t;
  }
  return weakest;
}

/**
 * How one current scorecard bears on the cluster's readiness, as its label says it: "not
 * counted" (and why), "draft" (counted for now), or null when it simply counts.
 */
type Standing = Pick<TemplateOutcome, "templateKey" | "state" | "assessed">;

export function outcomeStanding(current: readonly Standing[], t: Standing): { label: string; note: string } | null {
  if (!countedOutcomes(current).some((c) => c.templateKey === t.templateKey)) {
    const note = current.some((c) => isReviewed(c.state))
      ? "Not counted: readiness comes from the assessments sent to review"
      : "Not counted yet: nothing in this draft has been assessed";
    return { label: "not counted", note };
  }
  if (t.state === "draft") return { label: "draft", note: "Draft, counted until an assessment of this cluster is sent to review" };
  return null;
}

/**
 * Regression causes among outcome changes: a template whose current outcome is lower than
 * at the previous refresh while the scorecard that held it then still exists. A template
 * seen for the first time, or one whose current scorecard was deleted, is not a drop.
 */
export function templateOutcomeDrops(previous: TemplateOutcome[] | null, now: TemplateOutcome[], existingScorecardIds: ReadonlySet<string>): string[] {
  if (!previous) return [];
  const before = new Map(previous.map((t) => [t.templateKey, t]));
  const drops: string[] = [];
  for (const t of now) {
    const was = before.get(t.templateKey);
    if (!was || !existingScorecardIds.has(was.scorecardId)) continue;
    if (rank(t.outcome) < rank(was.outcome)) {
      drops.push(`“${t.templateName}” dropped from “${OUTCOME_LABELS[was.outcome]}” to “${OUTCOME_LABELS[t.outcome]}”`);
    }
  }
  return drops;
}

/** Reads the stored per-template outcomes back (a JSON column), ignoring anything malformed. */
export function parseTemplateOutcomes(value: unknown): TemplateOutcome[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(
    (t): t is TemplateOutcome =>
      !!t &&
      typeof t === "object" &&
      typeof t.templateKey === "string" &&
      typeof t.scorecardId === "string" &&
      (OUTCOMES as readonly string[]).includes(t.outcome),
  );
}
