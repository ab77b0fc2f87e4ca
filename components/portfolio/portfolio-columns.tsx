"use client";

/** Column definitions of the portfolio table (server-sorted: every sortable id is a PortfolioSort). */
import Link from "next/link";
import { columnFilteringFeature, createColumnHelper, globalFilteringFeature, rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import { ARCHITECTURE_SHORT_LABELS, ENVIRONMENT_LABELS } from "@/lib/domain/constants";
import type { PortfolioRow } from "@/lib/portfolio/export";
import { DRILL_RESULT_LABELS, type DrillResult } from "@/lib/portfolio/rules";
import { Badge } from "@/components/ui/card";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";

/** Manual mode: the features hold state and APIs only; no client row models are registered. */
export const portfolioFeatures = tableFeatures({ columnFilteringFeature, globalFilteringFeature, rowSortingFeature, rowPaginationFeature });

const helper = createColumnHelper<typeof portfolioFeatures, PortfolioRow>();

const envTone = { production: "red", staging: "amber", development: "slate" } as const;
const drillTone: Record<DrillResult, "green" | "red" | "slate"> = { operating_model_holds: "green", recovery_unit_too_large: "red", incomplete: "slate" };

const day = (iso: string) => iso.slice(0, 10);

function Count({ value, tone, label }: { value: number; tone: "amber" | "red"; label: string }) {
  if (value === 0) return <span className="text-slate-400" aria-label={`No ${label}`}>0</span>;
  return <span className={`font-semibold ${tone === "red" ? "text-red-700" : "text-amber-700"}`}>{value}</span>;
}

export const portfolioColumns = helper.columns([
  helper.accessor("name", {
    header: "Cluster",
    cell: ({ row: { original: r } }) => (
      <div className="min-w-48 max-w-72">
        <Link href={`/clusters/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.name}
        </Link>
        <p className="text-xs text-slate-500">
          {r.cloud} {r.region}
          {r.tags.length ? ` · ${r.tags.join(", ")}` : ""}
        </p>
        {r.regressedAt ? (
          <p className="mt-1 whitespace-normal text-xs text-red-700" data-testid="regression">
            <span className="font-semibold">Regressed {day(r.regressedAt)}:</span> {r.regressionReason}
          </p>
        ) : null}
      </div>
    ),
  }),
  helper.accessor("environment", {
    header: "Env",
    cell: (info) => <Badge tone={envTone[info.getValue()]}>{ENVIRONMENT_LABELS[info.getValue()]}</Badge>,
  }),
  helper.accessor("architecture", { header: "Storage", cell: (info) => ARCHITECTURE_SHORT_LABELS[info.getValue()] }),
  helper.accessor("ownerTeam", { header: "Team" }),
  helper.accessor("outcome", {
    header: "Outcome",
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => (
      <span className="flex flex-col items-start gap-0.5">
        <OutcomeBadge outcome={r.outcome} />
        {r.scorecardCount > 1 ? <span className="text-xs text-slate-500">{r.scorecardCount} scorecards</span> : null}
      </span>
    ),
  }),
  helper.accessor("score", {
    header: "Score",
    sortDescFirst: true,
    cell: (info) => (info.getValue() === null ? <span className="text-slate-400">—</span> : `${info.getValue()}%`),
  }),
  helper.accessor("staleEvidenceCount", {
    header: "Stale evidence",
    sortDescFirst: true,
    cell: (info) => <Count value={info.getValue()} tone="amber" label="stale evidence" />,
  }),
  helper.accessor("lastDrillAt", {
    header: "Last drill",
    sortDescFirst: true,
    cell: ({ row: { original: r } }) =>
      r.lastDrillAt ? (
        <span className="flex items-center gap-1.5">
          <time dateTime={r.lastDrillAt}>{day(r.lastDrillAt)}</time>
          {r.lastDrillResult ? <Badge tone={drillTone[r.lastDrillResult]}>{DRILL_RESULT_LABELS[r.lastDrillResult]}</Badge> : null}
        </span>
      ) : (
        <span className="text-slate-400">No drill</span>
      ),
  }),
  helper.accessor("openRedAnswers", {
    header: "Red answers",
    sortDescFirst: true,
    cell: (info) => <Count value={info.getValue()} tone="red" label="red answers" />,
  }),
  helper.accessor("pendingSignOffs", {
    header: "Pending sign-offs",
    sortDescFirst: true,
    cell: (info) => <Count value={info.getValue()} tone="amber" label="pending sign-offs" />,
  }),
]);
