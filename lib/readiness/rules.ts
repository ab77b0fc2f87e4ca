/**
 * The readiness outcome of a scorecard: outcome, score, risks, per-section status and the
 * plain-language reasons that keep it from the next outcome. Pure: no Next, React or
 * Prisma imports; callers map database rows to the Rule* shapes below.
 */
import { ITEM_STATUS_LABELS, type ItemStatus, type Outcome } from "@/lib/domain/constants";
import { activeExemption, findQualifyingDrill, formatDay, isStale, lapsedExemption } from "./staleness";

export { activeExemption, isStale } from "./staleness";
export type { RuleDrill, RuleEvidence, RuleExemption, RuleItem } from "./rule-types";
import type { RuleDrill, RuleExemption, RuleItem } from "./rule-types";

/** Template item roles the outcome rules single out; both are blocking whatever the flag says. */
export const FAILURE_DRILL_ROLE = "failure_drill";
export const ROLLBACK_ROLE = "rollback";
const CRITICAL_ROLES: readonly string[] = [FAILURE_DRILL_ROLE, ROLLBACK_ROLE];

export interface OutcomeInput {
  items: RuleItem[];
  drills: RuleDrill[];
  /** Evidence and drills older than this many days are stale. */
  freshnessDays: number;
  now: Date;
}

export type SectionStatus = "passed" | "attention" | "blocked" | "not_started";

export interface SectionSummary {
  key: string;
  title: string;
  status: SectionStatus;
  /** Applicable items whose effective status is pass. */
  passed: number;
  applicable: number;
  total: number;
}

export interface ItemOutcome {
  id: string;
  /** The status the rules used (exempted → not_applicable, stale-only pass → partial, …). */
  effectiveStatus: ItemStatus;
  exempted: boolean;
  /** A pass whose evidence is all stale, counted as partial. */
  staleOnly: boolean;
  /** Has at least one piece of evidence inside the freshness window. */
  fresh: boolean;
}

export interface OutcomeReason {
  /** blocker: keeps the scorecard at not ready; gap: keeps it from production test. */
  severity: "blocker" | "gap";
  itemId?: string;
  text: string;
}

export interface OutcomeResult {
  outcome: Outcome;
  /** 0..100, one decimal. */
  score: number;
  highRisks: number;
  mediumRisks: number;
  /** Stale pieces of evidence on items that are in play (waived items are ignored). */
  staleEvidenceCount: number;
  sections: SectionSummary[];
  items: ItemOutcome[];
  /** What keeps the scorecard from `nextOutcome`; empty at production test. */
  reasons: OutcomeReason[];
  nextOutcome: Outcome | null;
}

/** How one item is read by the rules. */
interface Evaluated extends ItemOutcome {
  item: RuleItem;
  applicable: boolean;
  blocking: boolean;
  /** Marked not applicable without a justification: counted as not started. */
  unjustifiedNa: boolean;
  /** A failure-drill or rollback item marked not applicable by hand (only an exemption waives it). */
  criticalNa: boolean;
  lapsed?: RuleExemption;
  staleCount: number;
}

const CREDIT: Partial<Record<ItemStatus, number>> = { pass: 1, partial: 0.5 };

function evaluateItem(item: RuleItem, freshnessDays: number, now: Date): Evaluated {
  const critical = !!item.role && CRITICAL_ROLES.includes(item.role);
  const stale = item.evidence.filter((e) => isStale(e.capturedAt, freshnessDays, now)).length;
  const fresh = item.evidence.length > stale;
  const exempted = activeExemption(item.exemptions, now) !== undefined;
  const hasJustification = !!item.justification?.trim();
  const unjustifiedNa = !exempted && item.status === "not_applicable" && !hasJustification;
  const criticalNa = !exempted && item.status === "not_applicable" && hasJustification && critical;
  const staleOnly = !exempted && item.status === "pass" && item.evidence.length > 0 && !fresh;

  let effectiveStatus: ItemStatus = item.status;
  if (exempted) effectiveStatus = "not_applicable";
  else if (unjustifiedNa || criticalNa) effectiveStatus = "not_started";
  else if (staleOnly) effectiveStatus = "partial";

  return {
    item,
    id: item.id,
    effectiveStatus,
    exempted,
    staleOnly,
    fresh,
    applicable: effectiveStatus !== "not_applicable",
    blocking: item.blocking || critical,
    unjustifiedNa,
    criticalNa,
    lapsed: exempted ? undefined : lapsedExemption(item.exemptions, now),
    staleCount: stale,
  };
}

