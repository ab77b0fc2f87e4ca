import Link from "next/link";
import { Icon } from "./icons";

type Section = { key: string; title: string };

/** Previous / next section at the foot of a scorecard section; the last one leads to the outcome. */
export function SectionNav({ scorecardId, previous, next }: { scorecardId: string; previous?: Section; next?: Section }) {
  return (
    <nav aria-label="Section navigation" className="flex items-center justify-between gap-3 border-t border-slate-200 pt-4">
      {previous ? (
        <Link
          href={`/scorecards/${scorecardId}?section=${previous.key}`}
          className="inline-flex items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white"
        >
          <Icon name="chevronLeft" /> Previous: {previous.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          href={`/scorecards/${scorecardId}?section=${next.key}`}
          className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Next: {next.title} <Icon name="chevronRight" />
        </Link>
      ) : (
        <a href="#outcome" className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Last section: review the outcome
        </a>
      )}
    </nav>
  );
}
