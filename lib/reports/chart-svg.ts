/**
 * A drill metric chart as static SVG for the report (printable page and PDF): the same
 * picture as the drill page's interactive chart — the series over the drill's shared time
 * axis, the SLO threshold, numbered fault/recovery markers from the timeline, and the
 * "back within threshold and stayed" instant with the stretch from the fault shaded — but
 * drawn on the server so it prints without JavaScript. Pure.
 */
import { html, raw, type SafeHtml } from "./html-template";
import type { ReportSeries } from "./schema";

export type ChartMarker = { n: number; atMs: number; kind: "fault" | "recovered" };

export interface ChartFrame {
  /** Shared time axis of the drill's charts (epoch ms). */
  domain: [number, number];
  faultAtMs: number;
  markers: ChartMarker[];
  width?: number;
  height?: number;
}

const COLORS = {
  line: "#1f57d1",
  grid: "#e2e8f0",
  axis: "#64748b",
  threshold: "#d97706",
  thresholdText: "#b45309",
  shade: "#fef3c7",
  fault: "#dc2626",
  recovered: "#059669",
  settled: "#7c3aed",
};
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const fixed = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Step of about `count` ticks over `span`: 1, 2 or 5 × a power of ten. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

const TIME_STEPS_S = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** Tick times (epoch ms) on whole intervals, at most about `count` of them. */
export function timeTicks([lo, hi]: [number, number], count = 6): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const step = (TIME_STEPS_S.find((s) => span / 1000 / s <= count) ?? 86400) * 1000;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return ticks;
}

/** Time label: HH:MM, or HH:MM:SS when the ticks fall inside a minute. */
function timeLabel(t: number, withSeconds: boolean): string {
  return new Date(t).toISOString().slice(11, withSeconds ? 19 : 16);
}