function weightOf(item: RuleItem): number {
  return Number.isFinite(item.weight) && item.weight > 0 ? item.weight : 0;
}

/** Weighted credit over applicable items; equal weights if every weight is zero. */
function scoreOf(applicable: Evaluated[]): number {
  if (applicable.length === 0) return 0;
  const total = applicable.reduce((sum, e) => sum + weightOf(e.item), 0);
  const weight = (e: Evaluated) => (total > 0 ? weightOf(e.item) : 1);
  const earned = applicable.reduce((sum, e) => sum + weight(e) * (CREDIT[e.effectiveStatus] ?? 0), 0);
  const percent = (earned / (total > 0 ? total : applicable.length)) * 100;
  return Math.round(percent * 10) / 10;
}

function sectionsOf(evaluated: Evaluated[]): SectionSummary[] {
  const bySection = new Map<string, Evaluated[]>();
  for (const e of evaluated) {
    const group = bySection.get(e.item.sectionKey);
    if (group) group.push(e);
    else bySection.set(e.item.sectionKey, [e]);
  }
  return [...bySection.entries()].map(([key, group]) => {
    const applicable = group.filter((e) => e.applicable);
    const passed = applicable.filter((e) => e.effectiveStatus === "pass").length;
    let status: SectionStatus = "attention";
    if (applicable.some((e) => e.blocking && e.effectiveStatus !== "pass")) status = "blocked";
    else if (passed === applicable.length) status = "passed";
    else if (applicable.every((e) => e.effectiveStatus === "not_started")) status = "not_started";
    return { key, title: group[0].item.sectionTitle, status, passed, applicable: applicable.length, total: group.length };
  });
}

/** Why an item that is in play is not (yet) a pass, phrased for the given severity. */
function describeItem(e: Evaluated, severity: OutcomeReason["severity"], freshnessDays: number): string {
  const { title } = e.item;
  const lapsed = e.lapsed ? ` (its exemption expired on ${formatDay(e.lapsed.expiresAt)})` : "";
  if (e.staleOnly) {
    const base = `${title} has only stale evidence (older than ${freshnessDays} days)`;
    return severity === "blocker" ? `${base}; it is blocking, so it needs fresh evidence${lapsed}` : base + lapsed;
  }
  if (e.criticalNa) {
    return `${title} is blocking and not passed yet: it is marked not applicable, but it can only be waived by an approved exemption`;
  }
  if (e.unjustifiedNa) {
    const base = `${title} is marked not applicable without a justification, so it counts as not started`;
    return severity === "blocker" ? `${base}; it is blocking and not passed yet` : base;
  }
  if (e.effectiveStatus === "fail") {
    return (severity === "blocker" ? `${title} is blocking and failed` : `${title} failed`) + lapsed;
  }
  const status = ITEM_STATUS_LABELS[e.effectiveStatus].toLowerCase();
  const prefix = severity === "blocker" ? `${title} is blocking and not passed yet` : `${title} is not passed yet`;
  return `${prefix} (${status})${lapsed}`;
}

