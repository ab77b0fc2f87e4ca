/**
 * The data behind a drill's metric charts: every series analysed on its complete stored data
 * (recovery against its threshold, peak after the fault), then reduced with LTTB for display
 * so the browser never receives more than `maxPoints` points per series.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { assertDrillRead } from "./access";
import { downsample } from "./recovery";
import { analyseSeries, faultTime, guessMeasurements, type SeriesAnalysis } from "./series-rules";
import type { MeasurementKey } from "./rules";
import { measurementSelect } from "./queries";
import { recoveryDisagreements, samplingStepSec, type Disagreement } from "./agreement-rules";

export const CHART_MAX_POINTS = 1000;

/** A fault or recovery event of the timeline; `n` is its 1-based position in the timeline. */
export type ChartMarker = { n: number; atMs: number; kind: "fault" | "recovered"; label: string; layer: string };

export type ChartSeries = SeriesAnalysis & {
  id: string;
  importId: string;
  sourceName: string;
  metric: string;
  unit: string | null;
  threshold: number | null;
  thresholdDirection: "below" | "above";
  settleSeconds: number;
  /** Points stored (complete data). */
  pointCount: number;
  firstMs: number | null;
  lastMs: number | null;
  guess: { recovery: MeasurementKey | null; peak: MeasurementKey | null };
  /** median gap between samples: the resolution recovery is measured at */
  stepSec: number;
  /** Points sent for display (at most maxPoints). */
  shown: { timesMs: number[]; values: number[] };
};

export type DrillChart = {
  faultAtMs: number;
  faultSource: string;
  markers: ChartMarker[];
  /** Shared time axis for all series so markers line up from chart to chart. */
  domain: [number, number] | null;
  series: ChartSeries[];
  /** typed recovery times a chart contradicts by more than one sampling step */
  disagreements: Disagreement[];
};

/** Chart data of a drill (null when the drill does not exist). */
export async function getDrillChart(user: CurrentUser, drillId: string, maxPoints = CHART_MAX_POINTS): Promise<DrillChart | null> {
  assertDrillRead(user);
  const db = await getDb();
  const drill = await db.drill.findUnique({
    where: { id: drillId },
    select: {
      startedAt: true,
      ...measurementSelect,
      timeline: { select: { id: true, at: true, layer: true, marker: true, label: true }, orderBy: [{ at: "asc" }, { id: "asc" }] },
      series: {
        orderBy: [{ import: { createdAt: "asc" } }, { metric: "asc" }],
        select: {
          id: true,
          importId: true,
          import: { select: { sourceName: true } },
          metric: true,
          unit: true,
          threshold: true,
          thresholdDirection: true,
          settleSeconds: true,
          timesMs: true,
          values: true,
        },
      },
    },
  });
  if (!drill) return null;
  const fault = faultTime(drill.startedAt, drill.timeline);
  const markers: ChartMarker[] = drill.timeline.flatMap((e, i) =>
    e.marker === "fault" || e.marker === "recovered" ? [{ n: i + 1, atMs: e.at.getTime(), kind: e.marker, label: e.label, layer: e.layer }] : [],
  );

  let lo = Infinity;
  let hi = -Infinity;
  const series = drill.series.map((s): ChartSeries => {
    const { timesMs, values, import: source, ...meta } = s;
    const n = timesMs.length;
    if (n > 0) {
      lo = Math.min(lo, timesMs[0]);
      hi = Math.max(hi, timesMs[n - 1]);
    }
    const settings = { ...meta, thresholdDirection: meta.thresholdDirection === "above" ? ("above" as const) : ("below" as const) };
    return {
      ...settings,
      sourceName: source.sourceName,
      ...analyseSeries({ timesMs, values }, settings, fault.atMs),
      pointCount: n,
      firstMs: n ? timesMs[0] : null,
      lastMs: n ? timesMs[n - 1] : null,
      guess: guessMeasurements(meta.metric),
      stepSec: samplingStepSec(timesMs),
      shown: downsample(timesMs, values, maxPoints),
    };
  });
  if (series.length > 0) {
    for (const m of [...markers.map((x) => x.atMs), fault.atMs]) {
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
  }
  const disagreements = recoveryDisagreements(
    series.map((s) => ({ metric: s.metric, recoveryKey: s.guess.recovery, recoverySec: s.recovery?.recoverySec ?? null, stepSec: s.stepSec })),
    drill,
    fault.source,
  );
  return { faultAtMs: fault.atMs, faultSource: fault.source, markers, domain: series.length ? [lo, hi] : null, series, disagreements };
}
