import Link from "next/link";
import { outcomeStanding, type TemplateOutcome } from "@/lib/readiness/current-rules";
import { OutcomeBadge } from "./outcome-badge";

/** The cluster's readiness per assessment: each template's current scorecard and its outcome. */
export function TemplateOutcomeList({ items, heldBackBy }: { items: TemplateOutcome[]; heldBackBy: string | null }) {
  return (
    <ul className="mt-4 space-y-2 border-t border-slate-100 pt-3 text-sm" aria-label="Readiness per assessment" data-testid="template-outcomes">
      {items.map((t) => {
        const standing = outcomeStanding(items, t);
        return (
          <li key={t.templateKey} className="flex items-center justify-between gap-2">
            <Link href={`/scorecards/${t.scorecardId}`} className="min-w-0 truncate text-brand-700 hover:underline" title={t.templateName}>
              {t.templateName}
            </Link>
            <span className="flex shrink-0 items-center gap-2">
              {standing ? (
                <span className="text-xs text-slate-500" title={standing.note}>
                  {standing.label}
                </span>
              ) : null}
              {t.templateName === heldBackBy ? <span className="text-xs text-slate-500">weakest</span> : null}
              <OutcomeBadge outcome={t.outcome} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
