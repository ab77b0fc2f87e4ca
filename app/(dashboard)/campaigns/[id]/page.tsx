import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getCampaign } from "@/lib/campaigns/queries";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { CampaignDoneList, CampaignShortList } from "@/components/campaigns/campaign-members";
import { AddCampaignClusters } from "@/components/campaigns/campaign-membership";
import { CampaignProgressCards } from "@/components/campaigns/campaign-progress-cards";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Campaign" };
export const dynamic = "force-dynamic";

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; saved?: string }>;
}) {
  const user = await requirePagePermission("cluster:read");
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const campaign = await getCampaign(user, id);
  if (!campaign) notFound();
  const canWrite = can(user.role, "cluster:write");
  return (
    <>
      <CampaignHeader campaign={campaign} canWrite={canWrite} />
      {flags.created ? (
        <div className="mb-4">
          <Alert tone="green">Campaign created.</Alert>
        </div>
      ) : null}
      {flags.saved ? (
        <div className="mb-4">
          <Alert tone="green">Changes saved.</Alert>
        </div>
      ) : null}
      {campaign.description ? <p className="mb-6 max-w-3xl whitespace-pre-wrap text-sm text-slate-700">{campaign.description}</p> : null}
      <CampaignProgressCards campaign={campaign} />
      <div className="mt-6 space-y-6">
        <CampaignShortList campaign={campaign} canWrite={canWrite} />
        <CampaignDoneList campaign={campaign} canWrite={canWrite} />
        {canWrite ? (
          <Card title="Add clusters">
            <AddCampaignClusters campaignId={campaign.id} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
