/** Read-only tables and the per-broker leader bar chart of a Kafka snapshot page. */
import type { KafkaSnapshotContent, SnapshotBroker, SnapshotGroup } from "@/lib/kafka/rules";
import { partitionHealth } from "@/lib/kafka/rules";
import { Badge } from "@/components/ui/badge";

const th = "py-1.5 pr-3 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "py-1.5 pr-3 align-top";

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
      <table className="w-full text-sm">
        <thead>
          <tr>
            <th className={th}>Id</th>
            <th className={th}>Address</th>
            <th className={th}>Rack</th>
            <th className={th}>Leaders</th>
          </tr>
        </thead>
        <tbody>
          {brokers.map((b) => (
            <tr key={b.id} className="border-t border-slate-100">
              <td className={td}>{b.id}</td>
              <td className={`${td} break-all`}>
                {b.host}:{b.port}
              </td>
              <td className={td}>{b.rack ?? <span className="text-slate-400">none</span>}</td>
              <td className={`${td} tabular-nums`}>{leaders[String(b.id)] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
      <table className="w-full text-sm">
        <thead>
          <tr>
            <th className={th}>Topic</th>
            <th className={th}>Partition</th>
            <th className={th}>Leader</th>
            <th className={th}>Replicas</th>
            <th className={th}>ISR</th>
            <th className={th}>Offline</th>
            <th className={th}>State</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 500).map(({ t, p, h }) => (
            <tr key={`${t.name}:${p.partition}`} className="border-t border-slate-100">
              <td className={`${td} break-all`}>{t.name}</td>
              <td className={td}>{p.partition}</td>
              <td className={td}>{p.leader < 0 ? "none" : p.leader}</td>
              <td className={td}>{p.replicas.join(", ")}</td>
              <td className={td}>{p.isr.join(", ")}</td>
              <td className={td}>{p.offline.join(", ") || "—"}</td>
              <td className={`${td} space-x-1`}>
                {h.offline ? <Badge tone="red">no leader</Badge> : null}
                {h.underMinIsr ? <Badge tone="red">under min ISR {t.minInsyncReplicas}</Badge> : null}
                {h.underReplicated ? <Badge tone="amber">under-replicated</Badge> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 500 ? <p className="mt-2 text-xs text-slate-500">First 500 of {rows.length} shown; the stored JSON has them all.</p> : null}
    </Scroll>
  );
}

export function TopicTable({ content }: { content: KafkaSnapshotContent }) {
  return (
    <Scroll>
      <table className="w-full text-sm">
        <thead>
          <tr>
            <th className={th}>Topic</th>
            <th className={th}>Partitions</th>
            <th className={th}>Replication factor</th>
            <th className={th}>min.insync.replicas</th>
            <th className={th}>Under-replicated</th>
          </tr>
        </thead>
        <tbody>
          {content.topics.map((t) => {
            const rfs = [...new Set(t.partitions.map((p) => p.replicas.length))].sort();
            const urp = t.partitions.filter((p) => p.isr.length < p.replicas.length).length;
            return (
              <tr key={t.name} className="border-t border-slate-100">
                <td className={`${td} break-all`}>
                  {t.name} {t.internal ? <Badge>internal</Badge> : null}
                </td>
                <td className={`${td} tabular-nums`}>{t.partitions.length}</td>
                <td className={td}>{rfs.join(" / ")}</td>
                <td className={td}>{t.minInsyncReplicas ?? "unknown"}</td>
                <td className={`${td} tabular-nums`}>{urp ? <Badge tone="amber">{urp}</Badge> : 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}

export function GroupTable({ groups }: { groups: SnapshotGroup[] }) {
  if (groups.length === 0) return <p className="text-sm text-slate-500">No consumer group has committed offsets.</p>;
  return (
    <Scroll>
      <table className="w-full text-sm">
        <thead>
          <tr>
            <th className={th}>Group</th>
            <th className={th}>State</th>
            <th className={th}>Lag (records)</th>
            <th className={th}>Per topic</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.groupId} className="border-t border-slate-100">
              <td className={`${td} break-all`}>{g.groupId}</td>
              <td className={td}>{g.state}</td>
              <td className={`${td} tabular-nums`}>{g.totalLag.toLocaleString("en-US")}</td>
              <td className={td}>{g.topics.map((t) => `${t.topic}: ${t.lag.toLocaleString("en-US")}`).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}
