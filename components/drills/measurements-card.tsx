import type { DrillDetail } from "@/lib/drills/queries";
import { Card } from "@/components/ui/card";
import { ComparisonBadge } from "./badges";
import { formatMeasure, formatSeconds } from "@/lib/format/numbers";
import type { Disagreement } from "@/lib/drills/agreement-rules";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

/** Each measurement against its SLO target, met or breached. */
export function MeasurementsCard({ drill, disagreements = [] }: { drill: DrillDetail; disagreements?: Disagreement[] }) {
  const rows = drill.comparisons;
  const met = rows.filter((r) => r.result === "met").length;
  const breached = rows.filter((r) => r.result === "breached").length;
  const summary = `${met} met · ${breached} breached · ${rows.length - met - breached} without a verdict`;
  return (
    <Card title="Measurements against targets" actions={<span className="text-xs text-slate-500">{summary}</span>}>
      <Table>
        <TableHead>
          <Th>Measurement</Th>
          <Th className="text-right">Measured</Th>
          <Th className="text-right">Target</Th>
          <Th className="pl-4">Result</Th>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <tr key={r.key} data-measurement={r.key}>
              <Th scope="row" className="text-left font-normal text-slate-700">
                {r.label}
                {disagreements
                  .filter((d) => d.key === r.key)
                  .map((d) => (
                    <p key={d.metric} role="note" className="mt-1 text-xs font-medium text-amber-800" data-testid={`disagreement-${r.key}`}>
                      Typed {formatSeconds(d.typedSec)}, but the {d.metric} chart measures {formatSeconds(d.computedSec)} from {d.reference}: more than one
                      sample apart ({formatSeconds(d.stepSec)}). Check the fault marker or the typed value.
                    </p>
                  ))}
              </Th>
              <Td className="text-right font-medium tabular-nums text-slate-900">{formatMeasure(r.measured, r.unit)}</Td>
              <Td className="text-right tabular-nums text-slate-600">
                {r.target === null ? r.targetKey ? "—" : <span className="text-xs text-slate-500">informational</span> : `≤ ${formatMeasure(r.target, r.unit)}`}
              </Td>
              <Td className="pl-4">
                <ComparisonBadge result={r.result} />
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
