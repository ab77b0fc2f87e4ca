/**
 * Recovery model: the work one broker failure creates under broker-local storage and under
 * shared storage, side by side. Pure arithmetic; input is validated by
 * `recoveryModelInputSchema` (schema.ts) before it reaches these functions.
 *
 * Units: MB = 10^6 bytes, GB = 10^9 bytes (as cloud pricing and NIC rates are quoted).
 */
import { SHARED_STORAGE_ARCHITECTURES, type Architecture } from "@/lib/domain/constants";
import { formatBytes, formatDuration } from "./format";
import type { RecoveryModelInput } from "./schema";

export { formatBytes, formatDuration } from "./format";
export { recoveryModelInputSchema, type RecoveryModelInput } from "./schema";

const MB = 1e6;
const GB = 1e9;
/** Assumed cache warm-up window for shared storage when the input does not set one. */
export const DEFAULT_CACHE_WARM_MINUTES = 10;
/** Headroom below this share of broker capacity is flagged `tight`. */
export const TIGHT_HEADROOM_PERCENT = 20;

/** An amount of data in bytes, with a GB figure and a human label ("6.48 TB"). */
export interface DataAmount {
  bytes: number;
  gb: number;
  label: string;
}

/** A duration in seconds (null = never completes) with a human label ("18 h"). */
export interface DurationEstimate {
  seconds: number | null;
  label: string;
}

export type HeadroomStatus = "ok" | "tight" | "saturated";

/** The estimate for one storage architecture. */
export interface RecoveryEstimate {
  storage: "broker_local" | "shared_storage";
  /** Durable retained log data the replacement broker must copy (0 for shared storage). */
  retained: DataAmount;
  /** Data moved over the network to recover: the retained log, or the cache hot set. */
  transfer: DataAmount;
  /** Rate the transfer runs at: the throttle or warm-up rate, capped by broker capacity. */
  transferRateMBps: number;
  /** `transfer` ÷ rate, ignoring writes that keep arriving meanwhile. */
  catchUp: DurationEstimate;
  /** Including the replica's share of new writes; null when the rate never outruns them. */
  catchUpWithNewWrites: DurationEstimate;
  crossZone: DataAmount & { fraction: number; costUsd: number };
  headroom: {
    /** Live traffic per surviving broker, in + out, MB/s. */
    liveMBps: number;
    recoveryMBps: number;
    capacityMBps: number;
    /** 100 × (1 − (live + recovery) ÷ capacity); negative when over capacity. */
    headroomPercent: number;
    status: HeadroomStatus;
  };
  /** Modelling assumptions in plain words, for display beside the numbers. */
  assumptions: string[];
  /** Conditions the user should act on (data loss risk, never catching up, ...). */
  warnings: string[];
}

export interface RecoveryModel {
  brokerLocal: RecoveryEstimate;
  sharedStorage: RecoveryEstimate;
}

/** One row of the estimate-versus-drill comparison. */
export interface DrillComparisonRow {
  metric: string;
  estimated: number | null;
  measured: number | null;
  note: string;
}

const amount = (bytes: number): DataAmount => ({ bytes, gb: bytes / GB, label: formatBytes(bytes) });
const duration = (seconds: number | null): DurationEstimate => ({
  seconds,
  label: seconds === null ? "never" : formatDuration(seconds),
});

/**
 * Share of recovery copy traffic that crosses zones. Followers fetch from the partition
 * leader; with leaders spread evenly over zones, (AZ − 1) ÷ AZ of the sources sit in another
 * zone. With rack-aware placement and RF ≤ AZ no other replica shares the replacement's zone,
 * so every byte crosses (1). One zone → 0.
 */
export function crossZoneFraction(input: RecoveryModelInput): number {
  const zones = input.availabilityZones;
  if (zones <= 1) return 0;
  return input.rackAware && input.replicationFactor <= zones ? 1 : (zones - 1) / zones;
}

interface EstimateParts {
  storage: RecoveryEstimate["storage"];
  retainedBytes: number;
  transferBytes: number;
  rateMBps: number;
  withNewWritesSec: number | null;
  /** Live cluster traffic, in + out, MB/s, before dividing over the survivors. */
  liveTotalMBps: number;
  assumptions: string[];
  warnings: string[];
}

