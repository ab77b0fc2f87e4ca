import Link from "next/link";
import { ITEM_STATUS_LABELS, OUTCOME_LABELS } from "@/lib/domain/constants";
import type { MilestoneRow } from "@/lib/milestones/queries";
import type { ComparedItem, MilestoneSnapshot, SnapshotItem } from "@/lib/milestones/snapshot";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { STATUS_STYLE } from "@/components/scorecards/status-meta";
import { formatLongMinutes } from "@/lib/format/dates";

type Side = MilestoneRow & { snapshot: MilestoneSnapshot };

/** Two milestones side by side: headline numbers, then every item with what changed. */
export function MilestoneComparison({ a, b, rows, showAll, toggleHref }: { a: Side; b: Side; rows: ComparedItem[]; showAll: boolean; toggleHref: string }) {
  const changed = rows.filter((r) => r.changes.length > 0);
  const shown = showAll ? rows : changed;
  const delta = Math.round((b.score - a.score) * 10) / 10;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        {[
          ["Before", a],
          ["After", b],
        ].map(([label, m]) => {
          const side = m as Side;
          return (
            <section key={label as string} aria-label={`${label}: ${side.name}`} className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label as string}</p>
              <h2 className="mt-1 text-lg font-semibold text-slate-900">{side.name}</h2>
              <p className="text-xs text-slate-500">
                {formatLongMinutes(side.createdAt)} · version {side.scorecardVersion} · #{side.contentHash.slice(0, 10)}
              </p>
              <div className="mt-3 flex flex-wrap items-center gap-3">
                <OutcomeBadge outcome={side.outcome} />
                <span className="text-2xl font-semibold tabular-nums">{side.score}%</span>
                <span className="text-sm text-slate-600">
                  {side.snapshot.highRisks} high · {side.snapshot.mediumRisks} medium · {side.snapshot.staleEvidenceCount} stale
                </span>
              </div>
              {side.snapshot.reasons.length ? (
                <ul className="mt-3 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
                  {side.snapshot.reasons.slice(0, 5).map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                  {side.snapshot.reasons.length > 5 ? <li className="list-none text-slate-500">and {side.snapshot.reasons.length - 5} more</li> : null}
                </ul>
              ) : null}
            </section>
          );
        })}
      </div>

      <div className="rounded-xl bg-white px-5 py-3 text-sm shadow-xs ring-1 ring-slate-200" data-testid="comparison-summary">
        {a.outcome === b.outcome ? `Outcome unchanged (${OUTCOME_LABELS[b.outcome]})` : `Outcome: ${OUTCOME_LABELS[a.outcome]} → ${OUTCOME_LABELS[b.outcome]}`}
        {" · "}Score {delta >= 0 ? "+" : ""}
        {delta} points · {changed.length} of {rows.length} items changed
      </div>

      <Card
        title={showAll ? "All items" : "Changed items"}
        actions={
          <Link href={toggleHref} className="text-sm font-medium text-brand-700 hover:underline">
            {showAll ? "Show only changes" : "Show all items"}
          </Link>
        }
      >
        {shown.length === 0 ? (
          <p className="py-4 text-center text-sm text-slate-500">Nothing changed between these milestones.</p>
        ) : (
          <Table>
            <TableHead>
              <Th>Item</Th>
              <Th>Before</Th>
              <Th>After</Th>
              <Th>What changed</Th>
            </TableHead>
            <TableBody>
              {shown.map((row) => (
                <tr key={row.key} className={row.changes.length ? "bg-amber-50/40" : undefined}>
                  <Td>
                    <p className="font-medium text-slate-900">{row.title}</p>
                    <p className="text-xs text-slate-500">{row.sectionTitle}</p>
                  </Td>
                  <Td>
                    <ItemCell item={row.a} />
                  </Td>
                  <Td>
                    <ItemCell item={row.b} />
                  </Td>
                  <Td className="text-slate-700">{row.changes.length ? row.changes.join(", ") : <span className="text-slate-500">—</span>}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}

function ItemCell({ item }: { item: SnapshotItem | null }) {
  if (!item) return <span className="text-slate-500">not in this version</span>;
  return (
    <div className="space-y-1">
      <Badge tone={STATUS_STYLE[item.effectiveStatus].badge}>
        {ITEM_STATUS_LABELS[item.status]}
        {item.effectiveStatus !== item.status ? ` → counts as ${ITEM_STATUS_LABELS[item.effectiveStatus].toLowerCase()}` : ""}
      </Badge>
      <p className="text-xs text-slate-500">
        {item.evidence.length} evidence{item.evidence.some((e) => e.stale) ? ` (${item.evidence.filter((e) => e.stale).length} stale)` : ""}
      </p>
    </div>
  );
}
