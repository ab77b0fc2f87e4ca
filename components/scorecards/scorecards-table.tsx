"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { OUTCOME_LABELS, type Outcome } from "@/lib/domain/constants";
import type { ScorecardListRow } from "@/lib/scorecards/queries";
import { DataTable, dataTableFeatures } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import { OutcomeBadge } from "@/components/clusters/outcome-badge";

const helper = createColumnHelper<typeof dataTableFeatures, ScorecardListRow>();

const columns = helper.columns([
  helper.accessor("title", {
    header: "Scorecard",
    cell: (info) => (
      <div>
        <Link href={`/scorecards/${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {info.getValue()}
        </Link>
        <p className="text-xs text-slate-500">
          {info.row.original.templateName} v{info.row.original.templateVersion}
        </p>
      </div>
    ),
  }),
  helper.accessor("clusterName", {
    header: "Cluster",
    cell: (info) => (
      <Link href={`/clusters/${info.row.original.clusterId}`} className="text-slate-700 hover:text-brand-700 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor((r) => OUTCOME_LABELS[r.outcome], {
    id: "outcome",
    header: "Outcome",
    cell: (info) => <OutcomeBadge outcome={info.row.original.outcome as Outcome} />,
  }),
  helper.accessor("score", { header: "Score", sortFn: "basic", cell: (info) => <span className="tabular-nums">{info.getValue()}%</span> }),
  helper.accessor((r) => r.highRisks * 1000 + r.mediumRisks, {
    id: "risks",
    header: "Risks",
    sortFn: "basic",
    cell: (info) => (
      <span className="whitespace-nowrap text-xs">
        <span className={info.row.original.highRisks ? "font-semibold text-red-700" : "text-slate-500"}>{info.row.original.highRisks} high</span>
        {" · "}
        <span className={info.row.original.mediumRisks ? "text-amber-700" : "text-slate-500"}>{info.row.original.mediumRisks} medium</span>
      </span>
    ),
  }),
  helper.accessor((r) => (r.total ? r.assessed / r.total : 0), {
    id: "progress",
    header: "Progress",
    sortFn: "basic",
    cell: (info) => {
      const { assessed, total } = info.row.original;
      return (
        <div className="flex items-center gap-2" title={`${assessed} of ${total} items assessed`}>
          <div className="h-1.5 w-20 overflow-hidden rounded-full bg-slate-100">
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${total ? (assessed / total) * 100 : 0}%` }} />
          </div>
          <span className="text-xs tabular-nums text-slate-600">
            {assessed}/{total}
          </span>
        </div>
      );
    },
  }),
  helper.accessor((r) => r.ownerName ?? "", { id: "owner", header: "Owner" }),
  helper.accessor((r) => r.dueDate ?? "", { id: "due", header: "Due", cell: (info) => info.getValue() || "—" }),
  helper.accessor("updatedAt", {
    header: "Updated",
    sortFn: "basic",
    cell: (info) => <DateTime value={info.getValue()} format="day" />,
  }),
]);

export function ScorecardsTable({ rows }: { rows: ScorecardListRow[] }) {
  return <DataTable columns={columns} data={rows} searchLabel="Search scorecards, clusters, owners…" emptyMessage="No scorecard matches your search." />;
}
