import Link from "next/link";
import type { SectionView } from "@/lib/scorecards/page-view";
import { Icon } from "./icons";
import { SECTION_STATUS } from "./status-meta";

/** Overall progress and the section stepper: one section at a time, any section one click away. */
export function SectionProgress({
  scorecardId,
  sections,
  current,
  assessed,
  total,
}: {
  scorecardId: string;
  sections: SectionView[];
  current: string;
  assessed: number;
  total: number;
}) {
  const percent = total ? Math.round((assessed / total) * 100) : 0;
  const index = sections.findIndex((s) => s.key === current);
  return (
    <div className="rounded-xl bg-white px-5 py-4 shadow-xs ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="font-medium text-slate-900">
          Section {index + 1} of {sections.length}
        </p>
        <p className="text-slate-600" data-testid="progress-text">
          {assessed} of {total} items assessed
        </p>
      </div>
      <div
        className="mt-2 h-1.5 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label="Items assessed"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={assessed}
      >
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <nav aria-label="Sections" className="mt-4">
        <ol className="grid gap-2 sm:grid-cols-[repeat(auto-fill,minmax(11rem,1fr))]">
          {sections.map((s, i) => {
            const active = s.key === current;
            const status = SECTION_STATUS[s.summary.status];
            return (
              <li key={s.key}>
                <Link
                  href={`/scorecards/${scorecardId}?section=${s.key}`}
                  aria-current={active ? "step" : undefined}
                  className={`flex h-full items-center gap-2 rounded-lg px-2.5 py-2 text-sm transition-colors ${active ? "bg-brand-50 font-medium text-brand-900 ring-1 ring-brand-200" : "text-slate-700 ring-1 ring-slate-100 hover:bg-slate-50"}`}
                >
                  <span
                    className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ring-2 ${status.ring}`}
                    title={status.label}
                  >
                    {s.summary.status === "passed" ? <Icon name="check" className="h-3.5 w-3.5" /> : i + 1}
                  </span>
                  <span className="flex-1 leading-tight">{s.title}</span>
                  <span className={`text-xs tabular-nums ${active ? "text-brand-900" : "text-slate-600"}`}>
                    {s.summary.passed}/{s.summary.applicable}
                  </span>
                  <span className="sr-only">({status.label})</span>
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>
    </div>
  );
}
