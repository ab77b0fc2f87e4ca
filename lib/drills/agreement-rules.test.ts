import { describe, expect, it } from "vitest";
import { recoveryDisagreements, samplingStepSec } from "./agreement-rules";

const lag = (recoverySec: number | null, stepSec = 15) => ({ metric: "consumer_lag", recoveryKey: "lagRecoveredSec" as const, recoverySec, stepSec });
const FROM_START = "the drill's start (no fault marked on the timeline)";

describe("samplingStepSec", () => {
  it("is the median gap between samples, robust to one missing scrape", () => {
    expect(samplingStepSec([0, 15_000, 30_000, 60_000, 75_000])).toBe(15);
    expect(samplingStepSec([0])).toBe(0);
  });
});

describe("recoveryDisagreements", () => {
  it("flags a typed time that differs from the chart's by more than one sampling step", () => {
    expect(recoveryDisagreements([lag(480)], { lagRecoveredSec: 360 }, FROM_START)).toEqual([
      { key: "lagRecoveredSec", metric: "consumer_lag", typedSec: 360, computedSec: 480, stepSec: 15, reference: FROM_START },
    ]);
  });

  it("accepts a difference within one sampling step, and says nothing without both numbers", () => {
    expect(recoveryDisagreements([lag(465)], { lagRecoveredSec: 450 }, FROM_START)).toEqual([]);
    expect(recoveryDisagreements([lag(null)], { lagRecoveredSec: 360 }, FROM_START)).toEqual([]);
    expect(recoveryDisagreements([lag(480)], { lagRecoveredSec: null }, FROM_START)).toEqual([]);
    expect(recoveryDisagreements([{ metric: "urp", recoveryKey: null, recoverySec: 600, stepSec: 15 }], { lagRecoveredSec: 1 }, FROM_START)).toEqual([]);
  });
});
