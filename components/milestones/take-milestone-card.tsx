import { OUTCOME_LABELS } from "@/lib/domain/constants";
import type { ScorecardPage } from "@/lib/scorecards/page-view";
import { Card } from "@/components/ui/card";
import { TakeMilestoneForm } from "./take-milestone-form";

/** Where a milestone is taken: the scorecard as it is now, and a name suggested from how many exist. */
export function TakeMilestoneCard({ scorecard, taken }: { scorecard: Pick<ScorecardPage, "id" | "outcome" | "version">; taken: number }) {
  return (
    <Card title="Take a milestone">
      <p className="mb-3 text-sm text-slate-600">
        Now: <strong>{OUTCOME_LABELS[scorecard.outcome.outcome]}</strong>, score {scorecard.outcome.score}%, content version {scorecard.version}.
      </p>
      <TakeMilestoneForm scorecardId={scorecard.id} suggestion={`Checkpoint ${taken + 1}`} />
    </Card>
  );
}
