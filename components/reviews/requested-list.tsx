import Link from "next/link";
import type { RequestedReview } from "@/lib/reviews/queries";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { SLOT_TONES, STATE_LABELS, STATE_TONES } from "./review-format";

/** Reviews the signed-in person asked for, with each role's state. */
export function RequestedList({ rows, canRequest }: { rows: RequestedReview[]; canRequest: boolean }) {
  return (
    <section aria-labelledby="requested-heading">
      <h2 id="requested-heading" className="mb-3 text-base font-semibold text-slate-900">
        Reviews I requested {rows.length ? <span className="text-slate-500">({rows.length})</span> : null}
      </h2>
      {rows.length === 0 ? (
        <p className="rounded-lg border-2 border-dashed border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-600">
          {canRequest
            ? "You have not requested a review yet. Open a scorecard and use its Design review section."
            : "Editors and approvers request reviews from a scorecard's page."}
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="requested">
          {rows.map((r) => (
            <li key={r.scorecardId} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link href={`/scorecards/${r.scorecardId}#review`} className="font-medium text-brand-700 hover:underline">
                    {r.title}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {r.cluster.name} · version {r.version} · requested <DateTime value={r.requestedAt} format="long-day" />
                  </p>
                </div>
                <Badge tone={STATE_TONES[r.state]}>{STATE_LABELS[r.state]}</Badge>
              </div>
              <p className="mt-2 text-sm text-slate-700">
                {r.approvedCount} of {r.requiredCount} required sign-offs
              </p>
              <div
                className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-100"
                role="meter"
                aria-label={`Sign-offs of ${r.title}`}
                aria-valuemin={0}
                aria-valuemax={r.requiredCount}
                aria-valuenow={r.approvedCount}
              >
                <div className="h-full rounded-full bg-emerald-500" style={{ width: `${r.requiredCount ? (100 * r.approvedCount) / r.requiredCount : 0}%` }} />
              </div>
              <ul className="mt-3 flex flex-wrap gap-1.5">
                {r.slots.map((s) => (
                  <li key={s.id} title={s.notice ?? undefined}>
                    <Badge tone={SLOT_TONES[s.status]}>
                      {s.label}: {s.statusLabel}
                      {s.required ? "" : " (optional)"}
                    </Badge>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
