import { describe, expect, it } from "vitest";
import { computeRecovery, downsample, type RecoveryOptions } from "./recovery";

/** Samples every 10 s from t = 0 unless times are given; all in seconds for readability. */
function series(values: number[], timesSec = values.map((_, i) => i * 10)) {
  return { timesMs: timesSec.map((s) => s * 1000), values };
}
const lag: RecoveryOptions = { threshold: 10, direction: "below", settleMs: 20_000, faultAtMs: 0 };

describe("computeRecovery", () => {
  it("recovers at the first sample of a settled return", () => {
    // breach at 0,10,20 s; within from 30 s; the 20 s window is covered by the sample at 50 s
    const result = computeRecovery(series([100, 80, 30, 5, 4, 3, 2]), lag);
    expect(result).toEqual({ recoveredAtMs: 30_000, recoverySec: 30, status: "recovered", flaps: 0 });
  });

  it("treats the threshold itself as within and measures from the fault", () => {
    // throughput must stay >= 100; the sample at 0 s is before the fault at 5 s and ignored
    const opts: RecoveryOptions = { threshold: 100, direction: "above", settleMs: 20_000, faultAtMs: 5_000 };
    const result = computeRecovery(series([150, 20, 60, 100, 120, 110]), opts);
    expect(result).toEqual({ recoveredAtMs: 30_000, recoverySec: 25, status: "recovered", flaps: 0 });
  });

  it("ignores samples before the fault", () => {
    const result = computeRecovery(series([500, 500, 100, 80, 30, 5, 4, 3, 2], [-20, -10, 0, 10, 20, 30, 40, 50, 60]), lag);
    expect(result).toMatchObject({ recoveredAtMs: 30_000, status: "recovered", flaps: 0 });
  });

  it("counts flaps and recovers only at the return that lasts", () => {
    // breach stretches start at 0, 20 and 40 s: two re-entries; settled from 50 s (50, 60, 70)
    const result = computeRecovery(series([50, 5, 50, 5, 50, 5, 5, 5]), lag);
    expect(result).toEqual({ recoveredAtMs: 50_000, recoverySec: 50, status: "recovered", flaps: 2 });
  });

  it("moves recovery past a relapse that follows a seemingly settled return", () => {
    // within 10–40 s (longer than the settle window), breach again at 50 s, settled from 60 s
    const result = computeRecovery(series([50, 5, 5, 5, 5, 50, 5, 5, 5]), lag);
    expect(result).toEqual({ recoveredAtMs: 60_000, recoverySec: 60, status: "recovered", flaps: 1 });
  });

  it("never recovers when the data ends in breach", () => {
    const result = computeRecovery(series([50, 5, 5, 5, 50]), lag);
    expect(result).toEqual({ recoveredAtMs: null, recoverySec: null, status: "never_recovered", flaps: 1 });
  });

  it("never recovers when the data ends before the settle window is proven", () => {
    expect(computeRecovery(series([50, 40, 5, 5]), lag)).toMatchObject({ status: "never_recovered", flaps: 0 });
  });

  it("restarts the settle window after a gap longer than settleMs", () => {
    // within from 10 s, but nothing between 10 and 100 s: the claim starts again at 100 s
    const gappy = computeRecovery(series([50, 5, 5, 5, 5], [0, 10, 100, 110, 120]), lag);
    expect(gappy).toMatchObject({ recoveredAtMs: 100_000, recoverySec: 100, status: "recovered" });
    // a gap of exactly settleMs still covers the window
    const exact = computeRecovery(series([50, 5, 5], [0, 10, 30]), lag);
    expect(exact).toMatchObject({ recoveredAtMs: 10_000, status: "recovered" });
    // a gap after the window is proven does not matter
    const later = computeRecovery(series([50, 5, 5, 5, 5], [0, 10, 20, 30, 500]), lag);
    expect(later).toMatchObject({ recoveredAtMs: 10_000, status: "recovered" });
    // a gap that is never followed by a full window leaves it unrecovered
    expect(computeRecovery(series([50, 5, 5], [0, 10, 100]), lag)).toMatchObject({ status: "never_recovered" });
  });

  it("handles a single sample after the fault", () => {
    expect(computeRecovery(series([5]), lag)).toEqual({
      recoveredAtMs: null,
      recoverySec: null,
      status: "insufficient_data",
      flaps: 0,
    });
    expect(computeRecovery(series([50]), lag)).toMatchObject({ status: "never_recovered", flaps: 0 });
  });

  it("reports insufficient data when there is nothing at or after the fault", () => {
    expect(computeRecovery(series([50, 5, 5]), { ...lag, faultAtMs: 20_001 })).toMatchObject({
      status: "insufficient_data",
    });
    expect(computeRecovery(series([]), lag)).toMatchObject({ status: "insufficient_data", flaps: 0 });
  });

  it("reports never breached when the metric stayed within for a proven window", () => {
    expect(computeRecovery(series([5, 5, 10]), lag)).toEqual({
      recoveredAtMs: null,
      recoverySec: null,
      status: "never_breached",
      flaps: 0,
    });
    // within but the samples are too far apart to prove anything
    expect(computeRecovery(series([5, 5], [0, 100]), lag)).toMatchObject({ status: "insufficient_data" });
  });

  it("counts a non-finite value as a breach", () => {
    const result = computeRecovery(series([50, 5, Number.NaN, 5, 5, 5]), lag);
    expect(result).toMatchObject({ recoveredAtMs: 30_000, status: "recovered", flaps: 1 });
  });

  it("sorts unsorted input first", () => {
    const result = computeRecovery(series([2, 3, 4, 5, 30, 80, 100], [60, 50, 40, 30, 20, 10, 0]), lag);
    expect(result).toMatchObject({ recoveredAtMs: 30_000, status: "recovered" });
  });

  it("recovers at the first return when settleMs is 0", () => {
    expect(computeRecovery(series([50, 5]), { ...lag, settleMs: 0 })).toMatchObject({ recoveredAtMs: 10_000 });
  });

  it("rejects mismatched arrays and bad options", () => {
    expect(() => computeRecovery({ timesMs: [0], values: [] }, lag)).toThrow(RangeError);
    expect(() => computeRecovery(series([1]), { ...lag, settleMs: -1 })).toThrow(RangeError);
    expect(() => computeRecovery(series([1]), { ...lag, threshold: Number.NaN })).toThrow(RangeError);
  });
});

