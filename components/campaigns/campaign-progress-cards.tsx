import type { CampaignDetail } from "@/lib/campaigns/queries";
import { Card } from "@/components/ui/card";
import { CampaignOutcomeChart } from "./campaign-outcome-chart";
import { CampaignProgressBar } from "./campaign-progress-bar";
import { DueBadge } from "./due-badge";

/** How many clusters are at the target (with the due state), beside the clusters by their current outcome. */
export function CampaignProgressCards({ campaign }: { campaign: Pick<CampaignDetail, "progress" | "status"> }) {
  return (
    <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
      <Card title="Progress" actions={<DueBadge status={campaign.status} />}>
        <p className="mb-3 text-3xl font-semibold text-slate-900" data-testid="campaign-progress">
          {campaign.progress.atTarget} <span className="text-base font-normal text-slate-500">of {campaign.progress.total} clusters at target</span>
        </p>
        <CampaignProgressBar progress={campaign.progress} label="Campaign progress" />
      </Card>
      <Card title="Clusters by current outcome" className="lg:col-span-2">
        <CampaignOutcomeChart byOutcome={campaign.progress.byOutcome} />
      </Card>
    </div>
  );
}
