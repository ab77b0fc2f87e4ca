/**
 * A typed recovery time and the recovery a chart computes must not disagree silently. For each
 * series whose metric fills a recovery measurement (guessMeasurements) and that recovered, the
 * computed time is compared with the typed one; they disagree when they differ by more than
 * one sampling step of the series (the resolution the chart can measure at). Pure.
 */
import type { MeasurementKey } from "./rules";

export type Disagreement = {
  key: MeasurementKey;
  metric: string;
  typedSec: number;
  computedSec: number;
  stepSec: number;
  /** what the chart measured from: a fault on the timeline, or the drill's start */
  reference: string;
};

/** The median gap between consecutive samples, in seconds (0 with fewer than two samples). */
export function samplingStepSec(timesMs: readonly number[]): number {
  if (timesMs.length < 2) return 0;
  const gaps = timesMs
    .slice(1)
    .map((t, i) => t - timesMs[i])
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] / 1000;
}

export interface AnalysedSeries {
  metric: string;
  recoveryKey: MeasurementKey | null;
  recoverySec: number | null;
  stepSec: number;
}

/** Every recovery measurement whose typed value differs from a chart's by more than a sampling step. */
export function recoveryDisagreements(
  series: readonly AnalysedSeries[],
  typed: Partial<Record<MeasurementKey, number | null>>,
  reference: string,
): Disagreement[] {
  const out: Disagreement[] = [];
  for (const s of series) {
    if (!s.recoveryKey || s.recoverySec === null) continue;
    const value = typed[s.recoveryKey];
    if (value === null || value === undefined) continue;
    if (Math.abs(value - s.recoverySec) > s.stepSec) {
      out.push({ key: s.recoveryKey, metric: s.metric, typedSec: value, computedSec: s.recoverySec, stepSec: s.stepSec, reference });
    }
  }
  return out;
}