describe("downsample (LTTB)", () => {
  it("returns a copy when the series is small enough", () => {
    const t = [0, 1, 2];
    const out = downsample(t, [1, 2, 3], 3);
    expect(out).toEqual({ timesMs: [0, 1, 2], values: [1, 2, 3] });
    expect(out.timesMs).not.toBe(t);
  });

  it("keeps the spike in the middle bucket", () => {
    expect(downsample([0, 1, 2, 3, 4], [0, 0, 10, 0, 0], 3)).toEqual({ timesMs: [0, 2, 4], values: [0, 10, 0] });
  });

  it("picks the largest triangle in each bucket (hand-computed)", () => {
    // 8 points → 4: buckets {1,2,3} and {4,5,6}.
    // Bucket 1, anchor (0,0), next-bucket average (5,-1/3): doubled areas 5.33, 45.67, 11 → point 2.
    // Bucket 2, anchor (2,9), next point (7,0): doubled areas 12, 58, 11 → point 5.
    const out = downsample([0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 9, 2, 3, -8, 4, 0], 4);
    expect(out).toEqual({ timesMs: [0, 2, 5, 7], values: [0, 9, -8, 0] });
  });

  it("keeps only the ends when asked for two points", () => {
    expect(downsample([0, 1, 2, 3], [4, 5, 6, 7], 2)).toEqual({ timesMs: [0, 3], values: [4, 7] });
  });

  it("returns exactly maxPoints ascending points from a long series, ends included", () => {
    const n = 10_000;
    const t = Array.from({ length: n }, (_, i) => i * 1000);
    const v = t.map((x, i) => (i === 4321 ? 1e6 : Math.sin(x / 60_000)));
    const out = downsample(t, v, 500);
    expect(out.timesMs).toHaveLength(500);
    expect(out.timesMs[0]).toBe(0);
    expect(out.timesMs[499]).toBe((n - 1) * 1000);
    expect(out.timesMs.every((x, i) => i === 0 || out.timesMs[i - 1] < x)).toBe(true);
    expect(out.values).toContain(1e6);
  });

  it("rejects bad arguments", () => {
    expect(() => downsample([0, 1], [1], 2)).toThrow(RangeError);
    expect(() => downsample([0, 1, 2], [1, 2, 3], 1)).toThrow(RangeError);
    expect(() => downsample([0, 1, 2], [1, 2, 3], 2.5)).toThrow(RangeError);
  });
});
