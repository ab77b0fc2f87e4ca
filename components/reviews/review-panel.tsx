import type { ReviewView } from "@/lib/reviews/queries";
import type { Named } from "@/lib/reviews/views";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { RequestReviewForm } from "./request-review-form";
import { STATE_LABELS, STATE_TONES } from "./review-format";
import { SlotCard } from "./slot-card";

interface Props {
  review: ReviewView;
  me: string;
  canRequest: boolean;
  canSign: boolean;
  canMarkMet: boolean;
  signers: Named[];
  selfApprovalAllowed: boolean;
  today: string;
}

/**
 * The scorecard's design review: the request form before a review exists; afterwards each
 * role's sign-off with its version and content hash, a visible notice for every sign-off a
 * content change voided, the sign-off form for the assigned approver, and (for editors) a way
 * to change who signs.
 */
export function ReviewPanel({ review, me, canRequest, canSign, canMarkMet, signers, selfApprovalAllowed, today }: Props) {
  const shortHash = review.contentHash.slice(0, 10);
  const voided = review.slots.filter((s) => s.status === "reapproval_needed");
  const lapsed = review.slots.filter((s) => s.status === "condition_lapsed");
  const ownerMayNotApprove = review.ownerId === me && !selfApprovalAllowed;
  return (
    <section id="review" aria-labelledby="review-heading" className="mt-10 scroll-mt-6 rounded-xl bg-slate-50/60 p-5 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="review-heading" className="text-lg font-semibold text-slate-900">
              Design review
            </h2>
            <Badge tone={STATE_TONES[review.state]}>
              <span data-testid="review-state">{STATE_LABELS[review.state]}</span>
            </Badge>
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {review.slots.length
              ? `${review.approvedCount} of ${review.requiredCount} required sign-offs count for version ${review.version}.`
              : "Ask the roles that must agree (SRE, application owner, security, FinOps, or your own) to sign off this scorecard."}{" "}
            <span className="text-slate-500" title={`SHA-256 of the current content: ${review.contentHash}`}>
              Content <span className="font-mono text-xs">#{shortHash}</span>
            </span>
          </p>
        </div>
      </div>

      {voided.length ? (
        <div className="mt-4">
          <Alert
            tone="amber"
            title={`${voided.length === 1 ? "A sign-off no longer counts" : `${voided.length} sign-offs no longer count`}: the content changed after they were given`}
          >
            <ul className="list-disc pl-5" data-testid="invalidations">
              {voided.map((s) => (
                <li key={s.id}>
                  {s.label}: {s.notice}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      {lapsed.length ? (
        <div className="mt-4">
          <Alert tone="red" title="An approval condition lapsed">
            {lapsed.map((s) => s.notice).join(" ")}
          </Alert>
        </div>
      ) : null}

      {review.slots.length ? (
        <ul className="mt-4 grid gap-3 lg:grid-cols-2">
          {review.slots.map((slot) => (
            <SlotCard
              key={slot.id}
              slot={slot}
              version={review.version}
              shortHash={shortHash}
              today={today}
              canSign={canSign}
              canMarkMet={canMarkMet}
              ownerMayNotApprove={ownerMayNotApprove}
            />
          ))}
        </ul>
      ) : canRequest ? (
        <div className="mt-4 rounded-lg bg-white p-4 ring-1 ring-inset ring-slate-200">
          <RequestReviewForm
            scorecardId={review.scorecardId}
            signers={signers}
            ownerId={review.ownerId}
            selfApprovalAllowed={selfApprovalAllowed}
            current={[]}
          />
        </div>
      ) : (
        <p className="mt-4 rounded-lg bg-white px-4 py-6 text-center text-sm text-slate-600 ring-1 ring-inset ring-slate-200">
          No review has been requested for this scorecard yet.
        </p>
      )}

      {review.slots.length && canRequest ? (
        <details className="mt-4 rounded-lg bg-white p-4 ring-1 ring-inset ring-slate-200">
          <summary className="cursor-pointer text-sm font-medium text-slate-700 hover:text-slate-900">Change reviewers</summary>
          <div className="mt-3">
            <RequestReviewForm
              scorecardId={review.scorecardId}
              signers={signers}
              ownerId={review.ownerId}
              selfApprovalAllowed={selfApprovalAllowed}
              current={review.slots.map((s) => ({ role: s.role, required: s.required, signerIds: s.signers.map((p) => p.id) }))}
            />
          </div>
        </details>
      ) : null}
    </section>
  );
}
