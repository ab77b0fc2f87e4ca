import type { SlotView } from "@/lib/reviews/views";
import { Badge } from "@/components/ui/badge";
import { DecisionDetails } from "./decision-details";
import { SLOT_TONES } from "./review-format";
import { SignOffForm } from "./sign-off-form";

interface Props {
  slot: SlotView;
  version: number;
  shortHash: string;
  today: string;
  canSign: boolean;
  canMarkMet: boolean;
  ownerMayNotApprove: boolean;
}

/** One sign-off role: who may sign, where it stands now, its decision and history, and the form for its signer. */
export function SlotCard({ slot, version, shortHash, today, canSign, canMarkMet, ownerMayNotApprove }: Props) {
  const shown = slot.current ?? (slot.status === "reapproval_needed" ? slot.history[0] : null);
  const earlier = slot.history.filter((d) => d !== shown);
  return (
    <li aria-label={`${slot.label} sign-off`} data-testid={`slot-${slot.role}`} className="rounded-lg bg-white p-4 ring-1 ring-inset ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-semibold text-slate-900">{slot.label}</h3>
          <Badge tone={slot.required ? "blue" : "slate"}>{slot.required ? "Required" : "Optional"}</Badge>
        </div>
        <Badge tone={SLOT_TONES[slot.status]}>
          <span data-testid="slot-status">{slot.statusLabel}</span>
        </Badge>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        May sign: {slot.signers.length ? slot.signers.map((s) => s.name).join(", ") : "nobody (ask for reviewers to be changed)"}
      </p>
      {slot.notice ? (
        <p
          role="status"
          className={`mt-2 rounded-md px-3 py-2 text-sm font-medium ring-1 ring-inset ${slot.status === "condition_lapsed" ? "bg-red-50 text-red-800 ring-red-200" : "bg-amber-50 text-amber-900 ring-amber-300"}`}
        >
          {slot.notice}
        </p>
      ) : null}
      {shown ? (
        <div className={`mt-3 ${slot.current ? "" : "opacity-70"}`}>
          {/* the status badge above already names a current decision: say it once */}
          <DecisionDetails decision={shown} canMarkMet={canMarkMet} showStanding={!slot.current} showLabel={!slot.current} />
        </div>
      ) : (
        <p className="mt-3 text-sm text-slate-500">No decision yet.</p>
      )}
      {earlier.length ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-xs font-medium text-slate-600 hover:text-slate-900">Earlier decisions ({earlier.length})</summary>
          <ol className="mt-2 space-y-3 border-l-2 border-slate-100 pl-3">
            {earlier.map((d) => (
              <li key={d.id}>
                <DecisionDetails decision={d} showStanding />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {slot.assignedToMe && canSign ? (
        <div className="mt-4">
          <SignOffForm
            slotId={slot.id}
            roleLabel={slot.label}
            version={version}
            shortHash={shortHash}
            today={today}
            ownerMayNotApprove={ownerMayNotApprove}
            decided={Boolean(slot.current)}
          />
        </div>
      ) : null}
    </li>
  );
}
