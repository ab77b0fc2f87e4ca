import Link from "next/link";
import { ITEM_STATUS_LABELS, OUTCOME_LABELS } from "@/lib/domain/constants";
import type { MilestoneRow } from "@/lib/milestones/queries";
import type { ComparedItem, MilestoneSnapshot, SnapshotItem } from "@/lib/milestones/snapshot";
import { Badge } from "@/components/ui/badge";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";
import { STATUS_STYLE, formatDateTime } from "@/components/scorecards/status-meta";

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
                {formatDateTime(side.createdAt)} · version {side.scorecardVersion} · #{side.contentHash.slice(0, 10)}
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

      <div className="relative overflow-x-auto rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3">
          <h2 className="text-sm font-semibold text-slate-900">{showAll ? "All items" : "Changed items"}</h2>
          <Link href={toggleHref} className="text-sm font-medium text-brand-700 hover:underline">
            {showAll ? "Show only changes" : "Show all items"}
          </Link>
        </div>
        {shown.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-slate-500">Nothing changed between these milestones.</p>
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-5 py-2.5">
                  Item
                </th>
                <th scope="col" className="px-3 py-2.5">
                  Before
                </th>
                <th scope="col" className="px-3 py-2.5">
                  After
                </th>
                <th scope="col" className="px-3 py-2.5">
                  What changed
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((row) => (
                <tr key={row.key} className={row.changes.length ? "bg-amber-50/40" : undefined}>
                  <td className="px-5 py-2.5">
                    <p className="font-medium text-slate-900">{row.title}</p>
                    <p className="text-xs text-slate-500">{row.sectionTitle}</p>
                  </td>
                  <td className="px-3 py-2.5">
                    <ItemCell item={row.a} />
                  </td>
                  <td className="px-3 py-2.5">
                    <ItemCell item={row.b} />
                  </td>
                  <td className="px-3 py-2.5 text-slate-700">{row.changes.length ? row.changes.join(", ") : <span className="text-slate-500">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
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
