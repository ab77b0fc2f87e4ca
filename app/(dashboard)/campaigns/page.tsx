import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import { CampaignProgressBar } from "@/components/campaigns/campaign-progress-bar";
import { DueBadge } from "@/components/campaigns/due-badge";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "Campaigns" };
export const dynamic = "force-dynamic";

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePagePermission("cluster:read");
  const [campaigns, { deleted }] = await Promise.all([listCampaigns(user), searchParams]);
  const newButton = can(user.role, "cluster:write") ? <ButtonLink href="/campaigns/new">New campaign</ButtonLink> : null;
  return (
    <>
      <PageHeader title="Campaigns" description="A target outcome for a group of clusters by a date, and how far along they are." actions={newButton} />
      {deleted ? (
        <div className="mb-4">
          <Alert tone="green">Campaign deleted.</Alert>
        </div>
      ) : null}
      {campaigns.length === 0 ? (
        <EmptyState
          title="No campaigns yet"
          description="A campaign sets a target outcome for a group of clusters by a date, for example every production cluster ready for production test before a migration cutover."
          action={newButton}
        />
      ) : (
        <Table variant="framed">
          <TableHead>
            <Th>Campaign</Th>
            <Th>Target</Th>
            <Th>Due</Th>
            <Th className="w-72">Progress</Th>
          </TableHead>
          <TableBody>
            {campaigns.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  <p className="text-xs text-slate-500">{c.selection}</p>
                </Td>
                <Td>
                  {OUTCOME_LABELS[c.targetOutcome]}
                  <p className="text-xs text-slate-500">{c.templateName ? `in ${c.templateName}` : "in every assessment"}</p>
                </Td>
                <Td className="whitespace-nowrap">
                  <DateTime value={c.dueDate} format="day" className="mr-2" />
                  <DueBadge status={c.status} />
                </Td>
                <Td>
                  <CampaignProgressBar progress={c.progress} label={`${c.name} progress`} size="sm" />
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
