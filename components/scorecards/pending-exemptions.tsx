import Link from "next/link";
import type { PendingExemption } from "@/lib/exemptions/queries";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

/** Exemption requests waiting for the signed-in approver. */
export function PendingExemptions({ rows }: { rows: PendingExemption[] }) {
  if (rows.length === 0) return null;
  return (
    <Card title={`Exemptions waiting for your decision (${rows.length})`} className="mb-6">
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2.5 text-sm">
            <div className="min-w-0">
              <Link href={`/scorecards/${r.scorecardId}?section=${r.sectionKey}#item-${r.itemId}`} className="font-medium text-brand-700 hover:underline">
                {r.itemTitle}
              </Link>
              <span className="text-slate-500">
                {" "}
                in {r.scorecardTitle} · {r.clusterName}
              </span>
              <p className="truncate text-slate-600">“{r.justification}”</p>
            </div>
            <p className="text-xs text-slate-500">
              asked by {r.requestedBy ?? "a former user"} · would expire <DateTime value={r.expiresAt} format="long-day" />
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
