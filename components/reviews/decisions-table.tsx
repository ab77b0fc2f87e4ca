import Link from "next/link";
import type { DecisionEntry } from "@/lib/reviews/queries";
import { Badge } from "@/components/ui/card";
import { DecisionDetails } from "./decision-details";
import { STANDING_LABELS } from "./review-format";

const STANDING_TONES = { current: "green", lapsed: "red", replaced: "slate", invalidated: "amber", outdated: "amber" } as const;

/** Every recent decision, where it stands now (counts, replaced, invalidated and why). */
export function DecisionsTable({ rows, mine }: { rows: DecisionEntry[]; mine: boolean }) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border-2 border-dashed border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-600">
        {mine ? "You have not signed anything yet." : "No decision has been recorded yet."}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="decisions">
        <caption className="sr-only">Decisions, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2.5">
              Scorecard
            </th>
            <th scope="col" className="px-4 py-2.5">
              Role
            </th>
            <th scope="col" className="px-4 py-2.5">
              Decision
            </th>
            <th scope="col" className="px-4 py-2.5">
              Stands
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((d) => (
            <tr key={d.id}>
              <td className="px-4 py-3">
                <Link href={`/scorecards/${d.scorecardId}#review`} className="font-medium text-brand-700 hover:underline">
                  {d.scorecardTitle}
                </Link>
                <p className="text-xs text-slate-500">
                  {d.cluster.name} · now version {d.currentVersion}
                </p>
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-800">{d.roleLabel}</td>
              <td className="max-w-xl px-4 py-3">
                <DecisionDetails decision={d} />
              </td>
              <td className="px-4 py-3">
                <Badge tone={STANDING_TONES[d.standing]}>{STANDING_LABELS[d.standing]}</Badge>
                {d.invalidReason && d.standing !== "replaced" ? <p className="mt-1 text-xs text-slate-600">{d.invalidReason}</p> : null}
                {d.standing === "outdated" ? <p className="mt-1 text-xs text-slate-600">made on v{d.scorecardVersion}, now v{d.currentVersion}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
