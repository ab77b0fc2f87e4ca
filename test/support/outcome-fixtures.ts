/**
 * Builders shared by the outcome rule tests (lib/readiness/rules*.test.ts): a fixed "now",
 * fresh and stale evidence, items, drills, and a run of computeOutcome with them.
 */
import { computeOutcome, type OutcomeInput, type RuleDrill, type RuleEvidence, type RuleExemption, type RuleItem } from "@/lib/readiness/rules";

export const NOW = new Date("2026-06-01T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
export const daysAhead = (days: number) => new Date(NOW.getTime() + days * DAY);

export const fresh = (): RuleEvidence => ({ kind: "link", capturedAt: daysAgo(5), realisticTraffic: true });
export const stale = (): RuleEvidence => ({ kind: "note", capturedAt: daysAgo(120), realisticTraffic: false });
export const granted = (expiresAt: Date): RuleExemption => ({ status: "granted", expiresAt });

let nextId = 0;
export function item(overrides: Partial<RuleItem> = {}): RuleItem {
  nextId += 1;
  return {
    id: `item-${nextId}`,
    key: `key-${nextId}`,
    title: `Item ${nextId}`,
    sectionKey: "ops",
    sectionTitle: "Operational capacity",
    blocking: false,
    weight: 1,
    role: null,
    status: "pass",
    justification: null,
    evidence: [fresh()],
    exemptions: [],
    ...overrides,
  };
}

export function drill(overrides: Partial<RuleDrill> = {}): RuleDrill {
  return {
    id: "drill-1",
    title: "Broker kill GameDay",
    startedAt: daysAgo(10),
    realisticTraffic: true,
    answers: ["green", "green", "green", "green", "green"],
    ...overrides,
  };
}

export function run(items: RuleItem[], drills: RuleDrill[] = [drill()], freshnessDays = 90) {
  const input: OutcomeInput = { items, drills, freshnessDays, now: NOW };
  return computeOutcome(input);
}

export const texts = (result: ReturnType<typeof run>) => result.reasons.map((reason) => reason.text);
