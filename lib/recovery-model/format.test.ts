import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration } from "./format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [0.5, "0.5 B"],
    [999, "999 B"],
    [1500, "1.5 kB"],
    [999_600, "1 MB"],
    [5e9, "5 GB"],
    [6.48e12, "6.48 TB"],
    [1.2345e15, "1.23 PB"],
    [5e18, "5000 PB"],
  ])("%d bytes → %s", (bytes, label) => {
    expect(formatBytes(bytes)).toBe(label);
  });

  it("rejects negative and non-finite values", () => {
    expect(() => formatBytes(-1)).toThrow(RangeError);
    expect(() => formatBytes(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [59.6, "1 min"],
    [200, "3 min 20 s"],
    [3599.6, "1 h"],
    [26_640, "7 h 24 min"],
    [64_800, "18 h"],
    [86_370, "1 d"],
    [129_600, "1 d 12 h"],
    [Infinity, "never"],
  ])("%d s → %s", (seconds, label) => {
    expect(formatDuration(seconds)).toBe(label);
  });

  it("rejects negative and NaN durations", () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});
