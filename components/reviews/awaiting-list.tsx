import Link from "next/link";
import type { AwaitingSignOff } from "@/lib/reviews/queries";
import { Badge } from "@/components/ui/badge";
import { formatLongDay } from "@/lib/format/dates";
import { SLOT_TONES } from "./review-format";

/** Sign-offs waiting for the signed-in approver, with what changed since their last decision. */
export function AwaitingList({ rows, canSign }: { rows: AwaitingSignOff[]; canSign: boolean }) {
  return (
    <section aria-labelledby="awaiting-heading">
      <h2 id="awaiting-heading" className="mb-3 text-base font-semibold text-slate-900">
        Waiting for my sign-off {rows.length ? <span className="text-slate-500">({rows.length})</span> : null}
      </h2>
      {rows.length === 0 ? (
        <p className="rounded-lg border-2 border-dashed border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-600">
          {canSign
            ? "Nothing waits for you. When someone asks you to sign off a scorecard, it shows up here."
            : "Sign-offs come from approvers and admins; your role does not sign."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" data-testid="awaiting">
          {rows.map((r) => (
            <li key={r.slot.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <Link href={`/scorecards/${r.scorecardId}#review`} className="font-medium text-brand-700 hover:underline">
                  {r.title}
                </Link>
                <span className="text-sm text-slate-500">
                  {" "}
                  · {r.cluster.name} · version {r.version}
                </span>
                <p className="text-sm text-slate-700">
                  Sign as <strong>{r.slot.label}</strong>
                  {r.slot.required ? "" : " (optional)"}
                  {r.slot.requestedBy ? ` · asked by ${r.slot.requestedBy.name} on ${formatLongDay(r.slot.requestedAt)}` : ""}
                </p>
                {r.slot.notice ? <p className="text-sm text-amber-800">{r.slot.notice}</p> : null}
              </div>
              <Badge tone={SLOT_TONES[r.slot.status]}>{r.slot.statusLabel}</Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
