"use client";

/** Column definitions of the portfolio table (server-sorted: every sortable id is a PortfolioSort). */
import Link from "next/link";
import {
  columnFilteringFeature,
  createColumnHelper,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import { ARCHITECTURE_SHORT_LABELS, OUTCOME_LABELS, type Outcome } from "@/lib/domain/constants";
import type { PortfolioRow } from "@/lib/portfolio/export";
import { DRILL_RESULT_LABELS, type DrillResult } from "@/lib/readiness/signal-rules";
import { outcomeStanding } from "@/lib/readiness/current-rules";
import { EnvironmentBadge } from "@/components/clusters/environment-badge";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { formatDay } from "@/lib/format/dates";

/** Manual mode: the features hold state and APIs only; no client row models are registered. */
export const portfolioFeatures = tableFeatures({ columnFilteringFeature, globalFilteringFeature, rowSortingFeature, rowPaginationFeature });

const helper = createColumnHelper<typeof portfolioFeatures, PortfolioRow>();

const drillTone: Record<DrillResult, "green" | "red" | "slate"> = { operating_model_holds: "green", recovery_unit_too_large: "red", incomplete: "slate" };

/** Short outcome labels keep the table within the page; the full label is read out and shown on hover. */
const SHORT_OUTCOME: Record<Outcome, string> = { production_test: "Production test", limited_workload: "Limited workload", not_ready: "Not ready" };
const outcomeTone = { not_ready: "red", limited_workload: "amber", production_test: "green" } as const;

function OutcomePill({ outcome }: { outcome: Outcome | null }) {
  const full = outcome ? OUTCOME_LABELS[outcome] : "No scorecard yet";
  return (
    <span title={full}>
      <Badge tone={outcome ? outcomeTone[outcome] : "slate"}>
        <span aria-hidden>{outcome ? SHORT_OUTCOME[outcome] : "No scorecard"}</span>
        <span className="sr-only">{full}</span>
      </Badge>
    </span>
  );
}

/** Each assessment's current outcome; the one holding the cluster back comes first. */
function TemplateOutcomes({ row }: { row: PortfolioRow }) {
  const ordered = [...row.templateOutcomes].sort((a, b) => Number(b.templateName === row.heldBackBy) - Number(a.templateName === row.heldBackBy));
  return (
    <ul className="flex max-w-64 flex-col gap-0.5 text-xs text-slate-600" aria-label="Outcome per assessment">
      {ordered.map((t) => {
        const standing = outcomeStanding(row.templateOutcomes, t);
        const weakest = t.templateName === row.heldBackBy;
        const notes = [standing?.note, weakest ? "The weakest counted outcome: it holds the cluster's readiness" : undefined].filter(Boolean);
        return (
          <li key={t.templateKey} className="flex min-w-0 items-center gap-1" title={[`${t.templateName}: ${OUTCOME_LABELS[t.outcome]}`, ...notes].join(". ")}>
            <span className={`size-2 shrink-0 rounded-full ${DOT[t.outcome]}`} aria-hidden />
            {/* only the name truncates: the labels after it always show */}
            <span className="min-w-0 truncate">{t.templateName}</span>
            {standing ? <span className="shrink-0 text-slate-500">{` · ${standing.label}`}</span> : null}
            {weakest ? <span className="shrink-0 text-slate-500">{" · weakest"}</span> : null}
            <span className="sr-only">: {OUTCOME_LABELS[t.outcome]}</span>
          </li>
        );
      })}
    </ul>
  );
}

const DOT: Record<Outcome, string> = { not_ready: "bg-red-500", limited_workload: "bg-amber-500", production_test: "bg-emerald-500" };

function Count({ value, tone, label }: { value: number; tone: "amber" | "red"; label: string }) {
  if (value === 0)
    return (
      <span className="text-slate-500" aria-label={`No ${label}`}>
        0
      </span>
    );
  return <span className={`font-semibold ${tone === "red" ? "text-red-700" : "text-amber-700"}`}>{value}</span>;
}

export const portfolioColumns = helper.columns([
  helper.accessor("name", {
    header: "Cluster",
    cell: ({ row: { original: r } }) => (
      <div className="min-w-52 max-w-64">
        <Link href={`/clusters/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.name}
        </Link>
        <p className="truncate text-xs text-slate-500" title={r.tags.length ? `Tags: ${r.tags.join(", ")}` : undefined}>
          <Link href={`/teams/${r.teamId}`} className="hover:text-brand-700 hover:underline">
            {r.ownerTeam}
          </Link>{" "}
          · {r.cloud} {r.region}
          {r.tags.length ? ` · ${r.tags.join(", ")}` : ""}
        </p>
        {r.regressedAt ? (
          <div className="mt-1 text-xs text-red-700" data-testid="regression" title={`Regressed on ${formatDay(r.regressedAt)}: ${r.regressionReason ?? ""}`}>
            <Badge tone="red">
              Regressed <DateTime value={r.regressedAt} format="day" />
            </Badge>
            <p className="mt-0.5 line-clamp-2 whitespace-normal">{r.regressionReason}</p>
          </div>
        ) : null}
      </div>
    ),
  }),
  helper.accessor("environment", {
    header: "Env",
    cell: (info) => <EnvironmentBadge environment={info.getValue()} />,
  }),
  helper.accessor("architecture", { header: "Storage", cell: (info) => ARCHITECTURE_SHORT_LABELS[info.getValue()] }),
  helper.accessor("outcome", {
    header: "Outcome",
    sortDescFirst: true,
    cell: ({ row: { original: r } }) => (
      <span className="flex flex-col items-start gap-0.5">
        <OutcomePill outcome={r.outcome} />
        {r.templateOutcomes.length > 1 ? <TemplateOutcomes row={r} /> : null}
      </span>
    ),
  }),
  helper.accessor("score", {
    header: "Score",
    sortDescFirst: true,
    cell: (info) => (info.getValue() === null ? <span className="text-slate-500">—</span> : `${info.getValue()}%`),
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
        <span className="flex flex-col items-start gap-0.5">
          <DateTime value={r.lastDrillAt} format="day" />
          {r.lastDrillResult ? <Badge tone={drillTone[r.lastDrillResult]}>{DRILL_RESULT_LABELS[r.lastDrillResult]}</Badge> : null}
        </span>
      ) : (
        <span className="text-slate-500">No drill</span>
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
