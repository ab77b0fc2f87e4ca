import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getCluster } from "@/lib/clusters/queries";
import { ARCHITECTURE_LABELS, ENVIRONMENT_LABELS, METADATA_MODE_LABELS } from "@/lib/domain/constants";
import { ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { TemplateOutcomeList } from "@/components/clusters/template-outcome-list";
import { DeleteClusterButton } from "@/components/clusters/delete-cluster-button";
import { ClusterScorecards } from "@/components/scorecards/cluster-scorecards";
import { ClusterDrillsSection } from "@/components/drills/cluster-drills-section";
import { SampleDataBanner } from "@/components/demo/sample-data-banner";
import { RecoveryModelSection } from "@/components/recovery-model/recovery-model-section";
import { MetricsSourceSection } from "@/components/datasources/metrics-source-section";
import { ChecksSection } from "@/components/checks/checks-section";
import { KafkaSection } from "@/components/kafka/kafka-section";

export const metadata: Metadata = { title: "Cluster" };
export const dynamic = "force-dynamic";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function ClusterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; saved?: string; scorecardDeleted?: string }>;
}) {
  const user = await requirePagePermission("cluster:read");
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const c = await getCluster(user, id);
  if (!c) notFound();
  return (
    <>
      <PageHeader
        title={c.name}
        description={`${ARCHITECTURE_LABELS[c.architecture]} · ${c.distribution} ${c.version} · owned by ${c.ownerTeam}`}
        actions={
          <>
            {can(user.role, "cluster:write") ? (
              <ButtonLink href={`/clusters/${c.id}/edit`} variant="secondary">
                Edit
              </ButtonLink>
            ) : null}
            {can(user.role, "cluster:delete") ? <DeleteClusterButton id={c.id} name={c.name} /> : null}
          </>
        }
      />
      {c.isSample ? <SampleDataBanner what="cluster" canRemove={can(user.role, "user:manage")} /> : null}
      {flags.created ? (
        <div className="mb-4">
          <Alert tone="green">Cluster created.</Alert>
        </div>
      ) : null}
      {flags.scorecardDeleted ? (
        <div className="mb-4">
          <Alert tone="green">Scorecard deleted. Readiness now comes from the remaining current scorecards.</Alert>
        </div>
      ) : null}
      {flags.saved ? (
        <div className="mb-4">
          <Alert tone="green">Changes saved.</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <Card title="Facts" className="lg:col-span-2">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-5 sm:grid-cols-3">
            <Fact label="Environment">{ENVIRONMENT_LABELS[c.environment]}</Fact>
            <Fact label="Metadata mode">{METADATA_MODE_LABELS[c.metadataMode]}</Fact>
            <Fact label="Cloud / region">
              {c.cloud} / {c.region}
            </Fact>
            <Fact label="Brokers">{c.brokerCount}</Fact>
            <Fact label="Availability zones">{c.availabilityZones}</Fact>
            <Fact label="Replication factor">{c.replicationFactor}</Fact>
            <Fact label="Partitions">{c.partitionCount.toLocaleString("en-US")}</Fact>
            <Fact label="Retention">{c.retentionHours} h</Fact>
            <Fact label="Peak ingress / egress">
              {c.peakIngressMBps} / {c.peakEgressMBps} MB/s
            </Fact>
            {c.walType ? <Fact label="WAL type">{c.walType}</Fact> : null}
            <Fact label="Evidence freshness">{c.freshnessDays} days</Fact>
            <Fact label="Tags">
              {c.tags.length ? (
                <span className="flex flex-wrap gap-1">
                  {c.tags.map((t) => (
                    <Badge key={t}>{t}</Badge>
                  ))}
                </span>
              ) : (
                "—"
              )}
            </Fact>
          </dl>
          {c.notes ? <p className="mt-6 whitespace-pre-wrap border-t border-slate-100 pt-4 text-sm text-slate-700">{c.notes}</p> : null}
        </Card>
        <Card title="Readiness">
          <OutcomeBadge outcome={c.outcome} />
          <p className="mt-3 text-sm text-slate-600">
            {c.outcome ? `Score ${c.score ?? 0}%` : "No scorecard yet. Start one to see what keeps this cluster from being ready."}
            {c.outcome && c.templateOutcomes.length > 1 && c.heldBackBy ? ` · held back by ${c.heldBackBy}` : ""}
          </p>
          {c.templateOutcomes.length > 1 ? <TemplateOutcomeList items={c.templateOutcomes} heldBackBy={c.heldBackBy} /> : null}
        </Card>
      </div>
      <KafkaSection user={user} clusterId={c.id} />
      <ClusterScorecards user={user} clusterId={c.id} />
      <ClusterDrillsSection user={user} clusterId={c.id} />
      <RecoveryModelSection clusterId={c.id} user={user} />
      <MetricsSourceSection user={user} clusterId={c.id} />
      <ChecksSection user={user} clusterId={c.id} />
    </>
  );
}