/** Reasons the scorecard cannot leave "not ready"; empty when it can. */
function blockersOf(evaluated: Evaluated[], applicable: Evaluated[], freshnessDays: number): OutcomeReason[] {
  if (evaluated.length === 0) {
    return [{ severity: "blocker", text: "This scorecard has no items, so nothing can be validated" }];
  }
  if (applicable.length === 0) {
    return [{ severity: "blocker", text: "Every item is marked not applicable, so nothing has been validated" }];
  }
  return applicable
    .filter((e) => e.blocking && e.effectiveStatus !== "pass")
    .map((e) => ({ severity: "blocker", itemId: e.id, text: describeItem(e, "blocker", freshnessDays) }));
}

/** Reasons the scorecard cannot reach "ready for production test"; empty when it can. */
function gapsOf(applicable: Evaluated[], input: OutcomeInput): OutcomeReason[] {
  const gaps: OutcomeReason[] = [];
  for (const e of applicable) {
    if (e.effectiveStatus !== "pass") {
      gaps.push({ severity: "gap", itemId: e.id, text: describeItem(e, "gap", input.freshnessDays) });
    } else if (!e.fresh) {
      // Only a pass without any evidence gets here: a stale-only pass is already partial.
      gaps.push({ severity: "gap", itemId: e.id, text: `${e.item.title} is marked pass but has no evidence attached` });
    }
  }
  const drill = findQualifyingDrill(input.drills, input.freshnessDays, input.now);
  for (const text of drill.reasons) gaps.push({ severity: "gap", text });
  return gaps;
}

/**
 * Computes the readiness outcome of a scorecard.
 *
 * - **Not ready**: no items; every item waived or not applicable; or any blocking item
 *   (the failure-drill and rollback items always count as blocking) not effectively `pass`
 *   — this covers a blocking `fail`.
 * - **Ready for production test**: every applicable item effectively `pass` with at least
 *   one fresh piece of evidence, and a drill within the freshness window, under realistic
 *   traffic, with no red answer in its decision matrix.
 * - **Ready for limited workload**: everything in between.
 *
 * How items are read: a granted, unexpired exemption makes an item not applicable (out of
 * score and risks); an expired one puts its own status back in play. `not_applicable`
 * without a justification counts as `not_started`, and so does a hand-marked
 * `not_applicable` on a failure-drill or rollback item (only an approved exemption may
 * waive those). A `pass` whose evidence is all stale counts as `partial`; a `pass` with no
 * evidence still scores as a pass but cannot reach production test.
 *
 * Score: Σ(weight × credit) / Σ(weight) × 100 over applicable items, credit pass = 1,
 * partial = 0.5, otherwise 0, rounded to one decimal; 0 when nothing is applicable.
 * Reasons only describe what keeps the scorecard from `nextOutcome`.
 */
export function computeOutcome(input: OutcomeInput): OutcomeResult {
  const { freshnessDays, now } = input;
  const evaluated = input.items.map((item) => evaluateItem(item, freshnessDays, now));
  const applicable = evaluated.filter((e) => e.applicable);
  const notPassed = applicable.filter((e) => e.effectiveStatus !== "pass");

  const common = {
    score: scoreOf(applicable),
    highRisks: notPassed.filter((e) => e.blocking).length,
    mediumRisks: notPassed.filter((e) => !e.blocking).length,
    staleEvidenceCount: applicable.reduce((sum, e) => sum + e.staleCount, 0),
    sections: sectionsOf(evaluated),
    items: evaluated.map(({ id, effectiveStatus, exempted, staleOnly, fresh }) => ({
      id,
      effectiveStatus,
      exempted,
      staleOnly,
      fresh,
    })),
  };

  const blockers = blockersOf(evaluated, applicable, freshnessDays);
  if (blockers.length > 0) {
    return { ...common, outcome: "not_ready", reasons: blockers, nextOutcome: "limited_workload" };
  }
  const gaps = gapsOf(applicable, input);
  if (gaps.length > 0) {
    return { ...common, outcome: "limited_workload", reasons: gaps, nextOutcome: "production_test" };
  }
  return { ...common, outcome: "production_test", reasons: [], nextOutcome: null };
}
