import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getTeamOverview } from "@/lib/teams/overview";
import { DEFAULT_QUERY } from "@/lib/portfolio/schema";
import { CampaignsOverview } from "@/components/campaigns/campaigns-overview";
import { PortfolioSummaryTiles } from "@/components/portfolio/portfolio-summary";
import { TeamClusterTable, TeamMemberList, TeamOpenReviews } from "@/components/teams/team-overview";
import { Card } from "@/components/ui/card";
import { TeamTitle } from "@/components/teams/team-title";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

export default async function TeamOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("cluster:read");
  const { id } = await params;
  const team = await getTeamOverview(user, id);
  if (!team) notFound();
  return (
    <>
      <PageHeader
        title={<TeamTitle name={team.name} archivedAt={team.archivedAt} />}
        description={`${team.summary.total} cluster(s), ${team.members.length} member(s)`}
        actions={
          can(user.role, "team:manage") ? (
            <Link href={`/admin/teams/${team.id}`} className="text-sm font-medium text-brand-700 hover:underline">
              Manage in Admin → Teams
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <PortfolioSummaryTiles summary={team.summary} query={DEFAULT_QUERY} scope={{ team: team.name }} label={`Readiness of ${team.name}`} />
        <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Card title="Clusters">
              <TeamClusterTable team={team} />
            </Card>
          </div>
          <div className="space-y-6">
            <Card title="Members">
              <TeamMemberList team={team} />
            </Card>
            <Card title="In review">
              <TeamOpenReviews team={team} />
            </Card>
            <CampaignsOverview campaigns={team.campaigns.slice(0, 5)} total={team.campaigns.length} canWrite={can(user.role, "cluster:write")} />
          </div>
        </div>
      </div>
    </>
  );
}
