/**
 * From pulled series to a drill's measurements, with the existing recovery rules measured from
 * the fault marker (lib/drills/series-rules). Pure and unit-tested; the pull stores the result.
 */
import { analyseSeries, formatSeconds } from "@/lib/drills/series-rules";
import type { MeasurementKey } from "@/lib/drills/rules";
import type { QueryKey } from "./rules";

export type PulledSeries = { labels: Record<string, string>; timesMs: number[]; values: number[] };

/** Computed values a drill keeps beside its fields; the last two inform proposals only (no drill field). */
export type ComputedKey = MeasurementKey | "underMinIsrPeak" | "underMinIsrSec";
export type Computed = { key: ComputedKey; value: number; detail: string };

export const COMPUTED_LABELS: Record<"underMinIsrPeak" | "underMinIsrSec", string> = {
  underMinIsrPeak: "Peak under-min-ISR partitions",
  underMinIsrSec: "Time writes with acks=all failed",
};

/** Recovery is claimed only once the value stayed within the threshold this long. */
export const SETTLE_SECONDS = 60;

type Recovery = { sec: number | null; status: string; detail: string };

/** Time until a series returned within `threshold` (0 when it never left it), from the fault. */
function recoveryOf(series: PulledSeries, threshold: number, faultAtMs: number, what: string): Recovery {
  const { recovery } = analyseSeries(series, { threshold, thresholdDirection: "below", settleSeconds: SETTLE_SECONDS }, faultAtMs);
  if (!recovery) return { sec: null, status: "insufficient_data", detail: `${what}: no threshold` };
  if (recovery.status === "recovered" && recovery.recoverySec !== null) {
    const flaps = recovery.flaps > 0 ? `, after ${recovery.flaps} relapse${recovery.flaps > 1 ? "s" : ""}` : "";
    return {
      sec: recovery.recoverySec,
      status: "recovered",
      detail: `${what} back to ≤ ${threshold} ${formatSeconds(recovery.recoverySec)} after the fault${flaps}`,
    };
  }
  if (recovery.status === "never_breached") return { sec: 0, status: "never_breached", detail: `${what} never rose above ${threshold} after the fault` };
  if (recovery.status === "never_recovered")
    return {
      sec: null,
      status: "never_recovered",
      detail: `${what} was still above ${threshold} (or had not settled for ${SETTLE_SECONDS} s) at the end of the window`,
    };
  return { sec: null, status: recovery.status, detail: `${what}: not enough samples after the fault` };
}

function peakOf(series: PulledSeries[], faultAtMs: number): number | null {
  let peak: number | null = null;
  for (const s of series) {
    const p = analyseSeries(s, { threshold: null, thresholdDirection: "below", settleSeconds: SETTLE_SECONDS }, faultAtMs).peak;
    if (p !== null && (peak === null || p > peak)) peak = p;
  }
  return peak;
}

const groupName = (s: PulledSeries) => s.labels.consumergroup ?? s.labels.group ?? Object.values(s.labels).join(",") ?? "all";

/** What the computation could not produce, in words (shown with the pull's results). */
export type ComputeResult = { computed: Computed[]; notes: string[] };

/**
 * Computes the drill's measurements from the pulled series (key → its series).
 * - leadership settled: offline partitions back to 0; replicas in sync: URP back to 0, and its peak;
 * - under-min-ISR: peak and time back to 0;
 * - consumer lag: highest peak over the groups, and the time the slowest group got back under
 *   `lagThreshold` (not filled while any group is still above it);
 * - producer errors: the per-minute increases summed over the window after the fault,
 *   scaled by step ÷ 60 s (each sample counts the last minute), and the time back to 0;
 * - recovery traffic: peak replication bytes in, in MB/s (10^6 bytes).
 * A series that never recovered fills nothing for its time measurement, and says so.
 */
export function computeMeasurements(
  pulled: Partial<Record<QueryKey, PulledSeries[]>>,
  opts: { faultAtMs: number; lagThreshold: number; stepSec: number },
): ComputeResult {
  const { faultAtMs } = opts;
  const computed: Computed[] = [];
  const notes: string[] = [];
  const timeFrom = (key: ComputedKey, series: PulledSeries | undefined, what: string) => {
    if (!series) return;
    const r = recoveryOf(series, 0, faultAtMs, what);
    if (r.sec === null) notes.push(r.detail);
    else computed.push({ key, value: r.sec, detail: r.detail });
  };
  const one = (key: QueryKey) => pulled[key]?.[0];

  timeFrom("leadershipSettledSec", one("leadership"), "Offline partitions");
  const urp = one("replicas");
  if (urp) {
    timeFrom("replicasInSyncSec", urp, "Under-replicated partitions");
    const peak = peakOf([urp], faultAtMs);
    if (peak !== null)
      computed.push({ key: "underReplicatedPartitions", value: Math.round(peak), detail: `Peak of under-replicated partitions after the fault` });
  }
  const minIsr = one("underMinIsr");
  if (minIsr) {
    timeFrom("underMinIsrSec", minIsr, "Under-min-ISR partitions");
    const peak = peakOf([minIsr], faultAtMs);
    if (peak !== null) computed.push({ key: "underMinIsrPeak", value: Math.round(peak), detail: "Peak of under-min-ISR partitions after the fault" });
  }

  const lag = pulled.consumerLag ?? [];
  if (lag.length > 0) {
    const peak = peakOf(lag, faultAtMs);
    if (peak !== null)
      computed.push({ key: "peakConsumerLag", value: peak, detail: `Highest lag of ${lag.length} consumer group${lag.length > 1 ? "s" : ""} after the fault` });
    const each = lag.map((s) => ({ group: groupName(s), r: recoveryOf(s, opts.lagThreshold, faultAtMs, `Lag of ${groupName(s)}`) }));
    const stuck = each.filter((e) => e.r.sec === null);
    if (stuck.length > 0) notes.push(...stuck.map((e) => e.r.detail));
    else {
      const slowest = each.reduce((a, b) => ((b.r.sec ?? 0) > (a.r.sec ?? 0) ? b : a));
      computed.push({
        key: "lagRecoveredSec",
        value: slowest.r.sec ?? 0,
        detail: `Slowest group ${slowest.group}: ${slowest.r.detail} (threshold ${opts.lagThreshold} records)`,
      });
    }
  }

  const errors = one("producerErrors");
  if (errors) {
    let total = 0;
    for (let i = 0; i < errors.timesMs.length; i++) if (errors.timesMs[i] >= faultAtMs) total += errors.values[i];
    const count = Math.round((total * opts.stepSec) / 60);
    computed.push({ key: "producerErrorCount", value: count, detail: `Per-minute increases after the fault summed × ${opts.stepSec} s ÷ 60 s` });
    timeFrom("producersStableSec", errors, "Producer record errors");
  }

  const traffic = one("recoveryTraffic");
  if (traffic) {
    const peak = peakOf([traffic], faultAtMs);
    if (peak !== null)
      computed.push({
        key: "recoveryTrafficMBps",
        value: Math.round((peak / 1e6) * 100) / 100,
        detail: "Peak replication bytes in after the fault (MB = 10^6 bytes)",
      });
  }
  return { computed, notes };
}
