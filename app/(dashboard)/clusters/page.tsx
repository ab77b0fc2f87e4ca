import type { Metadata } from "next";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listClusters } from "@/lib/clusters/queries";
import { ClustersTable } from "@/components/clusters/clusters-table";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Clusters" };
export const dynamic = "force-dynamic";

export default async function ClustersPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePagePermission("cluster:read");
  const [rows, { deleted }] = await Promise.all([listClusters(user), searchParams]);
  const canWrite = can(user.role, "cluster:write");
  const newButton = canWrite ? <ButtonLink href="/clusters/new">New cluster</ButtonLink> : null;
  return (
    <>
      <PageHeader title="Clusters" description="Every streaming cluster your teams run or plan to run, with its readiness." actions={newButton} />
      {deleted ? (
        <div className="mb-4">
          <Alert tone="green">Cluster deleted.</Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState
          title="No clusters yet"
          description={
            canWrite
              ? "Add the first cluster you want to prove recovery for: its brokers, zones, replication and traffic. Scorecards and drills hang off it."
              : "Nobody has added a cluster yet. Editors can add one; ask your team."
          }
          action={newButton}
        />
      ) : (
        <ClustersTable rows={rows} />
      )}
    </>
  );
}
