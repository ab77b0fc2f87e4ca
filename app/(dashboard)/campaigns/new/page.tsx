import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { listTeams } from "@/lib/portfolio/queries";
import { readPortfolioQuery } from "@/lib/portfolio/schema";
import { createCampaignAction } from "@/lib/actions/campaigns";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { campaignTemplates } from "@/lib/campaigns/queries";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New campaign" };
export const dynamic = "force-dynamic";

function inWeeks(weeks: number): string {
  return new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** The portfolio's current filter (if any) arrives in the URL and pre-fills the selection. */
export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("cluster:write");
  const [{ query }, teams, templates] = await Promise.all([searchParams.then(readPortfolioQuery), listTeams(user), campaignTemplates(user)]);
  return (
    <>
      <PageHeader title="New campaign" description="Set a target outcome for a group of clusters by a date; progress is tracked from their current outcomes." />
      <Card>
        <CampaignForm
          action={createCampaignAction}
          teams={teams}
          templates={templates}
          submitLabel="Create campaign"
          cancelHref="/campaigns"
          initial={{
            name: "",
            targetOutcome: "production_test",
            templateKey: "",
            dueDate: inWeeks(12),
            description: "",
            selectionMode: "filter",
            q: query.q,
            env: query.env ?? "",
            arch: query.arch ?? "",
            outcome: query.outcome ?? "",
            team: query.team,
          }}
        />
      </Card>
    </>
  );
}
