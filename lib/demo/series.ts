/**
 * Metric series of the demo drills: what a broker failure looks like on a dashboard. Pure and
 * deterministic (a fixed wobble instead of random noise), so the demo is the same every time.
 */

/** One recorded point: ISO time and value. */
export type Point = [string, number];

export interface DrillShape {
  /** when the fault was injected (ms since epoch) */
  faultMs: number;
  /** seconds of data before the fault */
  leadSec?: number;
  /** seconds of data after the fault */
  tailSec?: number;
  stepSec?: number;
  /** consumer lag before the fault, records */
  baselineLag: number;
  /** highest lag, reached about 45 s after the fault */
  peakLag: number;
  /** seconds after the fault until lag is back under its threshold for good */
  lagRecoveredSec: number;
  /** partitions under-replicated while the broker is gone */
  underReplicated: number;
  /** seconds until the replacement broker has caught up */
  catchUpSec: number;
  /** replication (recovery) traffic while catching up, MB/s */
  recoveryMBps: number;
}

const wobble = (t: number) => 1 + 0.06 * Math.sin(t / 37) + 0.03 * Math.sin(t / 11);

function times(shape: DrillShape): number[] {
  const step = shape.stepSec ?? 15;
  const out: number[] = [];
  for (let t = -(shape.leadSec ?? 120); t <= (shape.tailSec ?? 1200); t += step) out.push(t);
  return out;
}

const at = (shape: DrillShape, t: number) => new Date(shape.faultMs + t * 1000).toISOString();

/**
 * Consumer lag: flat, a climb to the peak in 45 s, then an exponential fall that crosses
 * `threshold` at `lagRecoveredSec` and stays under it.
 */
export function lagSeries(shape: DrillShape, threshold: number): Point[] {
  const rise = 45;
  const fallSec = Math.max(shape.lagRecoveredSec - rise, 1);
  // choose the decay so that the excess over the baseline reaches the threshold exactly then
  const excessAtThreshold = Math.max(threshold - shape.baselineLag, 1) * 0.98;
  const tau = fallSec / Math.log(Math.max(shape.peakLag - shape.baselineLag, 2) / excessAtThreshold);
  return times(shape).map((t) => {
    if (t < 0) return [at(shape, t), Math.round(shape.baselineLag * wobble(t))];
    const excess = t < rise ? (shape.peakLag - shape.baselineLag) * (t / rise) : (shape.peakLag - shape.baselineLag) * Math.exp(-(t - rise) / tau);
    return [at(shape, t), Math.round(shape.baselineLag + excess)];
  });
}

/** Under-replicated partitions: zero, the lost broker's share 15 s after the fault, draining to zero by catch-up. */
export function underReplicatedSeries(shape: DrillShape): Point[] {
  const drainFrom = shape.catchUpSec * 0.4;
  return times(shape).map((t) => {
    if (t < 15) return [at(shape, t), 0];
    if (t <= drainFrom) return [at(shape, t), shape.underReplicated];
    const left = 1 - (t - drainFrom) / (shape.catchUpSec - drainFrom);
    return [at(shape, t), Math.max(0, Math.round(shape.underReplicated * left))];
  });
}

/** Replication traffic: a trickle, then the replacement broker copying at the throttle until caught up. */
export function recoveryTrafficSeries(shape: DrillShape): Point[] {
  return times(shape).map((t) => {
    const copying = t >= 30 && t <= shape.catchUpSec;
    return [at(shape, t), Math.round((copying ? shape.recoveryMBps * wobble(t) : 4) * 10) / 10];
  });
}
