/**
 * Metric recovery after a drill's fault: when a series returned within its SLO threshold and
 * stayed there, plus LTTB downsampling for charts. Pure functions, no framework imports.
 */

export type RecoveryStatus = "recovered" | "never_recovered" | "never_breached" | "insufficient_data";

export type RecoveryOptions = {
  /** SLO threshold in the metric's unit. */
  threshold: number;
  /** "below": within when value <= threshold (lag, errors). "above": within when value >= threshold (throughput). */
  direction: "below" | "above";
  /** How long the metric must be seen within threshold before recovery is claimed. */
  settleMs: number;
  /** Epoch ms of the fault; earlier points are ignored. */
  faultAtMs: number;
};

export type RecoveryResult = {
  recoveredAtMs: number | null;
  recoverySec: number | null;
  status: RecoveryStatus;
  /** Times the metric went back into breach after having returned within threshold. */
  flaps: number;
};

/**
 * Finds when a metric recovered after the fault. Only points at or after `faultAtMs` count.
 *
 * Definition: the metric has recovered at T, the first sample of the final stretch of
 * within-threshold samples (nothing after T breaches, up to the end of the data), when the
 * data proves the settle window: some sample lies at or after T + settleMs, and no two
 * consecutive samples from T to that one are more than settleMs apart. A longer gap means
 * nobody saw the metric for a whole settle period, so the claim restarts at the first sample
 * after the gap. Gaps after the settle window is proven do not matter.
 *
 * Consequences: a relapse after a seemingly settled recovery moves recovery to the later
 * return (or makes it `never_recovered` if the data ends in breach or too soon after the
 * last return); recovery time has the resolution of the sampling interval; non-finite values
 * count as breaches.
 *
 * Statuses:
 * - `insufficient_data`: no samples after the fault, or never breached but the data cannot
 *   prove a settle window (for example a single sample).
 * - `never_breached`: no sample after the fault breached and a settle window is proven;
 *   `recoveredAtMs`/`recoverySec` are null because there was nothing to recover from.
 * - `never_recovered`: it breached and the data ends in breach or before a settle window is proven.
 * - `recovered`: `recoverySec` = (recoveredAtMs − faultAtMs) / 1000.
 *
 * `flaps` counts re-entries into breach after the metric had returned within threshold (the
 * number of separate breach stretches minus one).
 *
 * @throws RangeError when the arrays differ in length, settleMs is negative or either number is not finite.
 */
export function computeRecovery(series: { timesMs: number[]; values: number[] }, opts: RecoveryOptions): RecoveryResult {
  const { timesMs, values } = sortedByTime(series);
  const { threshold, direction, settleMs, faultAtMs } = opts;
  if (!(settleMs >= 0) || !Number.isFinite(settleMs)) throw new RangeError("settleMs must be a finite number >= 0");
  if (!Number.isFinite(threshold)) throw new RangeError("threshold must be a finite number");
  const within = (v: number) => (direction === "below" ? v <= threshold : v >= threshold);

  let first = 0;
  while (first < timesMs.length && timesMs[first] < faultAtMs) first++;
  const none = { recoveredAtMs: null, recoverySec: null };
  if (first === timesMs.length) return { ...none, status: "insufficient_data", flaps: 0 };

  let breachRuns = 0;
  let lastBreach = -1;
  for (let i = first; i < timesMs.length; i++) {
    if (within(values[i])) continue;
    if (lastBreach !== i - 1 || i === first) breachRuns++;
    lastBreach = i;
  }
  const flaps = Math.max(0, breachRuns - 1);
  const start = lastBreach < 0 ? first : lastBreach + 1;
  const settledAt = findSettled(timesMs, start, settleMs);

  if (lastBreach < 0) return { ...none, status: settledAt < 0 ? "insufficient_data" : "never_breached", flaps };
  if (settledAt < 0) return { ...none, status: "never_recovered", flaps };
  const recoveredAtMs = timesMs[settledAt];
  return { recoveredAtMs, recoverySec: (recoveredAtMs - faultAtMs) / 1000, status: "recovered", flaps };
}

/** Index of the first sample from `start` whose settle window is covered without long gaps, or -1. */
function findSettled(timesMs: number[], start: number, settleMs: number): number {
  let candidate = start;
  for (let j = start; j < timesMs.length; j++) {
    if (j > candidate && timesMs[j] - timesMs[j - 1] > settleMs) candidate = j;
    if (timesMs[j] - timesMs[candidate] >= settleMs) return candidate;
  }
  return -1;
}

function sortedByTime(series: { timesMs: number[]; values: number[] }) {
  const { timesMs, values } = series;
  if (timesMs.length !== values.length) throw new RangeError("timesMs and values must have the same length");
  if (timesMs.every((t, i) => i === 0 || timesMs[i - 1] <= t)) return series;
  const order = timesMs.map((_, i) => i).sort((a, b) => timesMs[a] - timesMs[b]);
  return { timesMs: order.map((i) => timesMs[i]), values: order.map((i) => values[i]) };
}

/**
 * Reduces a series to at most `maxPoints` points for display with largest-triangle-three-buckets
 * (Steinarsson, 2013): the first and last points are kept, the points between are split into
 * `maxPoints - 2` buckets, and from each bucket the point forming the largest triangle with the
 * previously kept point and the average of the next bucket is kept, so spikes survive.
 * Returns copies; a series already small enough is returned whole. Expects ascending times.
 *
 * @throws RangeError when the arrays differ in length or maxPoints is not an integer >= 2.
 */
export function downsample(timesMs: number[], values: number[], maxPoints: number): { timesMs: number[]; values: number[] } {
  if (timesMs.length !== values.length) throw new RangeError("timesMs and values must have the same length");
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new RangeError("maxPoints must be an integer >= 2");
  const n = timesMs.length;
  if (n <= maxPoints) return { timesMs: [...timesMs], values: [...values] };

  const keep = [0];
  const bucketSize = (n - 2) / (maxPoints - 2);
  let a = 0;
  for (let b = 0; b < maxPoints - 2; b++) {
    // average of the next bucket (the last point for the final bucket)
    const nextStart = Math.floor((b + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((b + 2) * bucketSize) + 1, n);
    let avgT = 0;
    let avgV = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgT += timesMs[j];
      avgV += values[j];
    }
    avgT /= nextEnd - nextStart;
    avgV /= nextEnd - nextStart;

    const from = Math.floor(b * bucketSize) + 1;
    const to = Math.floor((b + 1) * bucketSize) + 1;
    let best = from;
    let bestArea = -1;
    for (let j = from; j < to; j++) {
      // twice the triangle's area; the factor does not change which point wins
      const area = Math.abs((timesMs[a] - avgT) * (values[j] - values[a]) - (timesMs[a] - timesMs[j]) * (avgV - values[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    keep.push(best);
    a = best;
  }
  keep.push(n - 1);
  return { timesMs: keep.map((i) => timesMs[i]), values: keep.map((i) => values[i]) };
}
