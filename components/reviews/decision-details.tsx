import type { DecisionView } from "@/lib/reviews/views";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { ConditionMetButton } from "./condition-met-button";
import { DECISION_TONES, STANDING_LABELS } from "./review-format";

/** "Sam SRE · 21 Nov 2026, 19:20 UTC · v7 #3fa9c2d01e" */
export function DecisionMeta({ decision }: { decision: DecisionView }) {
  return (
    <p className="text-xs text-slate-500">
      {decision.signer?.name ?? "A former user"} · <DateTime value={decision.createdAt} format="long-minutes" /> ·{" "}
      <span title={`SHA-256 of the content signed: ${decision.contentHash}`}>
        v{decision.scorecardVersion} <span className="font-mono">#{decision.shortHash}</span>
      </span>
    </p>
  );
}

/** A decision with its comment and conditions; `canMarkMet` shows the buttons on open conditions. */
export function DecisionDetails({
  decision,
  canMarkMet = false,
  showStanding = false,
  showLabel = true,
}: {
  decision: DecisionView;
  canMarkMet?: boolean;
  showStanding?: boolean;
  showLabel?: boolean;
}) {
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2">
        {showLabel ? <Badge tone={DECISION_TONES[decision.decision]}>{decision.label}</Badge> : null}
        {showStanding && decision.standing !== "current" ? (
          <Badge tone={decision.standing === "lapsed" ? "red" : "slate"}>
            {STANDING_LABELS[decision.standing]}
            {decision.invalidReason && decision.standing === "invalidated" ? `: ${decision.invalidReason}` : ""}
          </Badge>
        ) : null}
      </div>
      <DecisionMeta decision={decision} />
      {decision.comment ? <p className="whitespace-pre-wrap text-sm text-slate-800">“{decision.comment}”</p> : null}
      {decision.conditions.length ? (
        <ul className="space-y-1" aria-label="Conditions">
          {decision.conditions.map((c) => (
            <li
              key={c.id}
              data-testid="condition"
              className={`flex flex-wrap items-center gap-2 rounded-md px-2.5 py-1.5 text-sm ring-1 ring-inset ${c.lapsed ? "bg-red-50 ring-red-200" : c.metAt ? "bg-emerald-50 ring-emerald-200" : "bg-white ring-slate-200"}`}
            >
              <span className="font-medium text-slate-900">{c.what}</span>
              <span className="text-xs text-slate-600">
                owner {c.owner} · due <DateTime value={c.dueDay} format="long-day" />
              </span>
              {c.metAt ? (
                <Badge tone="green">
                  Met <DateTime value={c.metAt} format="long-day" />
                </Badge>
              ) : c.lapsed ? (
                <Badge tone="red">Lapsed</Badge>
              ) : (
                <>
                  <Badge tone="amber">Open</Badge>
                  {canMarkMet && decision.standing === "current" ? <ConditionMetButton conditionId={c.id} what={c.what} /> : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
