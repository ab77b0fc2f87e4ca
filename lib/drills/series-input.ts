/**
 * Series sent as JSON points (the API's alternative to a CSV or Prometheus file), turned into
 * the shape the importers produce: sorted by time, one value per timestamp. Pure.
 */
import type { MetricSeriesInput } from "./metric-import";

export type PointsResult = { ok: true; series: MetricSeriesInput; pointCount: number } | { ok: false; message: string };

/** Sorts the points by time and refuses two values at one timestamp, naming both positions. */
export function seriesFromPoints(input: { metric: string; labels: Record<string, string>; points: [number, number][] }): PointsResult {
  const order = input.points.map((p, i) => [p[0], p[1], i] as const).sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  for (let i = 1; i < order.length; i++) {
    if (order[i][0] === order[i - 1][0]) {
      return { ok: false, message: `points ${order[i - 1][2]} and ${order[i][2]} share the timestamp ${new Date(order[i][0]).toISOString()}` };
    }
  }
  return {
    ok: true,
    series: { metric: input.metric, labels: input.labels, timesMs: order.map((p) => p[0]), values: order.map((p) => p[1]) },
    pointCount: order.length,
  };
}
