/**
 * Continuous checks, the pure part: schedules and their UTC slots, the condition every sample
 * of the lookback window must meet, the retry backoff on Prometheus errors, and the words a
 * run's result is told in. No database, Next or Prometheus here; unit-tested.
 */
import { formatSeconds } from "@/lib/format/numbers";
import { chooseStep } from "@/lib/prometheus/rules";

export const CHECK_OPERATORS = ["==", "!=", "<", "<=", ">", ">="] as const;
export type CheckOperator = (typeof CHECK_OPERATORS)[number];

export const CHECK_SCHEDULES = ["hourly", "daily", "weekly"] as const;
export type CheckSchedule = (typeof CHECK_SCHEDULES)[number];

export const SCHEDULE_LABELS: Record<CheckSchedule, string> = { hourly: "Every hour", daily: "Every day (00:00 UTC)", weekly: "Every week (Monday 00:00 UTC)" };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PERIOD_MS: Record<CheckSchedule, number> = { hourly: HOUR_MS, daily: DAY_MS, weekly: 7 * DAY_MS };
/** 1970-01-05 was a Monday: weekly slots start on Mondays at 00:00 UTC. */
const MONDAY_EPOCH_MS = 4 * DAY_MS;

/** Attempts of one slot before it is recorded as an error (Prometheus kept failing). */
export const MAX_ATTEMPTS = 4;
/** A claimed run that has not finished after this long (its server died) is retried. */
export const STALE_CLAIM_MS = 10 * 60_000;

/** The slot `at` falls in: the start of its UTC hour, day or week. */
export function slotFor(schedule: CheckSchedule, at: Date): Date {
  const period = PERIOD_MS[schedule];
  const offset = schedule === "weekly" ? MONDAY_EPOCH_MS : 0;
  return new Date(Math.floor((at.getTime() - offset) / period) * period + offset);
}

/** The slot after `slot`. */
export function nextSlot(schedule: CheckSchedule, slot: Date): Date {
  return new Date(slotFor(schedule, slot).getTime() + PERIOD_MS[schedule]);
}

/** Seconds to wait before attempt `attempts + 1` of a slot: 1, 5, then 15 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return [60, 300, 900][Math.min(Math.max(attempts, 1), 3) - 1];
}

/** The evaluated window of a run ending at `end`, with a step that keeps every series under Prometheus' point limit. */
export function checkWindow(end: Date, lookbackSec: number): { start: Date; end: Date; stepSeconds: number } {
  const startMs = end.getTime() - lookbackSec * 1000;
  // a check looks at a level over hours, not a recovery over seconds: one point a minute is plenty
  const stepSeconds = Math.max(60, chooseStep(startMs, end.getTime()));
  return { start: new Date(startMs), end, stepSeconds };
}

export function meets(value: number, operator: CheckOperator, threshold: number): boolean {
  switch (operator) {
    case "==":
      return value === threshold;
    case "!=":
      return value !== threshold;
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
  }
}

export type Evaluation = {
  passed: boolean;
  points: number;
  min: number;
  max: number;
  last: number;
  /** the first sample that broke the condition */
  firstViolation: { atMs: number; value: number; series: string } | null;
};

type Series = { labels: Record<string, string>; timesMs: number[]; values: number[] };

const seriesName = (labels: Record<string, string>) =>
  Object.keys(labels).length
    ? `{${Object.entries(labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(", ")}}`
    : "the result";

/** Every sample of every series must meet the condition ("at every step of the window"). Null without samples. */
export function evaluateCheck(series: Series[], operator: CheckOperator, threshold: number): Evaluation | null {
  let points = 0;
  let min = Infinity;
  let max = -Infinity;
  let last = { atMs: -Infinity, value: NaN };
  let firstViolation: Evaluation["firstViolation"] = null;
  for (const s of series) {
    s.values.forEach((value, i) => {
      const atMs = s.timesMs[i];
      points += 1;
      min = Math.min(min, value);
      max = Math.max(max, value);
      if (atMs >= last.atMs) last = { atMs, value };
      if (!meets(value, operator, threshold) && (!firstViolation || atMs < firstViolation.atMs)) firstViolation = { atMs, value, series: seriesName(s.labels) };
    });
  }
  if (points === 0) return null;
  return { passed: firstViolation === null, points, min, max, last: last.value, firstViolation };
}

const num = (v: number) => (Number.isInteger(v) ? v.toLocaleString("en-US") : v.toLocaleString("en-US", { maximumFractionDigits: 3 }));
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** "value == 0 at every step over the last 24 h" */
export function describeCondition(operator: CheckOperator, threshold: number, lookbackSec: number): string {
  return `value ${operator} ${num(threshold)} at every step over the last ${formatSeconds(lookbackSec)}`;
}

/** The run's one-line result, as the item, the cluster and the regression reason show it. */
export function describeResult(name: string, e: Evaluation, operator: CheckOperator, threshold: number): string {
  if (e.passed)
    return `Check “${name}” passed: min ${num(e.min)}, max ${num(e.max)} (${operator} ${num(threshold)}) over ${e.points.toLocaleString("en-US")} samples`;
  const v = e.firstViolation!;
  return `Check “${name}” failed at ${hhmm(v.atMs)} UTC: ${num(v.value)} (needs ${operator} ${num(threshold)}) in ${v.series}; max ${num(e.max)}`;
}

/** The title of the evidence a passing run keeps on its item. */
export function evidenceTitle(name: string, e: Evaluation, lookbackSec: number): string {
  return `Check “${name}”: min ${num(e.min)}, max ${num(e.max)} over ${formatSeconds(lookbackSec)}`;
}
