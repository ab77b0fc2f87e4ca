import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { getTeam, listPeopleForTeams } from "@/lib/teams/queries";
import { Card } from "@/components/ui/card";
import { TeamTitle } from "@/components/teams/team-title";
import { PageHeader } from "@/components/ui/page-header";
import { AddMemberForm } from "@/components/teams/add-member-form";
import { ArchiveTeamButton } from "@/components/teams/archive-team-button";
import { TeamClusters } from "@/components/teams/team-clusters";
import { TeamMembers } from "@/components/teams/team-members";
import { TeamNameForm } from "@/components/teams/team-name-form";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("team:manage");
  const { id } = await params;
  const [team, people] = await Promise.all([getTeam(actor, id), listPeopleForTeams(actor)]);
  if (!team) notFound();
  const inTeam = new Set(team.members.map((m) => m.userId));
  return (
    <>
      <Link href="/admin/teams" className="text-sm text-brand-700 hover:underline">
        ← All teams
      </Link>
      <PageHeader
        title={<TeamTitle name={team.name} archivedAt={team.archivedAt} />}
        description={`${team.clusterCount} cluster(s), ${team.memberCount} member(s)`}
        actions={<ArchiveTeamButton id={team.id} name={team.name} archived={Boolean(team.archivedAt)} clusterCount={team.clusterCount} />}
      />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <div className="space-y-6 *:min-w-0 lg:col-span-2">
          <Card title="Members">
            <TeamMembers team={team} />
          </Card>
          <Card title="Clusters">
            <TeamClusters team={team} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Add a member">
            <AddMemberForm teamId={team.id} people={people.filter((p) => !inTeam.has(p.id))} />
          </Card>
          <Card title="Rename">
            <TeamNameForm team={team} />
          </Card>
        </div>
      </div>
    </>
  );
}
