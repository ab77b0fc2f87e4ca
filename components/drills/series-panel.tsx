"use client";

import { fillMeasurementAction, updateSeriesSettingsAction } from "@/lib/actions/drill";
import type { ChartMarker, ChartSeries } from "@/lib/drills/chart-queries";
import { MEASUREMENTS, type MeasurementKey } from "@/lib/drills/rules";
import { METRIC_UNITS } from "@/lib/drills/schema";
import { PEAK_MEASUREMENTS, RECOVERY_MEASUREMENTS } from "@/lib/drills/series-rules";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { TextInput } from "@/components/ui/input";
import { Select, SelectInput } from "@/components/ui/select";
import { formatNumber, formatSeconds } from "@/lib/format/numbers";
import { formatUtcTime } from "@/lib/format/dates";
import { SeriesChart } from "./series-chart";
import { useDrillForm } from "./use-drill-form";

/** Plain-words recovery result of one series. */
function recoveryText(s: ChartSeries): { tone: "green" | "red" | "amber" | "slate"; badge: string; text: string } {
  const r = s.recovery;
  if (!r) return { tone: "slate", badge: "No threshold", text: "Set an SLO threshold to compute when this series recovered." };
  const flaps = r.flaps ? ` It went back into breach ${r.flaps === 1 ? "once" : `${r.flaps} times`} before settling.` : "";
  switch (r.status) {
    case "recovered":
      return {
        tone: "green",
        badge: `Recovered in ${formatSeconds(r.recoverySec!)}`,
        text: `Back within threshold at ${formatUtcTime(r.recoveredAtMs!)} UTC and stayed there for ${formatSeconds(s.settleSeconds)}.${flaps}`,
      };
    case "never_recovered":
      return {
        tone: "red",
        badge: "Never recovered",
        text: `Did not return within threshold for ${formatSeconds(s.settleSeconds)} before the data ends.${flaps}`,
      };
    case "never_breached":
      return { tone: "green", badge: "Never breached", text: "Stayed within threshold throughout." };
    default:
      return { tone: "amber", badge: "Not enough data", text: "Too few samples after the fault to prove a settle window." };
  }
}

