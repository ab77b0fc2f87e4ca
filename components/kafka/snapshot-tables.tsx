/** Read-only tables and the per-broker leader bar chart of a Kafka snapshot page. */
import type { KafkaSnapshotContent, SnapshotBroker, SnapshotGroup } from "@/lib/kafka/rules";
import { partitionHealth } from "@/lib/kafka/rules";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

function Scroll({ children }: { children: React.ReactNode }) {
  return <div className="relative -mx-1 overflow-x-auto px-1">{children}</div>;
}

/** Horizontal bars (plain CSS, so the chart renders without JavaScript and at 390 px). */
export function LeaderBars({ brokers, leaders }: { brokers: SnapshotBroker[]; leaders: Record<string, number> }) {
  const max = Math.max(1, ...Object.values(leaders));
  const total = Object.values(leaders).reduce((a, b) => a + b, 0);
  const even = brokers.length ? total / brokers.length : 0;
  return (
    <figure>
      <ul className="space-y-2" aria-label="Partition leaders per broker">
        {brokers.map((b) => {
          const n = leaders[String(b.id)] ?? 0;
          return (
            <li key={b.id} className="flex items-center gap-2 text-sm">
              <span className="w-24 shrink-0 text-slate-700">
                Broker {b.id}
                <span className="block text-xs text-slate-500">{b.rack ?? "no rack"}</span>
              </span>
              <span className="relative h-5 flex-1 rounded bg-slate-100">
                <span className="absolute inset-y-0 left-0 rounded bg-brand-600" style={{ width: `${(n / max) * 100}%` }} />
              </span>
              <span className="w-12 text-right tabular-nums">{n}</span>
            </li>
          );
        })}
      </ul>
      <figcaption className="mt-2 text-xs text-slate-500">Even share: {even.toFixed(1)} leaders per broker.</figcaption>
    </figure>
  );
}

export function BrokerTable({ brokers, leaders }: { brokers: SnapshotBroker[]; leaders: Record<string, number> }) {
  return (
    <Scroll>
      <Table>
        <TableHead>
          <Th>Id</Th>
          <Th>Address</Th>
          <Th>Rack</Th>
          <Th>Leaders</Th>
        </TableHead>
        <TableBody className="align-top">
          {brokers.map((b) => (
            <tr key={b.id}>
              <Td>{b.id}</Td>
              <Td className="break-all">
                {b.host}:{b.port}
              </Td>
              <Td>{b.rack ?? <span className="text-slate-400">none</span>}</Td>
              <Td className="tabular-nums">{leaders[String(b.id)] ?? 0}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </Scroll>
  );
}

export function PartitionProblems({ content }: { content: KafkaSnapshotContent }) {
  const rows = content.topics.flatMap((t) =>
    t.partitions.map((p) => ({ t, p, h: partitionHealth(p, t.minInsyncReplicas) })).filter((r) => r.h.underReplicated || r.h.underMinIsr || r.h.offline),
  );
  if (rows.length === 0) return <p className="text-sm text-green-700">Every partition has a leader and its full ISR.</p>;
  return (
    <Scroll>
      <Table>
        <TableHead>
          <Th>Topic</Th>
          <Th>Partition</Th>
          <Th>Leader</Th>
          <Th>Replicas</Th>
          <Th>ISR</Th>
          <Th>Offline</Th>
          <Th>State</Th>
        </TableHead>
        <TableBody className="align-top">
          {rows.slice(0, 500).map(({ t, p, h }) => (
            <tr key={`${t.name}:${p.partition}`}>
              <Td className="break-all">{t.name}</Td>
              <Td>{p.partition}</Td>
              <Td>{p.leader < 0 ? "none" : p.leader}</Td>
              <Td>{p.replicas.join(", ")}</Td>
              <Td>{p.isr.join(", ")}</Td>
              <Td>{p.offline.join(", ") || "—"}</Td>
              <Td className="space-x-1">
                {h.offline ? <Badge tone="red">no leader</Badge> : null}
                {h.underMinIsr ? <Badge tone="red">under min ISR {t.minInsyncReplicas}</Badge> : null}
                {h.underReplicated ? <Badge tone="amber">under-replicated</Badge> : null}
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
      {rows.length > 500 ? <p className="mt-2 text-xs text-slate-500">First 500 of {rows.length} shown; the stored JSON has them all.</p> : null}
    </Scroll>
  );
}

export function TopicTable({ content }: { content: KafkaSnapshotContent }) {
  return (
    <Scroll>
      <Table>
        <TableHead>
          <Th>Topic</Th>
          <Th>Partitions</Th>
          <Th>Replication factor</Th>
          <Th>min.insync.replicas</Th>
          <Th>Under-replicated</Th>
        </TableHead>
        <TableBody className="align-top">
          {content.topics.map((t) => {
            const rfs = [...new Set(t.partitions.map((p) => p.replicas.length))].sort();
            const urp = t.partitions.filter((p) => p.isr.length < p.replicas.length).length;
            return (
              <tr key={t.name}>
                <Td className="break-all">
                  {t.name} {t.internal ? <Badge>internal</Badge> : null}
                </Td>
                <Td className="tabular-nums">{t.partitions.length}</Td>
                <Td>{rfs.join(" / ")}</Td>
                <Td>{t.minInsyncReplicas ?? "unknown"}</Td>
                <Td className="tabular-nums">{urp ? <Badge tone="amber">{urp}</Badge> : 0}</Td>
              </tr>
            );
          })}
        </TableBody>
      </Table>
    </Scroll>
  );
}

export function GroupTable({ groups }: { groups: SnapshotGroup[] }) {
  if (groups.length === 0) return <p className="text-sm text-slate-500">No consumer group has committed offsets.</p>;
  return (
    <Scroll>
      <Table>
        <TableHead>
          <Th>Group</Th>
          <Th>State</Th>
          <Th>Lag (records)</Th>
          <Th>Per topic</Th>
        </TableHead>
        <TableBody className="align-top">
          {groups.map((g) => (
            <tr key={g.groupId}>
              <Td className="break-all">{g.groupId}</Td>
              <Td>{g.state}</Td>
              <Td className="tabular-nums">{g.totalLag.toLocaleString("en-US")}</Td>
              <Td>{g.topics.map((t) => `${t.topic}: ${t.lag.toLocaleString("en-US")}`).join(", ") || "—"}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </Scroll>
  );
}
