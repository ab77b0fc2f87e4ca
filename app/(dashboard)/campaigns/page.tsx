import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import { CampaignProgressBar } from "@/components/campaigns/campaign-progress-bar";
import { DueBadge } from "@/components/campaigns/due-badge";
import { ButtonLink } from "@/components/ui/button";
import { Alert, EmptyState, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Campaigns" };
export const dynamic = "force-dynamic";

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePagePermission("cluster:read");
  const [campaigns, { deleted }] = await Promise.all([listCampaigns(user), searchParams]);
  const newButton = can(user.role, "cluster:write") ? <ButtonLink href="/campaigns/new">New campaign</ButtonLink> : null;
  return (
    <>
      <PageHeader title="Campaigns" description="A target outcome for a group of clusters by a date, and how far along they are." actions={newButton} />
      {deleted ? <div className="mb-4"><Alert tone="green">Campaign deleted.</Alert></div> : null}
      {campaigns.length === 0 ? (
        <EmptyState
          title="No campaigns yet"
          description="A campaign sets a target outcome for a group of clusters by a date, for example every production cluster ready for production test before a migration cutover."
          action={newButton}
        />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <th scope="col" className="px-4 py-2.5">Campaign</th>
                <th scope="col" className="px-4 py-2.5">Target</th>
                <th scope="col" className="px-4 py-2.5">Due</th>
                <th scope="col" className="w-72 px-4 py-2.5">Progress</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {campaigns.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link>
                    <p className="text-xs text-slate-500">{c.selection}</p>
                  </td>
                  <td className="px-4 py-3">{OUTCOME_LABELS[c.targetOutcome]}</td>
                  <td className="whitespace-nowrap px-4 py-3">
                    <span className="mr-2">{c.dueDate.slice(0, 10)}</span>
                    <DueBadge status={c.status} />
                  </td>
                  <td className="px-4 py-3">
                    <CampaignProgressBar progress={c.progress} label={`${c.name} progress`} size="sm" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
