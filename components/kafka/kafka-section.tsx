/**
 * The "Kafka" section of a cluster page: the connection, "Take snapshot", and recent
 * snapshots with their health counts.
 */
import Link from "next/link";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getKafkaConnection, listKafkaSnapshots } from "@/lib/kafka/queries";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { KafkaConnectionForm } from "./kafka-connection-form";
import { TakeSnapshotButton } from "./take-snapshot-button";

export async function KafkaSection({ user, clusterId }: { user: CurrentUser; clusterId: string }) {
  const [connection, snapshots] = await Promise.all([getKafkaConnection(user, clusterId), listKafkaSnapshots(user, clusterId, 10)]);
  const canWrite = can(user.role, "cluster:write");
  return (
    <section className="mt-8" aria-labelledby="kafka-heading">
      <h2 id="kafka-heading" className="mb-3 text-lg font-semibold text-slate-900">
        Kafka
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Connection">
          {!connection && !canWrite ? (
            <p className="text-sm text-slate-500">No Kafka connection yet. An editor can add one to take snapshots from the cluster.</p>
          ) : null}
          {!connection && canWrite ? (
            <p className="mb-4 text-sm text-slate-600">
              Connect Drillbook to the cluster’s admin API to record snapshots as evidence. Drillbook only reads metadata, configs and offsets.
            </p>
          ) : null}
          <KafkaConnectionForm clusterId={clusterId} connection={connection} canWrite={canWrite} />
        </Card>
        <Card title="Snapshots" actions={connection && canWrite ? <TakeSnapshotButton clusterId={clusterId} /> : null}>
          {snapshots.length === 0 ? (
            <p className="text-sm text-slate-500">
              {connection
                ? "No snapshot yet. A snapshot records brokers, racks, partitions, ISR and consumer lag as the cluster reports them."
                : "Add a connection first."}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {snapshots.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center gap-2 py-2">
                  <Link className="font-medium text-brand-700 underline" href={`/clusters/${clusterId}/kafka/snapshots/${s.id}`}>
                    <DateTime value={s.takenAt} format="minutes" />
                  </Link>
                  <span className="text-slate-600">
                    {s.brokerCount} brokers · {s.partitionCount.toLocaleString("en-US")} partitions
                  </span>
                  {s.underReplicated > 0 ? <Badge tone="amber">{s.underReplicated} under-replicated</Badge> : <Badge tone="green">fully replicated</Badge>}
                  {s.underMinIsr > 0 ? <Badge tone="red">{s.underMinIsr} under min ISR</Badge> : null}
                  {s.offlinePartitions > 0 ? <Badge tone="red">{s.offlinePartitions} offline</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </section>
  );
}