/** Derives time, cross-zone volume and headroom from the parts both architectures share. */
function buildEstimate(input: RecoveryModelInput, parts: EstimateParts): RecoveryEstimate {
  const capacity = input.brokerNetworkMBps;
  // the failed broker's leaders move to the others, so live traffic lands on brokers − 1
  const survivors = Math.max(input.brokerCount - 1, 1);
  const fraction = crossZoneFraction(input);
  const crossing = parts.transferBytes * fraction;
  const live = parts.liveTotalMBps / survivors;
  const recovery = parts.transferBytes > 0 ? parts.rateMBps : 0;
  const headroomPercent = 100 * (1 - (live + recovery) / capacity);
  const status: HeadroomStatus = headroomPercent < 0 ? "saturated" : headroomPercent < TIGHT_HEADROOM_PERCENT ? "tight" : "ok";
  return {
    storage: parts.storage,
    retained: amount(parts.retainedBytes),
    transfer: amount(parts.transferBytes),
    transferRateMBps: parts.rateMBps,
    catchUp: duration(parts.transferBytes / (parts.rateMBps * MB)),
    catchUpWithNewWrites: duration(parts.withNewWritesSec),
    crossZone: { ...amount(crossing), fraction, costUsd: (crossing / GB) * input.crossZonePricePerGb },
    headroom: { liveMBps: live, recoveryMBps: recovery, capacityMBps: capacity, headroomPercent, status },
    assumptions: [
      ...parts.assumptions,
      `Live traffic is spread over ${survivors} surviving broker(s); in and out are summed against ${capacity} MB/s.`,
      fraction === 1
        ? "Rack-aware placement: every copied byte comes from a leader in another zone."
        : "Copy sources (partition leaders) are spread evenly across zones.",
    ],
    warnings: input.brokerCount === 1 ? ["A single broker has no survivor to carry traffic while it is replaced.", ...parts.warnings] : parts.warnings,
  };
}

function estimateBrokerLocal(input: RecoveryModelInput): RecoveryEstimate {
  const { replicationFactor: rf, peakIngressMBps: ingress, reassignmentThrottleMBps: throttle } = input;
  const retainedBytes = (ingress * 3600 * input.retentionHours * rf * MB) / input.brokerCount;
  const rate = Math.min(throttle, input.brokerNetworkMBps);
  // while copying, the replica's share of new writes keeps arriving through the same throttle
  const inflow = (ingress * rf) / input.brokerCount;
  const warnings: string[] = [];
  if (rf === 1) warnings.push("Replication factor 1: the failed broker's data has no other copy to rebuild from.");
  if (retainedBytes > 0 && rate <= inflow) warnings.push(`The copy rate (${rate} MB/s) does not exceed new writes (${inflow} MB/s): it never catches up.`);
  if (throttle > input.brokerNetworkMBps) warnings.push("The throttle exceeds broker network capacity, which caps the copy.");
  return buildEstimate(input, {
    storage: "broker_local",
    retainedBytes,
    transferBytes: retainedBytes,
    rateMBps: rate,
    withNewWritesSec: retainedBytes === 0 ? 0 : rate > inflow ? retainedBytes / ((rate - inflow) * MB) : null,
    // produce + replica in (ingress × RF), replica out (ingress × (RF − 1)), consumer reads
    liveTotalMBps: ingress * rf + ingress * (rf - 1) + input.peakEgressMBps,
    assumptions: [
      "Peak ingress is sustained for the whole retention window (upper bound); compaction is ignored.",
      "The replacement broker starts empty and copies every replica it hosted from the partition leaders.",
    ],
    warnings,
  });
}

function estimateSharedStorage(input: RecoveryModelInput): RecoveryEstimate {
  const ingress = input.peakIngressMBps;
  const minutes = input.cacheWarmMinutes ?? DEFAULT_CACHE_WARM_MINUTES;
  const rate = Math.min(input.cacheWarmMBps ?? input.reassignmentThrottleMBps, input.brokerNetworkMBps);
  const hotSetBytes = (ingress * 60 * minutes * MB) / input.brokerCount;
  return buildEstimate(input, {
    storage: "shared_storage",
    retainedBytes: 0,
    transferBytes: hotSetBytes,
    rateMBps: rate,
    // the new owner leads at once, so new writes land on it directly: nothing to chase
    withNewWritesSec: hotSetBytes / (rate * MB),
    // produce in, one durable write out to WAL / object storage, consumer reads
    liveTotalMBps: ingress * 2 + input.peakEgressMBps,
    assumptions: [
      "Durable log data stays in shared storage: no retained bytes are copied between brokers.",
      `Assumption: the new owner warms its share of the last ${minutes} min of ingress into cache at ${rate} MB/s.`,
      "Metadata, leadership and WAL recovery are not sized in bytes here.",
      "Storage replicates for durability, so brokers write one copy: the replication factor adds no broker traffic.",
      "Warm-up cross-zone bytes are an upper bound: in-region object-storage reads are usually " + "not billed as cross-zone transfer.",
    ],
    warnings: [],
  });
}

