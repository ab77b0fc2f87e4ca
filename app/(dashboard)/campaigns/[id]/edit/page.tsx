import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { updateCampaignAction } from "@/lib/actions/campaigns";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { campaignTemplates, getCampaignForEdit } from "@/lib/campaigns/queries";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Edit campaign" };
export const dynamic = "force-dynamic";

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("cluster:write");
  const campaign = await getCampaignForEdit(user, (await params).id);
  if (!campaign) notFound();
  const templates = await campaignTemplates(user, campaign.templateKey);
  return (
    <>
      <PageHeader title={`Edit ${campaign.name}`} description="Change the goal; add or remove clusters on the campaign page." />
      <Card>
        <CampaignForm
          action={updateCampaignAction}
          teams={[]}
          templates={templates}
          submitLabel="Save changes"
          cancelHref={`/campaigns/${campaign.id}`}
          initial={{
            id: campaign.id,
            revision: String(campaign.revision),
            name: campaign.name,
            targetOutcome: campaign.targetOutcome,
            templateKey: campaign.templateKey ?? "",
            dueDate: campaign.dueDate.toISOString().slice(0, 10),
            description: campaign.description,
            selectionMode: "pick",
            q: "",
            env: "",
            arch: "",
            outcome: "",
            team: "",
          }}
        />
      </Card>
    </>
  );
}
