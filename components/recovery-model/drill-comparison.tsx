import { DRILL_SCENARIO_LABELS } from "@/lib/domain/constants";
import type { MeasuredDrill } from "@/lib/recovery-model/queries";
import { compareWithDrill, formatDuration, type RecoveryEstimate } from "@/lib/recovery-model/rules";

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
          <table className="w-full table-fixed text-sm">
            <caption className="mb-1 text-left text-sm font-medium text-slate-800">
              {drill.title || DRILL_SCENARIO_LABELS[drill.scenario]}{" "}
              <span className="font-normal text-slate-500">
                · {DRILL_SCENARIO_LABELS[drill.scenario]} · {drill.startedAt.slice(0, 10)}
              </span>
            </caption>
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th scope="col" className="w-44 py-1 pr-4 font-semibold">
                  Measure
                </th>
                <th scope="col" className="w-32 py-1 pr-4 font-semibold">
                  Estimate
                </th>
                <th scope="col" className="w-32 py-1 pr-4 font-semibold">
                  Measured
                </th>
                <th scope="col" className="py-1 font-semibold">
                  Reading
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {compareWithDrill(estimate, drill).map((row) => (
                <tr key={row.metric}>
                  <th scope="row" className="py-1.5 pr-4 text-left font-normal text-slate-700">
                    {row.metric.replace(/ \((s|MB\/s)\)$/, "")}
                  </th>
                  <td className="py-1.5 pr-4 tabular-nums">{show(row.metric, row.estimated)}</td>
                  <td className="py-1.5 pr-4 tabular-nums">{show(row.metric, row.measured)}</td>
                  <td className="py-1.5 text-slate-600">{row.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
