/**
 * Runs a pull's queries against Prometheus (a few at a time) and reports each one's outcome
 * and timing. No database access: the caller stores what came back.
 */
import "server-only";
import { PrometheusError, queryRange, type Connection, type RangeSeries } from "./client";
import { QUERY_LIBRARY, type QueryKey } from "./rules";

/** Queries in flight at once: enough to hide latency, few enough not to load Prometheus. */
const CONCURRENCY = 4;

export type PlannedQuery = { key: QueryKey; promql: string };

export type QueryOutcome = {
  key: QueryKey;
  label: string;
  promql: string;
  /** ok: series came back; skipped: an optional query matched nothing; failed: see message. */
  status: "ok" | "skipped" | "failed";
  seriesCount: number;
  pointCount: number;
  ms: number;
  kind?: string;
  message?: string;
  series: RangeSeries[];
};

/** Runs every query over [startMs, endMs] at `stepSec`; `onProgress` sees each outcome as it lands. */
export async function runQueries(
  conn: Connection,
  planned: PlannedQuery[],
  window: { startMs: number; endMs: number; stepSec: number },
  onProgress?: (outcome: QueryOutcome) => void,
): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = new Array(planned.length);
  let next = 0;
  async function worker() {
    while (next < planned.length) {
      const i = next++;
      const { key, promql } = planned[i];
      const lib = QUERY_LIBRARY[key];
      const started = performance.now();
      let outcome: QueryOutcome;
      try {
        const series = await queryRange(conn, promql, window.startMs, window.endMs, window.stepSec);
        const pointCount = series.reduce((n, s) => n + s.timesMs.length, 0);
        outcome = { key, label: lib.label, promql, status: "ok", seriesCount: series.length, pointCount, ms: 0, series };
      } catch (error) {
        if (!(error instanceof PrometheusError)) throw error;
        const skipped = error.kind === "empty" && lib.optional;
        outcome = {
          key,
          label: lib.label,
          promql,
          status: skipped ? "skipped" : "failed",
          seriesCount: 0,
          pointCount: 0,
          ms: 0,
          kind: error.kind,
          message: error.message,
          series: [],
        };
      }
      outcome.ms = Math.round(performance.now() - started);
      outcomes[i] = outcome;
      onProgress?.(outcome);
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, planned.length) }, worker));
  return outcomes;
}
