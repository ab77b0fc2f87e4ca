import Link from "next/link";
import { OUTCOME_LABELS, type Outcome } from "@/lib/domain/constants";
import type { PortfolioSummary } from "@/lib/portfolio/queries";
import { toQueryString, type PortfolioQuery } from "@/lib/portfolio/schema";

const tiles: { key: Outcome | "none"; label: string; tone: string }[] = [
  { key: "production_test", label: OUTCOME_LABELS.production_test, tone: "border-emerald-500" },
  { key: "limited_workload", label: OUTCOME_LABELS.limited_workload, tone: "border-amber-500" },
  { key: "not_ready", label: OUTCOME_LABELS.not_ready, tone: "border-red-500" },
  { key: "none", label: "No scorecard yet", tone: "border-slate-300" },
];

/**
 * Counts per outcome over the whole portfolio (or, with `scope`, the part of it the counts
 * cover, such as one team); each tile filters the portfolio table to its clusters.
 */
export function PortfolioSummaryTiles({
  summary,
  query,
  scope = {},
  label = "Portfolio summary",
}: {
  summary: PortfolioSummary;
  query: PortfolioQuery;
  scope?: Pick<Partial<PortfolioQuery>, "team">;
  label?: string;
}) {
  // the tiles count overall outcomes, so their links drop every filter, the assessment included,
  // except the scope the counts were taken over
  const base: PortfolioQuery = {
    ...query,
    q: "",
    env: undefined,
    arch: undefined,
    team: "",
    template: "",
    outcome: undefined,
    regressed: false,
    page: 1,
    ...scope,
  };
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label={label}>
      {tiles.map((t) => (
        <li key={t.key}>
          <Link
            href={`/${toQueryString(base, { outcome: t.key })}`}
            className={`block rounded-lg border-l-4 bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200 hover:bg-slate-50 ${t.tone} ${query.outcome === t.key ? "ring-2 ring-brand-500" : ""}`}
          >
            <span className="block text-2xl font-semibold text-slate-900">{summary.byOutcome[t.key].toLocaleString("en-US")}</span>
            <span className="text-xs text-slate-600">{t.label}</span>
          </Link>
        </li>
      ))}
      <li>
        <Link
          href={`/${toQueryString(base, { regressed: true, sort: "regressedAt", dir: "desc" })}`}
          className={`block rounded-lg border-l-4 border-red-700 bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200 hover:bg-slate-50 ${query.regressed ? "ring-2 ring-brand-500" : ""}`}
        >
          <span className={`block text-2xl font-semibold ${summary.regressed ? "text-red-700" : "text-slate-900"}`}>
            {summary.regressed.toLocaleString("en-US")}
          </span>
          <span className="text-xs text-slate-600">Regressed</span>
        </Link>
      </li>
    </ul>
  );
}