function SettingsForm({ series }: { series: ChartSeries }) {
  const { state, formAction, pending, errors, value, formKey } = useDrillForm(updateSeriesSettingsAction);
  const n = (v: number | null) => (v === null ? "" : String(v));
  return (
    <form
      key={formKey}
      action={formAction}
      noValidate
      className="grid grid-cols-2 gap-3 sm:grid-cols-[5.5rem_8rem_4.5rem_minmax(6.5rem,1fr)_auto]"
      aria-label={`Settings of ${series.metric}`}
    >
      <input type="hidden" name="id" value={series.id} />
      <TextInput
        id={`threshold-${series.id}`}
        name="threshold"
        label="Threshold"
        inputMode="decimal"
        defaultValue={value("threshold", n(series.threshold))}
        error={errors.threshold}
      />
      <SelectInput
        id={`direction-${series.id}`}
        name="thresholdDirection"
        label="Within when"
        defaultValue={value("thresholdDirection", series.thresholdDirection)}
        error={errors.thresholdDirection}
        options={[
          { value: "below", label: "≤ threshold" },
          { value: "above", label: "≥ threshold" },
        ]}
      />
      <TextInput
        id={`settle-${series.id}`}
        name="settleSeconds"
        label="Settle (s)"
        inputMode="numeric"
        defaultValue={value("settleSeconds", String(series.settleSeconds))}
        error={errors.settleSeconds}
      />
      <SelectInput
        id={`unit-${series.id}`}
        name="unit"
        label="Unit"
        defaultValue={value("unit", series.unit ?? "")}
        error={errors.unit}
        options={[{ value: "", label: "—" }, ...METRIC_UNITS.map((u) => ({ value: u, label: u }))]}
      />
      <div className="flex items-end">
        <Button type="submit" variant="secondary" disabled={pending} className="w-full">
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      {state.status === "ok" ? (
        <p role="status" className="col-span-full text-xs text-emerald-700">
          {state.message}
        </p>
      ) : null}
      {state.status === "error" && !Object.keys(errors).length ? (
        <p role="alert" className="col-span-full text-xs text-red-600">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

function FillForm({
  series,
  source,
  shown,
  options,
  guess,
}: {
  series: ChartSeries;
  source: "recovery" | "peak";
  shown: string;
  options: readonly MeasurementKey[];
  guess: MeasurementKey | null;
}) {
  const { state, formAction, pending } = useDrillForm(fillMeasurementAction);
  const label = source === "recovery" ? `Recovery time ${shown}` : `Peak ${shown}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 text-sm" aria-label={`Fill a measurement from the ${source} of ${series.metric}`}>
      <input type="hidden" name="seriesId" value={series.id} />
      <input type="hidden" name="source" value={source} />
      <span className="text-slate-600">
        {label} <span aria-hidden>→</span>
      </span>
      <label className="sr-only" htmlFor={`fill-${source}-${series.id}`}>
        Measurement to fill with the {source === "recovery" ? "recovery time" : "peak"} of {series.metric}
      </label>
      <Select id={`fill-${source}-${series.id}`} name="measurement" defaultValue={guess ?? ""} inline density="xs">
        {guess ? null : <option value="">Choose a measurement…</option>}
        {options.map((k) => (
          <option key={k} value={k}>
            {MEASUREMENTS[k].label}
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" disabled={pending} className="px-2.5! py-1!">
        {pending ? "Filling…" : "Use"}
      </Button>
      {state.status === "ok" ? (
        <span role="status" className="text-xs text-emerald-700">
          {state.message}
        </span>
      ) : null}
      {state.status === "error" ? (
        <span role="alert" className="text-xs text-red-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** One imported series: result, chart, and (for editors) its threshold settings and one-click fills. */
export function SeriesPanel({
  series,
  markers,
  domain,
  faultAtMs,
  canWrite,
}: {
  series: ChartSeries;
  markers: ChartMarker[];
  domain: [number, number];
  faultAtMs: number;
  canWrite: boolean;
}) {
  const result = recoveryText(series);
  const reduced = series.shown.timesMs.length < series.pointCount;
  return (
    <article className="rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-label={`Series ${series.metric}`}>
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="truncate font-mono text-sm font-semibold text-slate-900" title={series.metric}>
            {series.metric}
          </h3>
          <p className="text-xs text-slate-500">
            {series.sourceName} · {series.pointCount.toLocaleString("en-US")} points
            {reduced ? ` (${series.shown.timesMs.length.toLocaleString("en-US")} drawn)` : ""}
            {series.unit ? ` · ${series.unit}` : ""}
            {series.peak !== null ? ` · peak ${formatNumber(series.peak)}` : ""}
          </p>
        </div>
        <Badge tone={result.tone}>{result.badge}</Badge>
      </header>
      <p className="mt-1 text-sm text-slate-700" data-testid="recovery-text">
        {result.text}
      </p>
      <SeriesChart series={series} markers={markers} domain={domain} faultAtMs={faultAtMs} />
      {canWrite ? (
        <div className="mt-3 space-y-3 border-t border-slate-100 pt-3">
          <SettingsForm series={series} />
          {series.recovery?.recoverySec != null ? (
            <FillForm
              series={series}
              source="recovery"
              shown={formatSeconds(series.recovery.recoverySec)}
              options={RECOVERY_MEASUREMENTS}
              guess={series.guess.recovery}
            />
          ) : null}
          {series.peak !== null ? (
            <FillForm series={series} source="peak" shown={formatNumber(series.peak)} options={PEAK_MEASUREMENTS} guess={series.guess.peak} />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
