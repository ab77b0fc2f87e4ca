import { OUTCOME_LABELS, type Outcome } from "@/lib/domain/constants";
import { Badge } from "@/components/ui/badge";

const tone = { not_ready: "red", limited_workload: "amber", production_test: "green" } as const;

export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return <Badge>No scorecard yet</Badge>;
  return <Badge tone={tone[outcome]}>{OUTCOME_LABELS[outcome]}</Badge>;
}
