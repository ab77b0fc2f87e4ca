import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { listTeams } from "@/lib/teams/queries";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TeamNameForm } from "@/components/teams/team-name-form";
import { TeamsTable } from "@/components/teams/teams-table";

export const metadata: Metadata = { title: "Teams" };
export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const actor = await requirePagePermission("team:manage");
  const teams = await listTeams(actor);
  return (
    <>
      <PageHeader title="Teams" description="Teams own clusters. A cluster's owner team names one of these; names ignore case and spacing." />
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <Card title={`Teams (${teams.length})`} className="lg:col-span-2">
          <TeamsTable teams={teams} />
        </Card>
        <Card title="Create a team">
          <TeamNameForm />
        </Card>
      </div>
    </>
  );
}
