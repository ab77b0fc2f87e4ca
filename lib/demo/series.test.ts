import { describe, expect, it } from "vitest";
import { lagSeries, recoveryTrafficSeries, underReplicatedSeries, type DrillShape } from "./series";

const shape: DrillShape = {
  faultMs: Date.UTC(2026, 10, 1, 10, 0),
  baselineLag: 300,
  peakLag: 180_000,
  lagRecoveredSec: 465,
  underReplicated: 140,
  catchUpSec: 720,
  recoveryMBps: 95,
};
const secondsOf = (iso: string) => (Date.parse(iso) - shape.faultMs) / 1000;

describe("demo drill series", () => {
  it("spikes the lag to its peak and brings it under the threshold at the recovery time, for good", () => {
    const lag = lagSeries(shape, 1000);
    expect(Math.max(...lag.map(([, v]) => v))).toBe(180_000);
    const lastAbove = lag.filter(([, v]) => v >= 1000).at(-1)!;
    expect(secondsOf(lastAbove[0])).toBeLessThan(465);
    expect(secondsOf(lastAbove[0])).toBeGreaterThan(465 - 30);
    expect(lag.filter(([t]) => secondsOf(t) >= 465).every(([, v]) => v < 1000)).toBe(true);
  });

  it("shows the under-replicated partitions drain to zero by catch-up, while recovery traffic runs", () => {
    const urp = underReplicatedSeries(shape);
    expect(urp.filter(([t]) => secondsOf(t) < 15).every(([, v]) => v === 0)).toBe(true);
    expect(Math.max(...urp.map(([, v]) => v))).toBe(140);
    expect(urp.filter(([t]) => secondsOf(t) >= 720).every(([, v]) => v === 0)).toBe(true);
    const traffic = recoveryTrafficSeries(shape);
    expect(traffic.find(([t]) => secondsOf(t) === 300)![1]).toBeGreaterThan(80);
    expect(traffic.find(([t]) => secondsOf(t) === 900)![1]).toBe(4);
  });
});
