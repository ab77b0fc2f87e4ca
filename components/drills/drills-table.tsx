"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DRILL_SCENARIO_LABELS, DRILL_SCENARIOS } from "@/lib/domain/constants";
import type { DrillListRow } from "@/lib/drills/queries";
import { DataTable, dataTableFeatures } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import { DECISION_TEXT, DecisionBadge } from "./badges";

const helper = createColumnHelper<typeof dataTableFeatures, DrillListRow>();

const count = (n: number, tone: string) => (n > 0 ? <span className={`font-medium ${tone}`}>{n}</span> : <span className="text-slate-500">0</span>);

const columns = helper.columns([
  helper.accessor("title", {
    header: "Drill",
    cell: (info) => (
      <Link href={`/drills/${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("clusterName", {
    id: "cluster",
    header: "Cluster",
    filterFn: "equalsString",
    cell: (info) => (
      <Link href={`/clusters/${info.row.original.clusterId}`} className="text-slate-700 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor((r) => DRILL_SCENARIO_LABELS[r.scenario], { id: "scenario", header: "Scenario", filterFn: "equalsString" }),
  helper.accessor("startedAt", {
    header: "Date",
    sortFn: "basic",
    cell: (info) => <DateTime value={info.getValue()} format="day" />,
  }),
  helper.accessor((r) => (r.realisticTraffic ? "Realistic" : "Not realistic"), { id: "traffic", header: "Traffic" }),
  helper.accessor((r) => DECISION_TEXT[r.decision], {
    id: "decision",
    header: "Decision",
    filterFn: "equalsString",
    cell: (info) => <DecisionBadge decision={info.row.original.decision} />,
  }),
  helper.accessor("met", { header: "Met", sortFn: "basic", cell: (info) => count(info.getValue(), "text-emerald-700") }),
  helper.accessor("breached", { header: "Breached", sortFn: "basic", cell: (info) => count(info.getValue(), "text-red-700") }),
]);

const withoutCluster = columns.filter((c) => c.id !== "cluster");

/** Sortable, searchable drill list with cluster / scenario / decision filters. */
export function DrillsTable({ rows, showCluster = true }: { rows: DrillListRow[]; showCluster?: boolean }) {
  const clusters = [...new Set(rows.map((r) => r.clusterName))].sort();
  const filters = [
    ...(showCluster ? [{ columnId: "cluster", label: "Cluster", options: clusters.map((c) => ({ value: c, label: c })) }] : []),
    { columnId: "scenario", label: "Scenario", options: DRILL_SCENARIOS.map((s) => ({ value: DRILL_SCENARIO_LABELS[s], label: DRILL_SCENARIO_LABELS[s] })) },
    { columnId: "decision", label: "Decision", options: Object.values(DECISION_TEXT).map((d) => ({ value: d, label: d })) },
  ];
  return (
    <DataTable
      columns={showCluster ? columns : withoutCluster}
      data={rows}
      filters={filters}
      pageSize={showCluster ? 20 : 10}
      searchLabel="Search drills…"
      emptyMessage="No drill matches these filters."
    />
  );
}
