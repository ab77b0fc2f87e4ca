import { formatDay } from "@/lib/format/dates";
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import type { CampaignDetail } from "@/lib/campaigns/queries";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteCampaignButton } from "./delete-campaign-button";

/** The campaign's name, its target (outcome, assessment, due date), how it picks clusters and, for editors, edit and delete. */
export function CampaignHeader({ campaign, canWrite }: { campaign: CampaignDetail; canWrite: boolean }) {
  return (
    <PageHeader
      title={campaign.name}
      description={
        <>
          Target: <strong>{OUTCOME_LABELS[campaign.targetOutcome]}</strong>{" "}
          {campaign.templateName ? (
            <>
              in <strong>{campaign.templateName}</strong>
            </>
          ) : (
            "in every assessment"
          )}{" "}
          by <strong>{formatDay(campaign.dueDate)}</strong> · {campaign.selection}
        </>
      }
      actions={
        canWrite ? (
          <>
            <ButtonLink href={`/campaigns/${campaign.id}/edit`} variant="secondary">
              Edit
            </ButtonLink>
            <DeleteCampaignButton id={campaign.id} name={campaign.name} />
          </>
        ) : null
      }
    />
  );
}
