/**
 * Time-based helpers of the readiness rules: evidence freshness, exemption validity and
 * the search for a drill that qualifies a scorecard for production test. Pure: no Next,
 * React or Prisma imports, and every "now" comes from the caller so tests are exact.
 */
import type { RuleDrill, RuleExemption } from "./rule-types";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether something captured at `capturedAt` is older than the freshness window.
 * The window is inclusive: evidence exactly `freshnessDays` old is still fresh. A date in
 * the future (clock skew from automation) counts as fresh rather than being discarded.
 */
export function isStale(capturedAt: Date, freshnessDays: number, now: Date): boolean {
  return now.getTime() - capturedAt.getTime() > freshnessDays * DAY_MS;
}

/**
 * The exemption that currently waives an item: granted and expiring strictly after `now`.
 * When several qualify, the one expiring last is returned. Requested and denied
 * exemptions never waive anything.
 */
export function activeExemption(exemptions: RuleExemption[], now: Date): RuleExemption | undefined {
  let best: RuleExemption | undefined;
  for (const exemption of exemptions) {
    if (exemption.status !== "granted" || exemption.expiresAt.getTime() <= now.getTime()) continue;
    if (!best || exemption.expiresAt.getTime() > best.expiresAt.getTime()) best = exemption;
  }
  return best;
}

/**
 * The most recently expired granted exemption, if any — used only to explain why an item
 * is back in play ("its exemption expired on …").
 */
export function lapsedExemption(exemptions: RuleExemption[], now: Date): RuleExemption | undefined {
  let latest: RuleExemption | undefined;
  for (const exemption of exemptions) {
    if (exemption.status !== "granted" || exemption.expiresAt.getTime() > now.getTime()) continue;
    if (!latest || exemption.expiresAt.getTime() > latest.expiresAt.getTime()) latest = exemption;
  }
  return latest;
}

/** A calendar day in UTC (YYYY-MM-DD), so reasons read the same on every server. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** How a drill is named in a reason: its title when it has one, else its start day. */
function drillName(drill: RuleDrill): string {
  const title = drill.title?.trim();
  return title ? `Drill '${title}'` : `The drill started on ${formatDay(drill.startedAt)}`;
}

/** Either the drill that satisfies the production-test rule, or why none does. */
export type DrillCheck = { drill: RuleDrill; reasons: [] } | { drill: undefined; reasons: string[] };

/**
 * Finds a drill that started within the freshness window, ran under realistic traffic and
 * has no red answer in its decision matrix ("does not apply" and "not assessed" answers do
 * not disqualify it: lib/domain/matrix.ts).
 * When none qualifies, explains the first hurdle that every drill failed, in plain words.
 */
export function findQualifyingDrill(drills: RuleDrill[], freshnessDays: number, now: Date): DrillCheck {
  const newestFirst = [...drills].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const recent = newestFirst.filter((drill) => !isStale(drill.startedAt, freshnessDays, now));
  const realistic = recent.filter((drill) => drill.realisticTraffic);
  const clean = realistic.find((drill) => !drill.answers.includes("red"));
  if (clean) return { drill: clean, reasons: [] };

  if (newestFirst.length === 0) {
    return { drill: undefined, reasons: ["No drill has been recorded for this cluster yet"] };
  }
  if (recent.length === 0) {
    const latest = formatDay(newestFirst[0].startedAt);
    return {
      drill: undefined,
      reasons: [`No drill in the last ${freshnessDays} days (the latest started on ${latest})`],
    };
  }
  if (realistic.length === 0) {
    return {
      drill: undefined,
      reasons: [`No drill under realistic traffic in the last ${freshnessDays} days`],
    };
  }
  return {
    drill: undefined,
    reasons: realistic.map((drill) => {
      const reds = drill.answers.filter((answer) => answer === "red").length;
      const what = reds === 1 ? "a red answer" : `${reds} red answers`;
      return `${drillName(drill)} has ${what} in its decision matrix`;
    }),
  };
}
