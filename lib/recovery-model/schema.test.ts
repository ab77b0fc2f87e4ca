import { describe, expect, it } from "vitest";
import { recoveryModelInputSchema } from "./schema";

const valid = {
  brokerCount: 6,
  availabilityZones: 3,
  replicationFactor: 3,
  retentionHours: 72,
  peakIngressMBps: 50,
  peakEgressMBps: 100,
  brokerNetworkMBps: 1250,
  reassignmentThrottleMBps: 100,
  crossZonePricePerGb: 0.02,
};

function fieldErrors(input: unknown) {
  const result = recoveryModelInputSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("recoveryModelInputSchema", () => {
  it("accepts numbers and leaves the optional knobs unset", () => {
    expect(recoveryModelInputSchema.parse(valid)).toEqual(valid);
  });

  it("reads form strings; blank optional fields stay unset", () => {
    const form = Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, String(v)]));
    const parsed = recoveryModelInputSchema.parse({ ...form, cacheWarmMinutes: "", cacheWarmMBps: " ", rackAware: "on" });
    expect(parsed).toEqual({ ...valid, cacheWarmMinutes: undefined, cacheWarmMBps: undefined, rackAware: true });
  });

  it("accepts zero ingress, egress and price", () => {
    expect(recoveryModelInputSchema.safeParse({ ...valid, peakIngressMBps: 0, peakEgressMBps: 0, crossZonePricePerGb: 0 }).success).toBe(true);
  });

  it("rejects a replication factor or zone count above the broker count", () => {
    expect(fieldErrors({ ...valid, replicationFactor: 7 })).toEqual({
      replicationFactor: "Replication factor cannot exceed the broker count",
    });
    expect(fieldErrors({ ...valid, brokerCount: 2, replicationFactor: 2 })).toEqual({
      availabilityZones: "Availability zones cannot exceed the broker count",
    });
  });

  it("rejects non-positive rates, fractional counts, negatives and blanks", () => {
    expect(
      fieldErrors({
        ...valid,
        brokerCount: 2.5,
        reassignmentThrottleMBps: 0,
        brokerNetworkMBps: -1,
        peakIngressMBps: -5,
        retentionHours: "",
        cacheWarmMBps: 0,
      }),
    ).toEqual({
      brokerCount: "Broker count must be a whole number",
      reassignmentThrottleMBps: "Reassignment throttle must be greater than 0",
      brokerNetworkMBps: "Broker network capacity must be greater than 0",
      peakIngressMBps: "Peak ingress cannot be negative",
      retentionHours: "Retention must be a number",
      cacheWarmMBps: "Cache warm-up rate must be greater than 0",
    });
    expect(fieldErrors({ ...valid, replicationFactor: 0, peakEgressMBps: "abc" })).toEqual({
      replicationFactor: "Replication factor must be at least 1",
      peakEgressMBps: "Peak egress must be a number",
    });
  });
});
