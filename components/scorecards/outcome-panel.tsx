import Link from "next/link";
import { OUTCOME_LABELS } from "@/lib/domain/constants";
import type { ScorecardPage } from "@/lib/scorecards/page-view";
import type { OutcomeReason } from "@/lib/readiness/rules";
import { Icon } from "./icons";
import { DateTime } from "@/components/ui/date-time";
import { OUTCOME_STYLE, SECTION_STATUS } from "./status-meta";

const LADDER = ["not_ready", "limited_workload", "production_test"] as const;

/**
 * The readiness outcome, always in view: outcome, score, risks, per-section status, stale
 * evidence and the plain-words reasons that keep the scorecard from the next outcome. It is
 * computed when the page is rendered, so expiries and staleness show without any edit.
 */
export function OutcomePanel({ page, currentSection }: { page: ScorecardPage; currentSection?: string }) {
  const { outcome } = page;
  const style = OUTCOME_STYLE[outcome.outcome];
  const href = (sectionKey: string, itemId?: string) => `/scorecards/${page.id}?section=${sectionKey}${itemId ? `#item-${itemId}` : ""}`;
  const sectionOfItem = new Map(page.sections.flatMap((s) => s.items.map((i) => [i.id, s.key] as const)));
  // blockers always show; a long list of gaps folds after the first few
  const visibleCount = Math.max(5, outcome.reasons.filter((r) => r.severity === "blocker").length);
  const shownReasons = outcome.reasons.slice(0, visibleCount);
  const moreReasons = outcome.reasons.slice(visibleCount);

  return (
    <aside aria-labelledby="outcome-heading" id="outcome" className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className={`px-5 py-4 ring-1 ring-inset ${style.panel}`}>
        <h2 id="outcome-heading" className="text-xs font-semibold uppercase tracking-wide opacity-80">
          Readiness outcome
        </h2>
        <p data-testid="outcome" className="mt-1 text-xl font-semibold">
          {OUTCOME_LABELS[outcome.outcome]}
        </p>
        <p className="mt-1 text-sm opacity-90">{style.summary}</p>
        <ol className="mt-3 flex gap-1" aria-label="Outcome ladder">
          {LADDER.map((step, i) => (
            <li key={step} className="flex-1">
              <span
                className={`block h-1.5 rounded-full ${i <= LADDER.indexOf(outcome.outcome) ? style.accent : "bg-white/70 ring-1 ring-inset ring-black/5"}`}
              />
              <span className="sr-only">
                {OUTCOME_LABELS[step]}
                {step === outcome.outcome ? " (current)" : ""}
              </span>
            </li>
          ))}
        </ol>
      </div>

      <div className="space-y-5 px-5 py-4">
        <div>
          <div className="flex items-baseline justify-between">
            <p className="text-sm font-medium text-slate-700">Score</p>
            <p data-testid="score" className="text-2xl font-semibold tabular-nums text-slate-900">
              {outcome.score}
              <span className="text-base text-slate-500">%</span>
            </p>
          </div>
          <div
            className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-100"
            role="meter"
            aria-label="Score"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={outcome.score}
          >
            <div className={`h-full rounded-full ${style.bar}`} style={{ width: `${Math.min(100, outcome.score)}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-500">Applicable items passed, partial counts half, weighted by the template.</p>
        </div>

        <dl className="grid grid-cols-3 gap-2 text-center">
          <Stat label="High risks" value={outcome.highRisks} tone={outcome.highRisks ? "text-red-700" : "text-slate-900"} hint="Blocking items not passed" />
          <Stat
            label="Medium risks"
            value={outcome.mediumRisks}
            tone={outcome.mediumRisks ? "text-amber-700" : "text-slate-900"}
            hint="Other items not passed"
          />
          <Stat
            label="Stale evidence"
            value={outcome.staleEvidenceCount}
            tone={outcome.staleEvidenceCount ? "text-amber-700" : "text-slate-900"}
            hint={`Older than ${page.cluster.freshnessDays} days`}
          />
        </dl>

        {outcome.nextOutcome ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">What keeps it from “{OUTCOME_LABELS[outcome.nextOutcome]}”</h3>
            <div data-testid="reasons">
              <ReasonList reasons={shownReasons} href={href} sectionOfItem={sectionOfItem} />
              {moreReasons.length ? (
                <details className="mt-1.5">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Show {moreReasons.length} more</summary>
                  <ReasonList reasons={moreReasons} href={href} sectionOfItem={sectionOfItem} />
                </details>
              ) : null}
            </div>
          </div>
        ) : (
          <p className="flex items-start gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            <Icon name="check" className="mt-0.5 h-4 w-4 shrink-0" />
            Nothing is missing: this is the highest outcome a scorecard can reach.
          </p>
        )}
        {page.qualifyingDrill ? (
          <p className="text-xs text-slate-600">
            Qualifying drill: {page.qualifyingDrill.title ?? "untitled"} (<DateTime value={page.qualifyingDrill.startedAt} format="long-day" />
            ), realistic traffic, no red answer.
          </p>
        ) : null}

        <div>
          <h3 className="text-sm font-semibold text-slate-900">Sections</h3>
          <ul className="mt-2 divide-y divide-slate-100">
            {outcome.sections.map((s) => (
              <li key={s.key}>
                <Link
                  href={href(s.key)}
                  aria-current={s.key === currentSection ? "step" : undefined}
                  className={`flex items-center gap-2 py-1.5 text-sm hover:text-brand-700 ${s.key === currentSection ? "font-medium text-slate-900" : "text-slate-700"}`}
                >
                  <span className={`h-2 w-2 shrink-0 rounded-full ${SECTION_STATUS[s.status].dot}`} aria-hidden />
                  <span className="min-w-0 flex-1">
                    <span className="block leading-snug">{s.title}</span>
                    <span className={`block text-xs ${SECTION_STATUS[s.status].text}`}>{SECTION_STATUS[s.status].label}</span>
                  </span>
                  <span className="w-10 text-right text-xs tabular-nums text-slate-500">
                    {s.passed}/{s.applicable}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>

        {page.staleEvidence.length ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Stale evidence</h3>
            <ul className="mt-2 space-y-1 text-sm">
              {page.staleEvidence.map((e) => (
                <li key={e.evidenceId}>
                  <Link href={href(e.sectionKey, e.itemId)} className="text-slate-700 hover:text-brand-700 hover:underline">
                    {e.itemTitle}: {e.title}
                  </Link>{" "}
                  <span className="text-xs text-slate-500">
                    captured <DateTime value={e.capturedAt} format="long-day" />
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <p className="border-t border-slate-100 pt-3 text-xs text-slate-500">
          Computed <DateTime value={page.computedAt} format="long-minutes" /> from the current items, evidence, exemptions and drills.
        </p>
      </div>
    </aside>
  );
}

function ReasonList({
  reasons,
  href,
  sectionOfItem,
}: {
  reasons: OutcomeReason[];
  href: (section: string, item?: string) => string;
  sectionOfItem: Map<string, string>;
}) {
  return (
    <ul className="mt-2 space-y-1.5">
      {reasons.map((reason, i) => (
        <li key={i} className="flex gap-2 text-sm text-slate-700">
          <span className={`mt-1.5 h-1.5 w-1.5 shrink-0 rounded-full ${reason.severity === "blocker" ? "bg-red-500" : "bg-amber-400"}`} aria-hidden />
          {reason.itemId && sectionOfItem.has(reason.itemId) ? (
            <Link href={href(sectionOfItem.get(reason.itemId)!, reason.itemId)} className="hover:text-brand-700 hover:underline">
              {reason.text}
            </Link>
          ) : (
            <span>{reason.text}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Stat({ label, value, tone, hint }: { label: string; value: number; tone: string; hint: string }) {
  return (
    <div className="flex flex-col-reverse rounded-lg bg-slate-50 px-2 py-2" title={hint}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${tone}`}>{value}</dd>
    </div>
  );
}
