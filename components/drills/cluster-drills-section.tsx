import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { listDrills, listRecoveryTargets } from "@/lib/drills/queries";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DrillsTable } from "./drills-table";
import { RecoveryTargets } from "./recovery-targets";

/**
 * The cluster page's drill section: recovery targets per disruption type and the cluster's
 * drills. Rendered by app/(dashboard)/clusters/[id]/page.tsx with one line.
 */
export async function ClusterDrillsSection({ user, clusterId }: { user: CurrentUser; clusterId: string }) {
  const [targets, drills] = await Promise.all([listRecoveryTargets(user, clusterId), listDrills(user, { clusterId })]);
  const canWrite = can(user.role, "drill:write");
  return (
    <div className="mt-6 space-y-6">
      <Card title="Recovery targets">
        <RecoveryTargets clusterId={clusterId} rows={targets} canWrite={can(user.role, "cluster:write")} />
      </Card>
      <section id="drills" aria-labelledby="drills-heading">
        <div className="mb-3 flex items-center justify-between gap-4">
          <h2 id="drills-heading" className="text-lg font-semibold text-slate-900">
            Drills
          </h2>
          {canWrite ? <ButtonLink href={`/drills/new?cluster=${clusterId}`}>Record drill</ButtonLink> : null}
        </div>
        {drills.length === 0 ? (
          <p className="rounded-lg border-2 border-dashed border-slate-200 bg-white px-6 py-8 text-center text-sm text-slate-600">
            No drills on this cluster yet. Kill or isolate a broker under representative traffic and record what happened.
          </p>
        ) : (
          <DrillsTable rows={drills} showCluster={false} />
        )}
      </section>
    </div>
  );
}