/**
 * Estimates recovery from one broker failure for both architectures.
 *
 * Broker-local: retained = ingress × 3600 × retentionHours × RF ÷ brokers (MB → bytes), peak
 * ingress sustained for the whole window (an upper bound). Copy rate = min(throttle, NIC).
 * catchUp = retained ÷ rate; with new writes the replica also receives ingress × RF ÷ brokers,
 * so catchUpWithNewWrites = retained ÷ (rate − that inflow), or never.
 * Shared storage: nothing durable to copy; the new owner warms a hot set of
 * ingress × 60 × cacheWarmMinutes ÷ brokers at the warm-up rate (an assumption).
 * Cross-zone bytes = transfer × {@link crossZoneFraction}; cost = GB × price.
 * Headroom per surviving broker (brokers − 1 carry the failed broker's share), in + out
 * summed against one capacity figure (conservative for full-duplex NICs):
 *   broker-local live = (ingress × RF [produce + replica in] + ingress × (RF − 1) [replica out]
 *                        + egress) ÷ survivors
 *   shared live       = (ingress [produce] + ingress [one write to WAL/object storage]
 *                        + egress) ÷ survivors
 * recovery = the copy or warm-up rate (0 when nothing moves);
 * headroom % = 100 × (1 − (live + recovery) ÷ capacity): < 0 saturated, < 20 tight.
 */
export function estimateRecovery(input: RecoveryModelInput): RecoveryModel {
  return { brokerLocal: estimateBrokerLocal(input), sharedStorage: estimateSharedStorage(input) };
}

/** Picks the estimate matching a cluster's architecture (tiered storage counts as broker-local). */
export function estimateForArchitecture(model: RecoveryModel, architecture: Architecture): RecoveryEstimate {
  return SHARED_STORAGE_ARCHITECTURES.includes(architecture) ? model.sharedStorage : model.brokerLocal;
}

/** Ratio within ±25 % counts as matching the estimate. */
const MATCH_TOLERANCE = 0.25;

function compareNote(estimated: number | null, measured: number, faster: string, slower: string): string {
  if (estimated === null) return "No estimate: the modelled copy never catches up.";
  if (estimated === 0) return measured === 0 ? "Matches the estimate." : "The model expects zero; the measurement comes from work it does not size.";
  const ratio = measured / estimated;
  const times = `${Number(ratio.toPrecision(2))}×`;
  if (Math.abs(ratio - 1) <= MATCH_TOLERANCE) return `Within 25 % of the estimate (${times}).`;
  return ratio < 1 ? `Below the estimate (${times}): ${faster}` : `Above the estimate (${times}): ${slower}`;
}

/**
 * Compares one architecture's estimate with a drill's measurements: catch-up time against
 * the measured lag-recovery time (the closest drill measure of recovery), and modelled
 * recovery traffic against measured recovery traffic. Leadership settling is listed with
 * no estimate: it depends on controller and client settings, not on data volume.
 */
export function compareWithDrill(
  estimate: RecoveryEstimate,
  drill: { lagRecoveredSec: number | null; recoveryTrafficMBps: number | null; leadershipSettledSec: number | null },
): DrillComparisonRow[] {
  const row = (metric: string, estimated: number | null, measured: number | null, faster: string, slower: string) => ({
    metric,
    estimated,
    measured,
    note: measured === null ? "Not measured in this drill." : compareNote(estimated, measured, faster, slower),
  });
  return [
    row(
      "Catch-up time (s)",
      estimate.catchUp.seconds,
      drill.lagRecoveredSec,
      "lag can recover before the rebuild ends, and peak ingress overstates retained data.",
      "check the throttle or warm-up rate actually applied, and disk or network contention.",
    ),
    row(
      "Recovery traffic (MB/s)",
      estimate.headroom.recoveryMBps,
      drill.recoveryTrafficMBps,
      "something other than the throttle limited the copy (disks, source brokers, partitions).",
      "the throttle may not have been applied, or live traffic was counted too.",
    ),
    {
      metric: "Leadership settled (s)",
      estimated: null,
      measured: drill.leadershipSettledSec,
      note: "Not modelled: leadership failover depends on controller and client metadata settings.",
    },
  ];
}
