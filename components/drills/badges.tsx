import { DRILL_SCENARIO_LABELS, type DrillScenario } from "@/lib/domain/constants";
import type { Comparison, MatrixDecision } from "@/lib/drills/rules";
import { Badge } from "@/components/ui/badge";

const DECISION_BADGE: Record<MatrixDecision, { tone: "green" | "red" | "slate"; label: string }> = {
  operating_model_holds: { tone: "green", label: "Operating model holds" },
  recovery_unit_too_large: { tone: "red", label: "Recovery unit too large" },
  incomplete: { tone: "slate", label: "Not decided" },
};

export function DecisionBadge({ decision }: { decision: MatrixDecision }) {
  const d = DECISION_BADGE[decision];
  return <Badge tone={d.tone}>{d.label}</Badge>;
}

const COMPARISON_BADGE: Record<Comparison, { tone: "green" | "red" | "slate" | "amber"; label: string }> = {
  met: { tone: "green", label: "Met" },
  breached: { tone: "red", label: "Breached" },
  no_target: { tone: "slate", label: "No target" },
  not_measured: { tone: "amber", label: "Not measured" },
};

export function ComparisonBadge({ result }: { result: Comparison }) {
  const c = COMPARISON_BADGE[result];
  return <Badge tone={c.tone}>{c.label}</Badge>;
}

export function ScenarioBadge({ scenario }: { scenario: DrillScenario }) {
  return <Badge tone="blue">{DRILL_SCENARIO_LABELS[scenario]}</Badge>;
}

export const DECISION_TEXT = Object.fromEntries(Object.entries(DECISION_BADGE).map(([k, v]) => [k, v.label])) as Record<MatrixDecision, string>;
