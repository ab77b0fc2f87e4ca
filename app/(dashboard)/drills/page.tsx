import type { Metadata } from "next";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listDrills } from "@/lib/drills/queries";
import { DrillsTable } from "@/components/drills/drills-table";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Drills" };
export const dynamic = "force-dynamic";

export default async function DrillsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePagePermission("drill:read");
  const [rows, { deleted }] = await Promise.all([listDrills(user), searchParams]);
  const record = can(user.role, "drill:write") ? <ButtonLink href="/drills/new">Record drill</ButtonLink> : null;
  return (
    <>
      <PageHeader
        title="Drills"
        description="Failure drills across every cluster: what was tested, how recovery measured against its targets, and what the team decided."
        actions={record}
      />
      {deleted ? (
        <div className="mb-4">
          <Alert tone="green">Drill deleted.</Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState
          title="No drills recorded yet"
          description="Kill or isolate a broker under representative traffic, then record what happened: timeline, metrics, measurements against targets and the decision matrix."
          action={record}
        />
      ) : (
        <DrillsTable rows={rows} />
      )}
    </>
  );
}
