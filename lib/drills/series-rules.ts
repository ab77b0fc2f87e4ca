/**
 * What the drill page derives from imported series and the timeline: the fault time recovery
 * is measured from, each series' recovery and peak, which measurement a series can fill, and
 * the gap between "leadership moved" and "applications recovered". Pure, unit-tested.
 */
import { computeRecovery, type RecoveryResult } from "./recovery";
import type { MeasurementKey } from "./rules";

export type TimelineLayer = "control_plane" | "data_plane" | "business";
export type TimelinePoint = { id: string; at: Date; layer: TimelineLayer; marker: string; label: string };

/** Time measurements a recovery time can fill, and counts/levels a peak can fill. */
export const RECOVERY_MEASUREMENTS = ["leadershipSettledSec", "producersStableSec", "lagRecoveredSec"] as const satisfies readonly MeasurementKey[];
export const PEAK_MEASUREMENTS = [
  "peakConsumerLag",
  "producerErrorCount",
  "underReplicatedPartitions",
  "recoveryTrafficMBps",
] as const satisfies readonly MeasurementKey[];

/** Measurements stored as whole numbers (PostgreSQL integer columns). */
export const INTEGER_MEASUREMENTS: readonly MeasurementKey[] = ["producerErrorCount", "underReplicatedPartitions"];

/**
 * The instant recovery is measured from: the earliest timeline event marked as a fault, or
 * the drill's start when the timeline has none.
 */
export function faultTime(startedAt: Date, events: readonly TimelinePoint[]): { atMs: number; source: string } {
  const faults = events.filter((e) => e.marker === "fault").sort((a, b) => a.at.getTime() - b.at.getTime());
  return faults.length > 0
    ? { atMs: faults[0].at.getTime(), source: `the fault marker “${faults[0].label}”` }
    : { atMs: startedAt.getTime(), source: "the drill's start (no fault marked on the timeline)" };
}

export type SeriesSettings = { threshold: number | null; thresholdDirection: string; settleSeconds: number };

export type SeriesAnalysis = {
  /** null when no threshold is set: nothing to compare against. */
  recovery: RecoveryResult | null;
  /** Highest value at or after the fault (over the whole series when nothing follows the fault). */
  peak: number | null;
  peakAtMs: number | null;
};

/** Recovery against the series' threshold (from the fault on) and its peak after the fault. */
export function analyseSeries(series: { timesMs: number[]; values: number[] }, settings: SeriesSettings, faultAtMs: number): SeriesAnalysis {
  let peak: number | null = null;
  let peakAtMs: number | null = null;
  const anyAfter = series.timesMs.some((t) => t >= faultAtMs);
  for (let i = 0; i < series.values.length; i++) {
    if (anyAfter && series.timesMs[i] < faultAtMs) continue;
    if (peak === null || series.values[i] > peak) {
      peak = series.values[i];
      peakAtMs = series.timesMs[i];
    }
  }
  const recovery =
    settings.threshold === null
      ? null
      : computeRecovery(series, {
          threshold: settings.threshold,
          direction: settings.thresholdDirection === "above" ? "above" : "below",
          settleMs: settings.settleSeconds * 1000,
          faultAtMs,
        });
  return { recovery, peak, peakAtMs };
}

/** The unit a metric name announces by Prometheus naming convention, or null. */
export function inferUnit(metric: string): string | null {
  const name = metric.split("{")[0].toLowerCase();
  if (/lag|offset/.test(name)) return "records";
  if (/_seconds?(_total)?$/.test(name)) return "s";
  if (/_milliseconds?$|_ms$/.test(name)) return "ms";
  if (/_bytes_per_second$|_bytes_rate$/.test(name)) return "bytes";
  if (/_bytes(_total)?$/.test(name)) return "bytes";
  if (/under_?replicated/.test(name)) return "partitions";
  if (/error|fail/.test(name)) return "errors";
  if (/_ratio$|_percent$|percent/.test(name)) return "%";
  return null;
}

/** Which measurement a series most likely fills from its recovery time and from its peak. */
export function guessMeasurements(metric: string): { recovery: MeasurementKey | null; peak: MeasurementKey | null } {
  const name = metric.toLowerCase();
  if (/lag/.test(name)) return { recovery: "lagRecoveredSec", peak: "peakConsumerLag" };
  if (/under_?replicated|urp/.test(name)) return { recovery: null, peak: "underReplicatedPartitions" };
  if (/leader|election|controller/.test(name)) return { recovery: "leadershipSettledSec", peak: null };
  if (/error|fail|retr/.test(name)) return { recovery: "producersStableSec", peak: "producerErrorCount" };
  if (/produce|ack|request_latency|latency/.test(name)) return { recovery: "producersStableSec", peak: null };
  if (/replication|reassign|recovery|bytes/.test(name)) return { recovery: null, peak: "recoveryTrafficMBps" };
  return { recovery: null, peak: null };
}

export type TimelineGap = {
  faultAt: Date | null;
  /** First control-plane event marked recovered (at or after the fault). */
  leadershipAt: Date | null;
  /** Last business event marked recovered, else the last data-plane one. */
  applicationsAt: Date | null;
  /** applicationsAt − leadershipAt, when both are known. Negative when applications led. */
  gapMs: number | null;
};

/**
 * The gap the leader-movement document warns about: the control plane reports recovery
 * (leaders elected, metadata settled) before applications are back to normal. Recovery of the
 * control plane is its first "recovered" marker; recovery of the applications is the last
 * "recovered" marker of the business layer (falling back to the data plane), because the
 * applications are only back when the last of them is.
 */
export function timelineGap(events: readonly TimelinePoint[]): TimelineGap {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const faultAt = sorted.find((e) => e.marker === "fault")?.at ?? null;
  const after = (e: TimelinePoint) => !faultAt || e.at >= faultAt;
  const recovered = sorted.filter((e) => e.marker === "recovered" && after(e));
  const leadershipAt = recovered.find((e) => e.layer === "control_plane")?.at ?? null;
  const lastOf = (layer: TimelineLayer) => recovered.filter((e) => e.layer === layer).at(-1)?.at ?? null;
  const applicationsAt = lastOf("business") ?? lastOf("data_plane");
  const gapMs = leadershipAt && applicationsAt ? applicationsAt.getTime() - leadershipAt.getTime() : null;
  return { faultAt, leadershipAt, applicationsAt, gapMs };
}

export { formatSeconds } from "@/lib/format/numbers";
