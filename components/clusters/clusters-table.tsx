"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { ARCHITECTURE_SHORT_LABELS, OUTCOME_LABELS, type Architecture, type Environment, type Outcome } from "@/lib/domain/constants";
import type { ClusterListRow } from "@/lib/clusters/queries";
import { DataTable, dataTableFeatures } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import { EnvironmentBadge } from "@/components/clusters/environment-badge";
import { OutcomeBadge } from "./outcome-badge";

const helper = createColumnHelper<typeof dataTableFeatures, ClusterListRow>();

const columns = helper.columns([
  helper.accessor("name", {
    header: "Cluster",
    cell: (info) => (
      <Link href={`/clusters/${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("environment", {
    header: "Environment",
    cell: (info) => <EnvironmentBadge environment={info.getValue() as Environment} />,
  }),
  helper.accessor((r) => ARCHITECTURE_SHORT_LABELS[r.architecture as Architecture] ?? r.architecture, { id: "architecture", header: "Storage" }),
  helper.accessor((r) => `${r.distribution} ${r.version}`, { id: "platform", header: "Platform" }),
  helper.accessor("brokerCount", { header: "Brokers" }),
  helper.accessor((r) => `${r.cloud} ${r.region}`, { id: "location", header: "Region" }),
  helper.accessor("ownerTeam", { header: "Owner team" }),
  helper.accessor((r) => (r.outcome ? OUTCOME_LABELS[r.outcome as Outcome] : "No scorecard yet"), {
    id: "outcome",
    header: "Outcome",
    cell: (info) => <OutcomeBadge outcome={info.row.original.outcome as Outcome | null} />,
  }),
  helper.accessor("updatedAt", {
    header: "Updated",
    sortFn: "basic",
    cell: (info) => <DateTime value={info.getValue()} format="day" />,
  }),
]);

export function ClustersTable({ rows }: { rows: ClusterListRow[] }) {
  return <DataTable columns={columns} data={rows} searchLabel="Search clusters, teams, regions…" emptyMessage="No cluster matches your search." />;
}
