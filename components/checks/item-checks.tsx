import Link from "next/link";
import type { getItemChecks } from "@/lib/checks/queries";
import { formatUtcMinutes } from "@/lib/format/dates";
import { Badge } from "@/components/ui/badge";
import { runStatusMeta } from "./run-meta";

/** The checks of one scorecard item, as getItemChecks lists them per item key. */
export type ItemCheck = NonNullable<ReturnType<Awaited<ReturnType<typeof getItemChecks>>["get"]>>[number];

/** Under an item's evidence: one line per continuous check keeping it fresh, its last result, and why when it did not pass. */
export function ItemChecks({ checks, clusterId }: { checks: ItemCheck[]; clusterId: string }) {
  if (checks.length === 0) return null;
  return (
    <ul className="space-y-1.5" aria-label="Continuous checks">
      {checks.map((c) => {
        const meta = runStatusMeta(c.last?.status);
        const when = c.last ? (c.last.finishedAt ?? c.last.slotAt) : null;
        const explain = c.last && (c.last.status === "failed" || c.last.status === "error") && c.last.message;
        return (
          <li key={c.id} className="text-xs text-slate-600">
            <span className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
              <Link href={`/clusters/${clusterId}#checks`} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
                Continuous check “{c.name}”
              </Link>
              <Badge tone={meta.tone}>{meta.label}</Badge>
              {when ? <time dateTime={when}>{formatUtcMinutes(when)}</time> : null}
            </span>
            {explain ? <span className={`mt-0.5 block break-words ${meta.text}`}>{explain}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