/** The SVG chart of one series. */
export function renderSeriesChart(series: ReportSeries, frame: ChartFrame): SafeHtml {
  const width = frame.width ?? 680;
  const height = frame.height ?? 210;
  const m = { left: 50, right: 14, top: 40, bottom: 22 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const [t0, t1] = frame.domain[1] > frame.domain[0] ? frame.domain : [frame.domain[0] - 60_000, frame.domain[0] + 60_000];
  const values = series.points.values.filter(Number.isFinite);
  let yMax = Math.max(series.threshold ?? -Infinity, ...values, 0);
  const yMin = Math.min(series.threshold ?? Infinity, ...values, 0);
  if (yMax === yMin) yMax = yMin + 1;
  const yStep = niceStep(yMax - yMin, 4);
  const yTop = Math.ceil(yMax / yStep) * yStep;
  const yBottom = Math.floor(yMin / yStep) * yStep;

  const x = (t: number) => m.left + ((t - t0) / (t1 - t0)) * plotW;
  const y = (v: number) => m.top + plotH - ((v - yBottom) / (yTop - yBottom)) * plotH;
  const clampX = (t: number) => Math.min(m.left + plotW, Math.max(m.left, x(t)));
  const r = (n: number) => n.toFixed(1);

  const parts: string[] = [];
  const yTicks: number[] = [];
  for (let v = yBottom; v <= yTop + yStep / 2; v += yStep) yTicks.push(v);
  for (const v of yTicks) {
    parts.push(`<line x1="${m.left}" x2="${m.left + plotW}" y1="${r(y(v))}" y2="${r(y(v))}" stroke="${COLORS.grid}" stroke-dasharray="3 3"/>`);
    parts.push(`<text x="${m.left - 6}" y="${r(y(v) + 3.5)}" text-anchor="end" font-size="10" fill="${COLORS.axis}">${compact.format(v)}</text>`);
  }
  const ticks = timeTicks([t0, t1]);
  const withSeconds = ticks.length > 1 && ticks[1] - ticks[0] < 60_000;
  for (const t of ticks) {
    parts.push(`<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${m.top + plotH}" y2="${m.top + plotH + 4}" stroke="${COLORS.axis}"/>`);
    parts.push(`<text x="${r(x(t))}" y="${m.top + plotH + 15}" text-anchor="middle" font-size="10" fill="${COLORS.axis}">${timeLabel(t, withSeconds)}</text>`);
  }
  parts.push(`<line x1="${m.left}" x2="${m.left + plotW}" y1="${m.top + plotH}" y2="${m.top + plotH}" stroke="#cbd5e1"/>`);

  const recoveredAt = series.recovery?.recoveredAt ? Date.parse(series.recovery.recoveredAt) : null;
  if (recoveredAt !== null) {
    const a = clampX(frame.faultAtMs);
    parts.push(
      `<rect x="${r(a)}" y="${m.top}" width="${r(Math.max(0, clampX(recoveredAt) - a))}" height="${plotH}" fill="${COLORS.shade}" fill-opacity="0.7"/>`,
    );
  }
  if (series.threshold !== null) {
    const ty = r(y(series.threshold));
    const label = `SLO ${series.thresholdDirection === "above" ? "≥" : "≤"} ${compact.format(series.threshold)}`;
    parts.push(`<line x1="${m.left}" x2="${m.left + plotW}" y1="${ty}" y2="${ty}" stroke="${COLORS.threshold}" stroke-dasharray="6 4" stroke-width="1.2"/>`);
    parts.push(`<text x="${m.left + plotW - 4}" y="${r(Number(ty) - 4)}" text-anchor="end" font-size="10" fill="${COLORS.thresholdText}">${label}</text>`);
  }

  const path = series.points.timesMs
    .map((t, i) => (Number.isFinite(series.points.values[i]) ? `${i === 0 ? "M" : "L"}${r(x(t))},${r(y(series.points.values[i]))}` : ""))
    .join("");
  if (path) parts.push(`<path d="${path.replace(/^L/, "M")}" fill="none" stroke="${COLORS.line}" stroke-width="1.5" stroke-linejoin="round"/>`);

  if (frame.markers.length === 0) {
    const fx = r(clampX(frame.faultAtMs));
    parts.push(`<line x1="${fx}" x2="${fx}" y1="${m.top}" y2="${m.top + plotH}" stroke="${COLORS.fault}" stroke-dasharray="2 3"/>`);
    parts.push(`<text x="${Number(fx) + 3}" y="${m.top + 10}" font-size="10" fill="${COLORS.fault}">Start</text>`);
  }
  frame.markers.forEach((marker, i) => {
    const mx = r(clampX(marker.atMs));
    const color = marker.kind === "fault" ? COLORS.fault : COLORS.recovered;
    const cy = m.top - 9 - (i % 2) * 16;
    parts.push(`<line x1="${mx}" x2="${mx}" y1="${m.top}" y2="${m.top + plotH}" stroke="${color}" stroke-width="1.3"/>`);
    parts.push(`<circle cx="${mx}" cy="${cy}" r="7.5" fill="${color}"/>`);
    parts.push(`<text x="${mx}" y="${cy + 3.5}" text-anchor="middle" font-size="9.5" font-weight="600" fill="#fff">${marker.n}</text>`);
  });
  if (recoveredAt !== null) {
    const rx = r(clampX(recoveredAt));
    parts.push(`<line x1="${rx}" x2="${rx}" y1="${m.top}" y2="${m.top + plotH}" stroke="${COLORS.settled}" stroke-width="1.6" stroke-dasharray="4 2"/>`);
    parts.push(`<text x="${Number(rx) - 3}" y="${m.top + 10}" text-anchor="end" font-size="10" fill="${COLORS.settled}">Within SLO</text>`);
  }

  const unit = series.unit ? ` (${series.unit})` : "";
  const label = `Chart of ${series.metric}${unit}${series.threshold !== null ? `, SLO threshold ${fixed(series.threshold)}` : ""}`;
  return html`<svg class="chart" role="img" aria-label="${label}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg" font-family="inherit">${raw(parts.join(""))}</svg>`;
}

/** The shared time axis of a drill's charts: every plotted point, the fault and the markers. */
export function chartDomain(series: ReportSeries[], faultAtMs: number, markers: ChartMarker[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const times = s.points.timesMs;
    if (times.length === 0) continue;
    lo = Math.min(lo, times[0]);
    hi = Math.max(hi, times[times.length - 1]);
  }
  if (lo === Infinity) return null;
  for (const t of [faultAtMs, ...markers.map((mk) => mk.atMs)]) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  return [lo, hi];
}

/** Fault and recovery markers of a timeline, numbered by their position in it (as on the drill page). */
export function timelineMarkers(timeline: { at: string; marker: string }[]): ChartMarker[] {
  return timeline.flatMap((e, i) => (e.marker === "fault" || e.marker === "recovered" ? [{ n: i + 1, atMs: Date.parse(e.at), kind: e.marker }] : []));
}
