import { deleteMetricImportAction } from "@/lib/actions/drill";
import type { DrillChart } from "@/lib/drills/chart-queries";
import type { DrillDetail } from "@/lib/drills/queries";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatUtc, formatUtcTime } from "@/lib/format/dates";
import { MetricImportForm } from "./metric-import-form";
import { SeriesPanel } from "./series-panel";

function ChartLegend({ hasMarkers }: { hasMarkers: boolean }) {
  const swatch = "inline-block align-middle";
  return (
    <p className="mt-5 flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-slate-600" aria-label="Chart legend">
      {hasMarkers ? (
        <>
          <span>
            <span className={`${swatch} mr-1.5 size-2.5 rounded-full bg-red-600`} />
            Fault injected
          </span>
          <span>
            <span className={`${swatch} mr-1.5 size-2.5 rounded-full bg-emerald-600`} />
            Recovered (numbers match the timeline)
          </span>
        </>
      ) : (
        <span>
          <span className={`${swatch} mr-1.5 h-3 border-l-2 border-dashed border-red-600`} />
          Drill start (no fault marked on the timeline)
        </span>
      )}
      <span>
        <span className={`${swatch} mr-1.5 h-3 border-l-2 border-dashed border-violet-600`} />
        Back within threshold and stayed (computed)
      </span>
      <span>
        <span className={`${swatch} mr-1.5 w-4 border-t-2 border-dashed border-amber-600`} />
        SLO threshold
      </span>
      <span>
        <span className={`${swatch} mr-1.5 h-2.5 w-4 bg-amber-100`} />
        Fault to recovery
      </span>
    </p>
  );
}

/** Imported metric series: upload, the imports so far, and one chart panel per series. */
export function MetricsSection({ drill, chart, canWrite }: { drill: DrillDetail; chart: DrillChart; canWrite: boolean }) {
  return (
    <Card
      title="Metrics"
      actions={
        <span className="text-xs text-slate-500">
          Recovery measured from {formatUtcTime(chart.faultAtMs)} UTC: {chart.faultSource}
        </span>
      }
    >
      {canWrite ? <MetricImportForm drillId={drill.id} /> : null}
      {drill.imports.length > 0 ? (
        <ul className={`divide-y divide-slate-100 text-sm ${canWrite ? "mt-6 border-t border-slate-100 pt-2" : ""}`} aria-label="Imports">
          {drill.imports.map((imp) => (
            <li key={imp.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <Badge tone="blue">{imp.format === "csv" ? "CSV" : imp.format === "points" ? "JSON points" : "Prometheus"}</Badge>
              <span className="font-medium text-slate-900">{imp.sourceName}</span>
              <span className="text-slate-500">
                {imp._count.series} series · {imp.pointCount.toLocaleString("en-US")} points · imported {formatUtc(imp.createdAt)}
              </span>
              {imp.queryText ? (
                <code className="basis-full truncate rounded bg-slate-50 px-2 py-1 font-mono text-xs text-slate-700" title={imp.queryText}>
                  {imp.queryText}
                  {imp.windowStart && imp.windowEnd
                    ? `  [${formatUtc(imp.windowStart)} → ${formatUtc(imp.windowEnd)}${imp.stepSeconds ? `, step ${imp.stepSeconds} s` : ""}]`
                    : ""}
                </code>
              ) : null}
              {canWrite ? (
                <span className="ml-auto">
                  <ConfirmDialog
                    triggerStyle="inline"
                    action={deleteMetricImportAction}
                    fields={{ id: imp.id, drillId: drill.id }}
                    trigger="Remove"
                    triggerLabel={`Remove import ${imp.sourceName}`}
                    title={`Remove ${imp.sourceName}?`}
                    description={`Its ${imp._count.series} series and ${imp.pointCount.toLocaleString("en-US")} points are deleted. Measurements already filled from them stay as they are.`}
                    confirm="Remove import"
                  />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-sm text-slate-500">
          No metrics imported yet. Export consumer lag, producer errors or under-replicated partitions around the drill and import them here to see when each
          recovered.
        </p>
      )}
      {chart.domain && chart.series.length > 0 ? <ChartLegend hasMarkers={chart.markers.length > 0} /> : null}
      {chart.domain && chart.series.length > 0 ? (
        <div className="mt-3 grid gap-4 xl:grid-cols-2" data-testid="metric-charts">
          {chart.series.map((s) => (
            <SeriesPanel key={s.id} series={s} markers={chart.markers} domain={chart.domain!} faultAtMs={chart.faultAtMs} canWrite={canWrite} />
          ))}
        </div>
      ) : null}
    </Card>
  );
}
