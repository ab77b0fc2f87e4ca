"use client";

import { useId, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartMarker, ChartSeries } from "@/lib/drills/chart-queries";
import { formatNumber } from "@/lib/format/numbers";
import { formatUtcTime } from "@/lib/format/dates";
import { Checkbox } from "@/components/ui/checkbox";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const MARKER_COLOR = { fault: "#dc2626", recovered: "#059669" } as const;

/**
 * The timeline number of a marker in a small disc above the plot. Neighbouring markers are
 * often seconds apart, so every other one sits one row higher to keep the numbers readable.
 */
function MarkerBadge({ viewBox, n, kind, row }: { viewBox?: { x?: number; y?: number }; n: number; kind: "fault" | "recovered"; row: number }) {
  const x = viewBox?.x ?? 0;
  const y = (viewBox?.y ?? 0) - 9 - row * 17;
  return (
    <g aria-label={`${kind === "fault" ? "Fault" : "Recovered"} marker ${n}`} data-marker={kind}>
      <circle cx={x} cy={y} r={8} fill={MARKER_COLOR[kind]} />
      <text x={x} y={y} dy={3.5} textAnchor="middle" fontSize={10} fontWeight={600} fill="#fff">
        {n}
      </text>
    </g>
  );
}

/** The threshold's value at the right end of its line, just above it, clear of the axis. */
function ThresholdLabel({ viewBox, text }: { viewBox?: { x?: number; y?: number; width?: number }; text: string }) {
  const x = (viewBox?.x ?? 0) + (viewBox?.width ?? 0) - 4;
  return (
    <text x={x} y={(viewBox?.y ?? 0) - 5} textAnchor="end" fontSize={11} fill="#b45309" data-testid="threshold-label">
      {text}
    </text>
  );
}

/**
 * One series over the drill's shared time axis: the threshold as a dashed line, fault and
 * recovery markers from the timeline, and the computed "back within threshold and stayed"
 * instant, with the stretch from the fault to it shaded.
 */
export function SeriesChart({
  series,
  markers,
  domain,
  faultAtMs,
}: {
  series: ChartSeries;
  markers: ChartMarker[];
  domain: [number, number];
  faultAtMs: number;
}) {
  const data = series.shown.timesMs.map((t, i) => ({ t, v: series.shown.values[i] }));
  const recoveredAt = series.recovery?.recoveredAtMs ?? null;
  const unit = series.unit ? ` ${series.unit}` : "";
  const values = series.shown.values;
  const yMax = Math.max(series.threshold ?? -Infinity, ...values);
  const yMin = Math.min(series.threshold ?? Infinity, ...values, 0);
  // a lag peak is often 100× its threshold; a square-root axis keeps both readable
  const [sqrt, setSqrt] = useState(false);
  const toggleId = useId();

  return (
    <div className="relative h-56 w-full" data-testid="series-chart">
      {yMin >= 0 ? (
        <label htmlFor={toggleId} className="absolute right-1 top-0 z-10 flex items-center gap-1 text-[11px] text-slate-500">
          <Checkbox id={toggleId} checked={sqrt} onChange={(e) => setSqrt(e.target.checked)} />√ scale
        </label>
      ) : null}
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 38, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={domain}
            tickFormatter={(t: number) => formatUtcTime(t).slice(0, 5)}
            tick={{ fontSize: 11, fill: "#64748b" }}
            minTickGap={40}
          />
          <YAxis
            scale={sqrt ? "sqrt" : "linear"}
            domain={[yMin, yMax]}
            tickFormatter={(v: number) => compact.format(v)}
            tick={{ fontSize: 11, fill: "#64748b" }}
            width={48}
          />
          <Tooltip
            labelFormatter={(t) => `${formatUtcTime(Number(t))} UTC`}
            formatter={(v) => [`${formatNumber(Number(v))}${unit}`, series.metric]}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          {recoveredAt !== null ? <ReferenceArea x1={faultAtMs} x2={recoveredAt} fill="#fef3c7" fillOpacity={0.6} ifOverflow="hidden" /> : null}
          {series.threshold !== null ? (
            <ReferenceLine
              y={series.threshold}
              stroke="#d97706"
              strokeDasharray="6 4"
              label={<ThresholdLabel text={`SLO ${series.thresholdDirection === "above" ? "≥" : "≤"} ${compact.format(series.threshold)}`} />}
            />
          ) : null}
          {markers.map((m, i) => (
            <ReferenceLine key={m.n} x={m.atMs} stroke={MARKER_COLOR[m.kind]} strokeWidth={1.5} label={<MarkerBadge n={m.n} kind={m.kind} row={i % 2} />} />
          ))}
          {markers.length === 0 ? (
            <ReferenceLine
              x={faultAtMs}
              stroke="#dc2626"
              strokeDasharray="2 3"
              label={{ value: "Start", position: "insideTopLeft", fill: "#b91c1c", fontSize: 11 }}
            />
          ) : null}
          {recoveredAt !== null ? (
            <ReferenceLine
              x={recoveredAt}
              stroke="#7c3aed"
              strokeWidth={2}
              strokeDasharray="4 2"
              label={{ value: "Within SLO", position: "insideTopRight", fill: "#6d28d9", fontSize: 11 }}
            />
          ) : null}
          <Line type="linear" dataKey="v" stroke="#1f57d1" strokeWidth={1.6} dot={false} isAnimationActive={false} name={series.metric} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
