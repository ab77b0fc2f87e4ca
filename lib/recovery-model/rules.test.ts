import { describe, expect, it } from "vitest";
import { compareWithDrill, crossZoneFraction, estimateForArchitecture, estimateRecovery, type RecoveryModelInput } from "./rules";

/** 6 brokers over 3 zones, RF 3, 72 h retention, 50 MB/s in, 100 MB/s out, 10 Gbit/s NICs. */
const sixBrokers: RecoveryModelInput = {
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

describe("estimateRecovery — worked example 1: 6 brokers, RF 3, 72 h, 50 MB/s", () => {
  const { brokerLocal, sharedStorage } = estimateRecovery(sixBrokers);

  it("broker-local retained bytes and catch-up time", () => {
    // 50 MB/s × 3600 s/h × 72 h = 12,960,000 MB written; × RF 3 = 38,880,000 MB of replicas;
    // ÷ 6 brokers = 6,480,000 MB per broker = 6.48e12 bytes = 6,480 GB ≈ 6.48 TB
    expect(brokerLocal.retained.bytes).toBe(6.48e12);
    expect(brokerLocal.retained.gb).toBe(6480);
    expect(brokerLocal.retained.label).toBe("6.48 TB");
    // 6,480,000 MB ÷ 100 MB/s = 64,800 s = 18 h
    expect(brokerLocal.catchUp).toEqual({ seconds: 64_800, label: "18 h" });
    // new writes for the replica: 50 × 3 ÷ 6 = 25 MB/s, so it gains 100 − 25 = 75 MB/s:
    // 6,480,000 ÷ 75 = 86,400 s = 1 day
    expect(brokerLocal.catchUpWithNewWrites).toEqual({ seconds: 86_400, label: "1 d" });
  });

  it("broker-local cross-zone volume and cost", () => {
    // leaders spread over 3 zones: 2/3 of 6,480 GB = 4,320 GB; × $0.02 = $86.40
    expect(brokerLocal.crossZone.fraction).toBeCloseTo(2 / 3, 12);
    expect(brokerLocal.crossZone.gb).toBeCloseTo(4320, 6);
    expect(brokerLocal.crossZone.label).toBe("4.32 TB");
    expect(brokerLocal.crossZone.costUsd).toBeCloseTo(86.4, 6);
  });

  it("broker-local headroom", () => {
    // live = (50×3 + 50×2 + 100) = 350 MB/s over 5 survivors = 70 MB/s; + 100 throttle = 170;
    // 1 − 170 / 1250 = 0.864 → 86.4 %
    expect(brokerLocal.headroom.liveMBps).toBe(70);
    expect(brokerLocal.headroom.recoveryMBps).toBe(100);
    expect(brokerLocal.headroom.headroomPercent).toBeCloseTo(86.4, 9);
    expect(brokerLocal.headroom.status).toBe("ok");
    expect(brokerLocal.warnings).toEqual([]);
  });

  it("shared storage: nothing durable to copy, a 10-minute hot set to warm", () => {
    expect(sharedStorage.retained).toEqual({ bytes: 0, gb: 0, label: "0 B" });
    // 50 MB/s × 600 s ÷ 6 brokers = 5,000 MB = 5 GB, warmed at 100 MB/s → 50 s
    expect(sharedStorage.transfer.label).toBe("5 GB");
    expect(sharedStorage.catchUp).toEqual({ seconds: 50, label: "50 s" });
    expect(sharedStorage.catchUpWithNewWrites.seconds).toBe(50);
    // 2/3 × 5 GB = 3.33 GB × $0.02 = $0.0667
    expect(sharedStorage.crossZone.costUsd).toBeCloseTo(0.2 / 3, 9);
    // live = (50 + 50 + 100) / 5 = 40 MB/s; + 100 = 140; 1 − 140/1250 = 88.8 %
    expect(sharedStorage.headroom.liveMBps).toBe(40);
    expect(sharedStorage.headroom.headroomPercent).toBeCloseTo(88.8, 9);
    expect(sharedStorage.assumptions.some((a) => a.startsWith("Assumption: ") && a.includes("10 min"))).toBe(true);
  });
});

describe("estimateRecovery — worked example 2: 12 brokers, 7-day retention, rack-aware", () => {
  const input: RecoveryModelInput = {
    ...sixBrokers,
    brokerCount: 12,
    retentionHours: 168,
    peakIngressMBps: 200,
    peakEgressMBps: 600,
    reassignmentThrottleMBps: 250,
    crossZonePricePerGb: 0.01,
    rackAware: true,
  };
  const { brokerLocal, sharedStorage } = estimateRecovery(input);

  it("copies 30.24 TB in about a day and a half", () => {
    // 200 × 3600 × 168 = 120,960,000 MB; × 3 = 362,880,000; ÷ 12 = 30,240,000 MB = 30.24 TB
    expect(brokerLocal.retained.gb).toBe(30_240);
    expect(brokerLocal.retained.label).toBe("30.2 TB");
    // 30,240,000 ÷ 250 = 120,960 s = 33.6 h → "1 d 10 h" (days are shown to the hour)
    expect(brokerLocal.catchUp).toEqual({ seconds: 120_960, label: "1 d 10 h" });
    // inflow 200 × 3 ÷ 12 = 50 MB/s; 30,240,000 ÷ (250 − 50) = 151,200 s = 42 h
    expect(brokerLocal.catchUpWithNewWrites).toEqual({ seconds: 151_200, label: "1 d 18 h" });
  });

  it("rack-aware with RF ≤ AZ: every copied byte crosses zones", () => {
    // 30,240 GB × 1 × $0.01 = $302.40
    expect(brokerLocal.crossZone.fraction).toBe(1);
    expect(brokerLocal.crossZone.costUsd).toBeCloseTo(302.4, 6);
  });

  it("headroom for both architectures", () => {
    // broker-local: (600 + 400 + 600) / 11 = 145.45 MB/s; + 250 = 395.45; 1 − 395.45/1250 = 68.36 %
    expect(brokerLocal.headroom.liveMBps).toBeCloseTo(1600 / 11, 9);
    expect(brokerLocal.headroom.headroomPercent).toBeCloseTo(68.3636, 3);
    // shared: (200 + 200 + 600) / 11 = 90.91; + 250 = 340.91; 1 − 340.91/1250 = 72.73 %
    expect(sharedStorage.headroom.headroomPercent).toBeCloseTo(72.7273, 3);
    // hot set 200 × 600 ÷ 12 = 10,000 MB = 10 GB at 250 MB/s → 40 s; 10 GB × $0.01 = $0.10
    expect(sharedStorage.catchUp.seconds).toBe(40);
    expect(sharedStorage.crossZone.costUsd).toBeCloseTo(0.1, 9);
  });
});

describe("estimateRecovery — worked example 3: 3 hot brokers, saturated", () => {
  const input: RecoveryModelInput = {
    ...sixBrokers,
    brokerCount: 3,
    retentionHours: 24,
    peakIngressMBps: 300,
    peakEgressMBps: 900,
    reassignmentThrottleMBps: 200,
  };
  const { brokerLocal, sharedStorage } = estimateRecovery(input);

  it("retained bytes, a catch-up that never ends, and the cost", () => {
    // 300 × 3600 × 24 × 3 ÷ 3 = 25,920,000 MB = 25.92 TB; ÷ 200 = 129,600 s = 36 h
    expect(brokerLocal.retained.gb).toBe(25_920);
    expect(brokerLocal.catchUp).toEqual({ seconds: 129_600, label: "1 d 12 h" });
    // new writes for the replica: 300 × 3 ÷ 3 = 300 MB/s > 200 MB/s throttle
    expect(brokerLocal.catchUpWithNewWrites).toEqual({ seconds: null, label: "never" });
    expect(brokerLocal.warnings.join(" ")).toMatch(/never catches up/);
    // 2/3 × 25,920 GB = 17,280 GB × $0.02 = $345.60
    expect(brokerLocal.crossZone.costUsd).toBeCloseTo(345.6, 6);
  });

  it("broker-local saturates while shared storage keeps headroom", () => {
    // broker-local: (900 + 600 + 900) / 2 = 1,200; + 200 = 1,400 > 1,250 → 1 − 1.12 = −12 %
    expect(brokerLocal.headroom.headroomPercent).toBeCloseTo(-12, 9);
    expect(brokerLocal.headroom.status).toBe("saturated");
    // shared: (300 + 300 + 900) / 2 = 750; hot set 300 × 600 ÷ 3 = 60 GB at 200 → 300 s;
    // 750 + 200 = 950 → 1 − 0.76 = 24 %
    expect(sharedStorage.catchUp).toEqual({ seconds: 300, label: "5 min" });
    expect(sharedStorage.headroom.headroomPercent).toBeCloseTo(24, 9);
    expect(sharedStorage.headroom.status).toBe("ok");
  });
});

describe("estimateRecovery — edge cases", () => {
  it("one zone: no cross-zone transfer", () => {
    const model = estimateRecovery({ ...sixBrokers, availabilityZones: 1, rackAware: true });
    expect(crossZoneFraction({ ...sixBrokers, availabilityZones: 1 })).toBe(0);
    for (const e of [model.brokerLocal, model.sharedStorage]) {
      expect(e.crossZone.bytes).toBe(0);
      expect(e.crossZone.costUsd).toBe(0);
    }
  });

  it("rack-aware with RF > AZ falls back to the even spread", () => {
    expect(crossZoneFraction({ ...sixBrokers, availabilityZones: 2, rackAware: true })).toBe(0.5);
  });

  it("zero ingress: nothing to copy, no recovery traffic", () => {
    const { brokerLocal, sharedStorage } = estimateRecovery({ ...sixBrokers, peakIngressMBps: 0 });
    expect(brokerLocal.retained.bytes).toBe(0);
    expect(brokerLocal.catchUp).toEqual({ seconds: 0, label: "0 s" });
    expect(brokerLocal.catchUpWithNewWrites.seconds).toBe(0);
    expect(brokerLocal.headroom.recoveryMBps).toBe(0);
    // only egress: 100 / 5 = 20 MB/s; 1 − 20/1250 = 98.4 %
    expect(brokerLocal.headroom.headroomPercent).toBeCloseTo(98.4, 9);
    expect(sharedStorage.transfer.bytes).toBe(0);
    expect(sharedStorage.headroom.recoveryMBps).toBe(0);
  });

  it("flags tight headroom below 20 %", () => {
    // (150 + 100 + 4,350) / 5 = 920; + 100 = 1,020; 1 − 1,020/1,250 = 18.4 %
    const { brokerLocal } = estimateRecovery({ ...sixBrokers, peakEgressMBps: 4350 });
    expect(brokerLocal.headroom.headroomPercent).toBeCloseTo(18.4, 9);
    expect(brokerLocal.headroom.status).toBe("tight");
  });

  it("caps the copy rate at broker capacity", () => {
    const { brokerLocal } = estimateRecovery({ ...sixBrokers, reassignmentThrottleMBps: 5000 });
    expect(brokerLocal.transferRateMBps).toBe(1250);
    expect(brokerLocal.catchUp.seconds).toBe(6_480_000 / 1250);
    expect(brokerLocal.warnings.join(" ")).toMatch(/exceeds broker network capacity/);
  });

  it("warns about a single broker and replication factor 1", () => {
    const { brokerLocal, sharedStorage } = estimateRecovery({
      ...sixBrokers,
      brokerCount: 1,
      availabilityZones: 1,
      replicationFactor: 1,
    });
    expect(brokerLocal.warnings.join(" ")).toMatch(/no other copy/);
    expect(sharedStorage.warnings.join(" ")).toMatch(/single broker/);
    expect(sharedStorage.warnings.join(" ")).not.toMatch(/no other copy/);
    expect(Number.isFinite(brokerLocal.headroom.liveMBps)).toBe(true);
  });

  it("honours the cache warm-up knobs", () => {
    // 50 × 60 × 30 ÷ 6 = 15,000 MB at 500 MB/s → 30 s
    const { sharedStorage } = estimateRecovery({ ...sixBrokers, cacheWarmMinutes: 30, cacheWarmMBps: 500 });
    expect(sharedStorage.transfer.gb).toBe(15);
    expect(sharedStorage.catchUp.seconds).toBe(30);
    expect(sharedStorage.headroom.recoveryMBps).toBe(500);
  });
});

describe("estimateForArchitecture", () => {
  it("uses shared storage only for shared-storage platforms", () => {
    const model = estimateRecovery(sixBrokers);
    expect(estimateForArchitecture(model, "kafka_compatible_shared_storage")).toBe(model.sharedStorage);
    expect(estimateForArchitecture(model, "kafka_tiered_storage")).toBe(model.brokerLocal);
    expect(estimateForArchitecture(model, "apache_kafka")).toBe(model.brokerLocal);
  });
});

describe("compareWithDrill", () => {
  const { brokerLocal } = estimateRecovery(sixBrokers);

  it("matches within 25 % and lists leadership without an estimate", () => {
    const rows = compareWithDrill(brokerLocal, { lagRecoveredSec: 70_000, recoveryTrafficMBps: 95, leadershipSettledSec: 12 });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ estimated: 64_800, measured: 70_000 });
    expect(rows[0].note).toBe("Within 25 % of the estimate (1.1×).");
    expect(rows[1]).toMatchObject({ estimated: 100, measured: 95 });
    expect(rows[1].note).toMatch(/^Within 25 %/);
    expect(rows[2]).toMatchObject({ estimated: null, measured: 12 });
    expect(rows[2].note).toMatch(/^Not modelled/);
  });

  it("explains measurements far below or above the estimate", () => {
    const rows = compareWithDrill(brokerLocal, { lagRecoveredSec: 600, recoveryTrafficMBps: 250, leadershipSettledSec: null });
    // 600 / 64,800 = 0.0093; 250 / 100 = 2.5
    expect(rows[0].note).toMatch(/^Below the estimate \(0\.0093×\): lag can recover/);
    expect(rows[1].note).toMatch(/^Above the estimate \(2\.5×\): the throttle may not have been applied/);
  });

  it("handles missing measurements and zero estimates", () => {
    const none = compareWithDrill(brokerLocal, { lagRecoveredSec: null, recoveryTrafficMBps: null, leadershipSettledSec: null });
    expect(none.map((r) => r.measured)).toEqual([null, null, null]);
    expect(none[0].note).toBe("Not measured in this drill.");
    const idle = estimateRecovery({ ...sixBrokers, peakIngressMBps: 0 }).sharedStorage;
    const rows = compareWithDrill(idle, { lagRecoveredSec: 30, recoveryTrafficMBps: 0, leadershipSettledSec: 5 });
    expect(rows[0].note).toMatch(/expects zero/);
    expect(rows[1].note).toBe("Matches the estimate.");
  });
});
