import Link from "next/link";
import { draftCountNote, type TemplateOutcome } from "@/lib/readiness/current-rules";
import { OutcomeBadge } from "./outcome-badge";

/** The cluster's readiness per assessment: each template's current scorecard and its outcome. */
export function TemplateOutcomeList({ items, heldBackBy }: { items: TemplateOutcome[]; heldBackBy: string | null }) {
  const draftNote = draftCountNote(items);
  return (
    <ul className="mt-4 space-y-2 border-t border-slate-100 pt-3 text-sm" aria-label="Readiness per assessment" data-testid="template-outcomes">
      {items.map((t) => (
        <li key={t.templateKey} className="flex flex-wrap items-center justify-between gap-2">
          <Link href={`/scorecards/${t.scorecardId}`} className="min-w-0 truncate text-brand-700 hover:underline">
            {t.templateName}
          </Link>
          <span className="flex items-center gap-2">
            {t.state === "draft" ? (
              <span className="text-xs text-slate-500" title={`Draft, ${draftNote}`}>
                draft
              </span>
            ) : null}
            {t.templateName === heldBackBy ? <span className="text-xs text-slate-500">weakest</span> : null}
            <OutcomeBadge outcome={t.outcome} />
          </span>
        </li>
      ))}
    </ul>
  );
}
