import { DUE_STATUS_LABELS, type DueStatus } from "@/lib/campaigns/rules";
import { Badge } from "@/components/ui/badge";

const tone = { done: "green", overdue: "red", due_soon: "amber", on_track: "blue" } as const;

export function DueBadge({ status }: { status: DueStatus }) {
  return <Badge tone={tone[status]}>{DUE_STATUS_LABELS[status]}</Badge>;
}
