import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/access/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getKafkaSnapshot, snapshotTargets } from "@/lib/kafka/queries";
import { formatUtc } from "@/lib/format/dates";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LeaderBars, PartitionProblems, TopicTable, BrokerTable, GroupTable } from "@/components/kafka/snapshot-tables";
import { AcceptFactsForm, AttachSnapshotForm } from "@/components/kafka/snapshot-forms";

export const metadata: Metadata = { title: "Kafka snapshot" };
export const dynamic = "force-dynamic";

export default async function KafkaSnapshotPage({ params }: { params: Promise<{ id: string; snapshotId: string }> }) {
  const user = await requirePagePermission("cluster:read");
  const { id, snapshotId } = await params;
  const s = await getKafkaSnapshot(user, id, snapshotId);
  if (!s) notFound();
  const a = s.content.analysis;
  const targets = can(user.role, "scorecard:write") ? await snapshotTargets(user, id) : [];
  return (
    <>
      <PageHeader
        title={`Kafka snapshot · ${formatUtc(s.takenAt)}`}
        description={
          <>
            <Link className="underline" href={`/clusters/${id}`}>
              {s.clusterName}
            </Link>{" "}
            · Kafka cluster id <code>{s.content.clusterId}</code> · controller id {s.content.controller ?? "unknown"}
          </>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm">
        <Badge>{a.brokerCount} brokers</Badge>
        <Badge>{a.topicCount} topics</Badge>
        <Badge>{a.partitionCount.toLocaleString("en-US")} partitions</Badge>
        {a.underReplicated.length ? (
          <Badge tone="amber">{a.underReplicated.length} under-replicated</Badge>
        ) : (
          <Badge tone="green">no under-replicated partition</Badge>
        )}
        {a.underMinIsr.length ? <Badge tone="red">{a.underMinIsr.length} under min ISR</Badge> : <Badge tone="green">all at or above min ISR</Badge>}
        {a.offline.length ? <Badge tone="red">{a.offline.length} without leader</Badge> : null}
        <Badge tone={a.leaderSkew !== null && a.leaderSkew > 1.25 ? "amber" : "slate"}>leader skew {a.leaderSkew ?? "—"}</Badge>
        <Badge>zones {a.zones.length ? a.zones.join(", ") : "none"}</Badge>
      </div>
      <p className="mb-6 break-all text-xs text-slate-500">
        SHA-256 of the canonical JSON: <code>{s.sha256}</code>{" "}
        {s.hashVerified ? <Badge tone="green">verified</Badge> : <Badge tone="red">does not match the stored content</Badge>}
      </p>
      {s.content.unreadableTopics.length ? (
        <div className="mb-6">
          <Alert tone="amber" title="Some topics could not be described">
            {s.content.unreadableTopics.map((t) => `${t.name} (${t.reason})`).join(", ")}. Their partitions are not in this snapshot.
          </Alert>
        </div>
      ) : null}
      {a.brokerCount === 1 ? (
        <div className="mb-6">
          <Alert tone="amber" title="Single-broker cluster">
            A broker failure takes every partition offline; replication health cannot be shown by this cluster.
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0" title="Leaders per broker">
          <LeaderBars brokers={s.content.brokers} leaders={a.leadersPerBroker} />
        </Card>
        <Card className="min-w-0" title="Brokers">
          <BrokerTable brokers={s.content.brokers} leaders={a.leadersPerBroker} />
        </Card>
      </div>
      <div className="mt-6 grid gap-6">
        <Card className="min-w-0" title="Partitions needing attention">
          <PartitionProblems content={s.content} />
        </Card>
        <Card className="min-w-0" title="Topics">
          <TopicTable content={s.content} />
          <p className="mt-3 text-xs text-slate-500">
            Kafka leaves out topics the connection’s account may not describe; they are absent here rather than counted as healthy.
          </p>
        </Card>
        <Card className="min-w-0" title="Consumer groups">
          <GroupTable groups={s.content.groups} />
        </Card>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0" title="Attach as evidence">
          {s.attachedTo.length ? (
            <ul className="mb-3 list-disc pl-5 text-sm text-slate-700">
              {s.attachedTo.map((e) => (
                <li key={e.evidenceId}>
                  <Link className="underline" href={`/scorecards/${e.scorecardId}`}>
                    {e.scorecardName}
                  </Link>{" "}
                  · {e.itemTitle}
                </li>
              ))}
            </ul>
          ) : null}
          {can(user.role, "scorecard:write") ? (
            <AttachSnapshotForm clusterId={id} snapshotId={s.id} targets={targets} />
          ) : (
            <p className="text-sm text-slate-500">Editors attach snapshots to scorecard items.</p>
          )}
        </Card>
        <Card className="min-w-0" title="Sync facts">
          <p className="mb-3 text-sm text-slate-600">
            What this snapshot says about the cluster, against the facts Drillbook holds. Nothing changes until you accept.
          </p>
          {can(user.role, "cluster:write") ? <AcceptFactsForm clusterId={id} snapshotId={s.id} proposals={s.proposals} /> : null}
        </Card>
      </div>
    </>
  );
}
