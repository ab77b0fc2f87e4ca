import { describe, expect, it } from "vitest";
import { formatDay, formatLongDay, formatLongMinutes, formatShortDay, formatUtc, formatUtcMinutes, formatUtcTime, toDateTimeInput } from "./dates";

const at = "2026-12-02T07:07:07.123Z";

describe("dates", () => {
  it("reads a time in UTC to the second, the minute, or the time of day", () => {
    expect(formatUtc(at)).toBe("2026-12-02 07:07:07 UTC");
    expect(formatUtcMinutes(at)).toBe("2026-12-02 07:07 UTC");
    expect(formatUtcMinutes(null)).toBe("—");
    expect(formatUtcTime(new Date(at))).toBe("07:07:07");
  });

  it("reads a day as ISO or in words, the same in every time zone", () => {
    expect(formatDay(at)).toBe("2026-12-02");
    expect(formatLongDay(at)).toBe("2 Dec 2026");
    expect(formatLongDay("2025-06-30")).toBe("30 Jun 2025");
    expect(formatLongDay("2026-12-01T23:30:00.000Z")).toBe("1 Dec 2026");
    expect(formatShortDay(Date.parse(at))).toBe("2 Dec");
  });

  it("reads a day in words with the minute", () => {
    expect(formatLongMinutes(at)).toBe("2 Dec 2026, 07:07 UTC");
    expect(formatLongMinutes("2025-06-30T14:05:59Z")).toBe("30 Jun 2025, 14:05 UTC");
  });

  it("gives a datetime-local input its value", () => {
    expect(toDateTimeInput(at)).toBe("2026-12-02T07:07:07");
    expect(toDateTimeInput(null)).toBe("");
  });
});
