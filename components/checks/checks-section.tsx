import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getClusterChecks } from "@/lib/checks/queries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CheckCard } from "./check-card";
import { CheckForm } from "./check-form";

/** Cluster page: PromQL conditions evaluated on a schedule, whose passing runs keep a scorecard item's evidence fresh. */
export async function ChecksSection({ user, clusterId }: { user: CurrentUser; clusterId: string }) {
  const { hasMetricsSource, checks, queries, targets } = await getClusterChecks(user, clusterId);
  const canEdit = can(user.role, "cluster:write");
  return (
    // id="checks": the scorecard items' check lines link here
    <section id="checks" className="mt-8 scroll-mt-24" aria-labelledby="checks-title">
      <Card title={<span id="checks-title">Continuous checks</span>}>
        <p className="mb-4 text-sm text-slate-600">
          Each run checks a PromQL condition over its lookback window; a pass renews the evidence on the chosen scorecard item, dated by the end of the window;
          a failure flags the cluster.
        </p>
        {!hasMetricsSource ? (
          <EmptyState
            title="No metrics source yet"
            description="Link this cluster to a Prometheus data source under Metrics source, above, first: checks query it with the cluster's label matchers."
          />
        ) : (
          <>
            {checks.length ? (
              <ul className="space-y-4" aria-label="Checks">
                {checks.map((c) => (
                  <CheckCard key={c.id} check={c} clusterId={clusterId} canEdit={canEdit} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">No checks yet.{canEdit ? " Add one below." : ""}</p>
            )}
            {canEdit ? (
              <div className="mt-6 border-t border-slate-100 pt-4">
                <h3 className="mb-3 text-sm font-semibold text-slate-900">Add a check</h3>
                <CheckForm clusterId={clusterId} queries={queries} targets={targets} />
              </div>
            ) : null}
          </>
        )}
      </Card>
    </section>
  );
}
