import { formatDay } from "@/lib/format/dates";
import { DRILL_SCENARIO_LABELS } from "@/lib/domain/constants";
import type { MeasuredDrill } from "@/lib/recovery-model/queries";
import { compareWithDrill, formatDuration, type RecoveryEstimate } from "@/lib/recovery-model/rules";
import { Table, TableBody, TableCaption, TableHead, Td, Th } from "@/components/ui/table";

const show = (metric: string, value: number | null) => {
  if (value === null) return "—";
  return metric.includes("(s)") ? formatDuration(value) : `${Number(value.toPrecision(4))} MB/s`;
};

/** The estimate for the cluster's own architecture next to what its latest drills measured. */
export function DrillComparison({ estimate, drills }: { estimate: RecoveryEstimate; drills: MeasuredDrill[] }) {
  if (drills.length === 0) {
    return (
      <p className="rounded-md border-2 border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-600">
        No drill has measured recovery on this cluster yet. Record a drill with its lag-recovery time, recovery traffic or leadership settle time to compare it
        with this estimate.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      {drills.map((drill) => (
        <div key={drill.id} className="relative overflow-x-auto">
          <Table className="w-full table-fixed">
            <TableCaption>
              {drill.title || DRILL_SCENARIO_LABELS[drill.scenario]}{" "}
              <span className="font-normal text-slate-500">
                · {DRILL_SCENARIO_LABELS[drill.scenario]} · {formatDay(drill.startedAt)}
              </span>
            </TableCaption>
            <TableHead>
              <Th className="w-44">Measure</Th>
              <Th className="w-32">Estimate</Th>
              <Th className="w-32">Measured</Th>
              <Th>Reading</Th>
            </TableHead>
            <TableBody>
              {compareWithDrill(estimate, drill).map((row) => (
                <tr key={row.metric}>
                  <Th scope="row" className="text-left font-normal text-slate-700">
                    {row.metric.replace(/ \((s|MB\/s)\)$/, "")}
                  </Th>
                  <Td className="tabular-nums">{show(row.metric, row.estimated)}</Td>
                  <Td className="tabular-nums">{show(row.metric, row.measured)}</Td>
                  <Td className="text-slate-600">{row.note}</Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
    </div>
  );
}
