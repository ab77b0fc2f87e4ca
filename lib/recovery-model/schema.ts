/**
 * Input of the recovery model: a cluster's facts plus the knobs a user may adjust on the
 * form. Pure (zod only) so the client form and the server both parse with the same schema.
 */
import { z } from "zod";

/** Facts and knobs the recovery model needs. Units: MB = 10^6 bytes, GB = 10^9 bytes. */
export interface RecoveryModelInput {
  brokerCount: number;
  availabilityZones: number;
  replicationFactor: number;
  /** Time-based retention of the log, hours. */
  retentionHours: number;
  /** Producer bytes into the cluster at peak (one copy, as stored), MB/s. */
  peakIngressMBps: number;
  /** Consumer bytes out of the cluster at peak (replication excluded), MB/s. */
  peakEgressMBps: number;
  /** Per-broker network capacity, MB/s (10 Gbit/s ≈ 1250 MB/s). */
  brokerNetworkMBps: number;
  /** Replication throttle during reassignment, MB/s per broker. */
  reassignmentThrottleMBps: number;
  /** USD per GB crossing zones; include both the sending and the receiving charge. */
  crossZonePricePerGb: number;
  /** Assumption: minutes of recent ingress a shared-storage broker warms into cache. Default 10. */
  cacheWarmMinutes?: number;
  /** Rate at which a shared-storage broker warms its cache, MB/s. Default: the reassignment throttle. */
  cacheWarmMBps?: number;
  /** Replicas placed rack-aware across zones (broker.rack). Default false. */
  rackAware?: boolean;
}

/** Form values arrive as strings: "" means "not given", anything else is read as a number. */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return value.trim() === "" ? undefined : Number(value);
}

const count = (label: string, max: number) =>
  z.preprocess(
    toNumber,
    z
      .number({ error: `${label} must be a number` })
      .int(`${label} must be a whole number`)
      .min(1, `${label} must be at least 1`)
      .max(max, `${label} must be at most ${max}`),
  );
const positive = (label: string) => z.preprocess(toNumber, z.number({ error: `${label} must be a number` }).positive(`${label} must be greater than 0`));
const nonNegative = (label: string) => z.preprocess(toNumber, z.number({ error: `${label} must be a number` }).min(0, `${label} cannot be negative`));

/**
 * Validates {@link RecoveryModelInput}. Accepts numbers or numeric strings (form data);
 * replication factor and zone count may not exceed the broker count.
 */
export const recoveryModelInputSchema = z
  .object({
    brokerCount: count("Broker count", 10_000),
    availabilityZones: count("Availability zones", 10),
    replicationFactor: count("Replication factor", 10),
    retentionHours: positive("Retention"),
    peakIngressMBps: nonNegative("Peak ingress"),
    peakEgressMBps: nonNegative("Peak egress"),
    brokerNetworkMBps: positive("Broker network capacity"),
    reassignmentThrottleMBps: positive("Reassignment throttle"),
    crossZonePricePerGb: nonNegative("Cross-zone price"),
    // the outer preprocess turns a blank field into undefined before `.optional()` sees it
    cacheWarmMinutes: z.preprocess(toNumber, nonNegative("Cache warm-up window").optional()),
    cacheWarmMBps: z.preprocess(toNumber, positive("Cache warm-up rate").optional()),
    rackAware: z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" ? false : v), z.boolean().optional()),
  })
  .refine((v) => v.replicationFactor <= v.brokerCount, {
    path: ["replicationFactor"],
    error: "Replication factor cannot exceed the broker count",
  })
  .refine((v) => v.availabilityZones <= v.brokerCount, {
    path: ["availabilityZones"],
    error: "Availability zones cannot exceed the broker count",
  }) satisfies z.ZodType<RecoveryModelInput>;
