import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getClusterMetricsSource, listDataSourceOptions } from "@/lib/prometheus/datasource-queries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { MetricsSourceForm } from "./metrics-source-form";

/** Cluster page: where Drillbook pulls this cluster's drill metrics from. */
export async function MetricsSourceSection({ user, clusterId }: { user: CurrentUser; clusterId: string }) {
  const [current, options] = await Promise.all([getClusterMetricsSource(user, clusterId), listDataSourceOptions(user)]);
  const canEdit = can(user.role, "cluster:write");
  return (
    <section className="mt-8" aria-labelledby="metrics-source-title">
      <Card title={<span id="metrics-source-title">Metrics source</span>}>
        {options.length === 0 ? (
          <EmptyState
            title="No Prometheus data source yet"
            description={
              can(user.role, "datasource:manage") ? (
                <>
                  Add one under{" "}
                  <a className="text-brand-700 underline" href="/admin/datasources">
                    Admin → Data sources
                  </a>
                  , then link this cluster here.
                </>
              ) : (
                "Ask an admin to add one under Admin → Data sources."
              )
            }
          />
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-600">
              {current ? (
                <>
                  Drills on this cluster pull from <strong>{current.dataSourceName}</strong>.
                </>
              ) : (
                "Pick the Prometheus that scrapes this cluster and the labels that select its series; drills can then pull their metrics."
              )}
            </p>
            <MetricsSourceForm clusterId={clusterId} current={current} options={options} canEdit={canEdit} />
          </>
        )}
      </Card>
    </section>
  );
}
