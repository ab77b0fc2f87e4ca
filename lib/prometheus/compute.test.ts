import { describe, expect, it } from "vitest";
import { computeMeasurements, type PulledSeries } from "./compute";
import { proposeClientImpact, proposeStorageWork } from "./proposals";

const FAULT = 1_000_000;
const series = (values: number[], labels: Record<string, string> = {}): PulledSeries => ({
  labels,
  timesMs: values.map((_, i) => FAULT - 10_000 + i * 10_000),
  values,
});
/** 0 before the fault, `high` for `n` samples after it, then 0 for 10 more. */
const spike = (high: number, n: number) => series([0, ...Array(n).fill(high), ...Array(10).fill(0)]);
const targets = {
  targetLagRecoveredSec: 120,
  targetPeakLagRecords: 10_000,
  targetProducersStableSec: 60,
  targetProducerErrors: null,
  targetReplicasInSyncSec: null,
};

describe("computeMeasurements", () => {
  it("measures recovery from the fault with the existing recovery rules", () => {
    const { computed, notes } = computeMeasurements(
      { leadership: [spike(4, 2)], replicas: [spike(30, 5)], consumerLag: [spike(5000, 3), spike(8000, 6)], recoveryTraffic: [spike(50_000_000, 4)] },
      { faultAtMs: FAULT, lagThreshold: 1000, stepSec: 10 },
    );
    const get = (k: string) => computed.find((c) => c.key === k)?.value;
    expect(notes).toEqual([]);
    expect(get("leadershipSettledSec")).toBe(20);
    expect(get("replicasInSyncSec")).toBe(50);
    expect(get("underReplicatedPartitions")).toBe(30);
    expect(get("lagRecoveredSec")).toBe(60); // the slowest group
    expect(get("peakConsumerLag")).toBe(8000);
    expect(get("recoveryTrafficMBps")).toBe(50);
  });

  it("fills no time for a series still in breach at the end, and says so", () => {
    const { computed, notes } = computeMeasurements({ replicas: [series([0, 5, 5, 5])] }, { faultAtMs: FAULT, lagThreshold: 1000, stepSec: 10 });
    expect(computed.find((c) => c.key === "replicasInSyncSec")).toBeUndefined();
    expect(notes[0]).toMatch(/Under-replicated partitions was still above 0/);
  });

  it("counts producer errors from per-minute increases scaled by the step", () => {
    const { computed } = computeMeasurements({ producerErrors: [spike(60, 3)] }, { faultAtMs: FAULT, lagThreshold: 1000, stepSec: 10 });
    expect(computed.find((c) => c.key === "producerErrorCount")?.value).toBe(30);
  });
});

describe("proposals", () => {
  it("question 1 is green when every client measurement is within its target, red on any breach", () => {
    const ok = [
      { key: "lagRecoveredSec" as const, value: 100, detail: "" },
      { key: "peakConsumerLag" as const, value: 9000, detail: "" },
    ];
    expect(proposeClientImpact(ok, targets, []).answer).toBe("green");
    const late = [{ key: "lagRecoveredSec" as const, value: 200, detail: "" }, ...ok.slice(1)];
    const red = proposeClientImpact(late, targets, []);
    expect(red.answer).toBe("red");
    expect(red.rationale.split("\n")[0]).toBe("✗ Consumer lag recovered in 3 min 20 s over the target 2 min");
    expect(proposeClientImpact([], targets, []).answer).toBe("not_assessed");
  });

  it("question 2 compares replica catch-up with the recovery model and recovery traffic with the modelled rate", () => {
    const c = [
      { key: "replicasInSyncSec" as const, value: 500, detail: "" },
      { key: "recoveryTrafficMBps" as const, value: 105, detail: "" },
    ];
    expect(proposeStorageWork(c, targets, { catchUpSec: 600, recoveryMBps: 100 }, []).answer).toBe("green");
    expect(proposeStorageWork(c, targets, { catchUpSec: 400, recoveryMBps: 100 }, []).answer).toBe("red");
    const fast = proposeStorageWork(c, targets, { catchUpSec: 600, recoveryMBps: 80 }, []);
    expect(fast.answer).toBe("red");
    expect(fast.rationale).toMatch(/above the modelled 80 MB\/s/);
    expect(proposeStorageWork([], targets, null, ["Under-replicated partitions was still above 0"]).answer).toBe("red");
    expect(proposeStorageWork([], targets, null, []).answer).toBe("not_assessed");
  });
});
