import type { DrillDetail } from "@/lib/drills/queries";
import { Card } from "@/components/ui/card";
import { ComparisonBadge } from "./badges";
import { formatMeasure } from "./format";

/** Each measurement against its SLO target, met or breached. */
export function MeasurementsCard({ drill }: { drill: DrillDetail }) {
  const rows = drill.comparisons;
  const met = rows.filter((r) => r.result === "met").length;
  const breached = rows.filter((r) => r.result === "breached").length;
  const summary = `${met} met · ${breached} breached · ${rows.length - met - breached} without a verdict`;
  return (
    <Card title="Measurements against targets" actions={<span className="text-xs text-slate-500">{summary}</span>}>
      <table className="min-w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="pb-2 font-medium">Measurement</th>
            <th scope="col" className="pb-2 text-right font-medium">Measured</th>
            <th scope="col" className="pb-2 text-right font-medium">Target</th>
            <th scope="col" className="pb-2 pl-4 font-medium">Result</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key} data-measurement={r.key}>
              <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-700">{r.label}</th>
              <td className="py-2 text-right font-medium tabular-nums text-slate-900">{formatMeasure(r.measured, r.unit)}</td>
              <td className="py-2 text-right tabular-nums text-slate-600">
                {r.target === null ? (r.targetKey ? "—" : <span className="text-xs text-slate-400">informational</span>) : `≤ ${formatMeasure(r.target, r.unit)}`}
              </td>
              <td className="py-2 pl-4">
                <ComparisonBadge result={r.result} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
