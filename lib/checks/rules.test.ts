import { describe, expect, it } from "vitest";
import { checkWindow, describeCondition, describeResult, evaluateCheck, meets, nextSlot, retryDelaySeconds, slotFor } from "./rules";

const at = (iso: string) => new Date(iso);

describe("check slots", () => {
  it("floors to the UTC hour, day and Monday", () => {
    const t = at("2026-12-02T07:41:13.500Z"); // a Wednesday
    expect(slotFor("hourly", t).toISOString()).toBe("2026-12-02T07:00:00.000Z");
    expect(slotFor("daily", t).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(slotFor("weekly", t).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(slotFor("weekly", at("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(slotFor("weekly", at("2026-11-29T23:59:59Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("steps one period on, from any moment of the slot", () => {
    expect(nextSlot("hourly", at("2026-12-02T07:00:00Z")).toISOString()).toBe("2026-12-02T08:00:00.000Z");
    expect(nextSlot("daily", at("2026-12-31T13:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(nextSlot("weekly", at("2026-12-02T07:41:00Z")).toISOString()).toBe("2026-12-07T00:00:00.000Z");
  });

  it("backs off 1, 5 and 15 minutes", () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 300, 900, 900]);
  });

  it("evaluates a window at one point a minute or coarser, under Prometheus' point limit", () => {
    const end = at("2026-12-02T07:00:00Z");
    expect(checkWindow(end, 86_400)).toEqual({ start: at("2026-12-01T07:00:00Z"), end, stepSeconds: 60 });
    const week = checkWindow(end, 30 * 86_400);
    expect((30 * 86_400) / week.stepSeconds).toBeLessThanOrEqual(11_000);
  });
});

describe("check conditions", () => {
  it("compares with every operator", () => {
    expect([meets(0, "==", 0), meets(1, "!=", 0), meets(1, "<", 2), meets(2, "<=", 2), meets(3, ">", 2), meets(2, ">=", 2)]).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([meets(1, "==", 0), meets(0, "!=", 0), meets(2, "<", 2), meets(3, "<=", 2), meets(2, ">", 2), meets(1, ">=", 2)]).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("passes only when every sample of every series meets it, and names the first that did not", () => {
    const t0 = Date.parse("2026-12-02T03:00:00Z");
    const series = [
      { labels: { broker: "1" }, timesMs: [t0, t0 + 60_000, t0 + 120_000], values: [0, 0, 0] },
      { labels: { broker: "2" }, timesMs: [t0, t0 + 60_000, t0 + 120_000], values: [0, 14, 3] },
    ];
    const e = evaluateCheck(series, "==", 0)!;
    expect(e).toMatchObject({ passed: false, points: 6, min: 0, max: 14, last: 3, firstViolation: { atMs: t0 + 60_000, value: 14, series: '{broker="2"}' } });
    expect(describeResult("URP stays at 0", e, "==", 0)).toBe('Check “URP stays at 0” failed at 03:01 UTC: 14 (needs == 0) in {broker="2"}; max 14');
    const ok = evaluateCheck([series[0]], "==", 0)!;
    expect(ok.passed).toBe(true);
    expect(describeResult("URP stays at 0", ok, "==", 0)).toBe("Check “URP stays at 0” passed: min 0, max 0 (== 0) over 3 samples");
    expect(evaluateCheck([], "<", 1)).toBeNull();
    expect(evaluateCheck([{ labels: {}, timesMs: [], values: [] }], "<", 1)).toBeNull();
  });

  it("reads as a sentence", () => {
    expect(describeCondition("<", 1000, 86_400)).toBe("value < 1,000 at every step over the last 24 h");
  });
});
