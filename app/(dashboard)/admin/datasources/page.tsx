import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { listDataSources } from "@/lib/prometheus/datasource-queries";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataSourceForm } from "@/components/datasources/data-source-form";
import { TestConnectionButton } from "@/components/datasources/test-connection-button";
import { deleteDataSourceAction } from "@/lib/actions/datasources";

export const metadata: Metadata = { title: "Data sources" };
export const dynamic = "force-dynamic";

const AUTH_LABELS: Record<string, string> = { none: "No authentication", bearer: "Bearer token", basic: "Basic auth" };

export default async function DataSourcesPage() {
  const user = await requirePagePermission("datasource:manage");
  const sources = await listDataSources(user);
  return (
    <>
      <PageHeader
        title="Data sources"
        description="Prometheus-compatible servers Drillbook pulls drill metrics from. Only admins add them: Drillbook's servers will call these URLs, so choose addresses you trust."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {sources.length === 0 ? (
            <EmptyState
              title="No data sources yet"
              description="Add the Prometheus (or Thanos, Mimir, VictoriaMetrics) that scrapes your Kafka clusters, then link clusters to it on their pages."
            />
          ) : (
            sources.map((s) => (
              <Card
                key={s.id}
                title={s.name}
                actions={<Badge tone={s.tlsVerify ? "slate" : "amber"}>{s.tlsVerify ? "TLS verified" : "TLS not verified"}</Badge>}
              >
                <dl className="grid gap-2 text-sm sm:grid-cols-2">
                  <div className="sm:col-span-2">
                    <dt className="text-xs uppercase text-slate-500">Base URL</dt>
                    <dd className="break-all font-mono text-xs">{s.baseUrl}</dd>
                  </div>
                  <div>
                    <dt className="text-xs uppercase text-slate-500">Authentication</dt>
                    <dd>
                      {AUTH_LABELS[s.authKind] ?? s.authKind}
                      {s.username ? ` as ${s.username}` : ""}
                      {s.hasSecret ? " (credentials stored)" : ""}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs uppercase text-slate-500">Used by</dt>
                    <dd>{s.clusters.length ? s.clusters.join(", ") : "No cluster yet"}</dd>
                  </div>
                </dl>
                <div className="mt-4 flex flex-wrap items-start justify-between gap-3">
                  <TestConnectionButton id={s.id} name={s.name} />
                  <ConfirmDialog
                    action={deleteDataSourceAction}
                    fields={{ id: s.id }}
                    trigger="Delete"
                    triggerLabel={`Delete ${s.name}`}
                    title={`Delete “${s.name}”?`}
                    description={
                      s.clusters.length
                        ? `Clusters still use it (${s.clusters.join(", ")}); link them elsewhere first.`
                        : "Its stored credentials are destroyed. Metrics already pulled into drills stay."
                    }
                    confirm="Delete data source"
                  />
                </div>
                <details className="mt-4">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit</summary>
                  <div className="mt-3">
                    <DataSourceForm existing={s} />
                  </div>
                </details>
              </Card>
            ))
          )}
        </div>
        <Card title="Add a data source">
          <DataSourceForm />
        </Card>
      </div>
    </>
  );
}
