import { describe, expect, it } from "vitest";
import { dayField, endOfUtcDay, optionalDayField, startOfUtcDay } from "./date-field";
import { dateTimeField } from "@/lib/drills/schema";

describe("day fields", () => {
  it("reads YYYY-MM-DD as midnight UTC", () => {
    expect(dayField("Due").parse("2025-06-30")).toEqual(new Date("2025-06-30T00:00:00.000Z"));
    expect(optionalDayField("Due").parse("")).toBeNull();
    expect(optionalDayField("Due").parse(undefined)).toBeNull();
  });

  it.each(["2025-02-30", "30/06/2025", "2025-6-1", "soon"])("refuses %s with a readable message", (value) => {
    expect(dayField("Due date").safeParse(value).error?.issues[0].message).toBe("Due date must be a date like 2025-06-30");
  });

  it("says a missing required day is required", () => {
    expect(dayField("Expiry date").safeParse("  ").error?.issues[0].message).toBe("Expiry date is required");
  });

  it("bounds a day in UTC", () => {
    const noon = new Date("2025-06-30T12:34:56.000Z");
    expect(startOfUtcDay(noon).toISOString()).toBe("2025-06-30T00:00:00.000Z");
    expect(endOfUtcDay(noon).toISOString()).toBe("2025-06-30T23:59:59.999Z");
  });
});

describe("day bounds", () => {
  it.each(["0000-01-01", "1969-12-31", "0001-01-01"])("refuses %s, which PostgreSQL cannot store or no review needs", (value) => {
    expect(dayField("Due date").safeParse(value).error?.issues[0].message).toBe("Due date must be between 1970-01-01 and 9999-12-31");
    expect(optionalDayField("Due date").safeParse(value).error?.issues[0].message).toBe("Due date must be between 1970-01-01 and 9999-12-31");
  });

  it("accepts the first and last day of the range", () => {
    expect(dayField("Due").parse("1970-01-01")).toEqual(new Date(0));
    expect(dayField("Due").parse("9999-12-31").toISOString()).toBe("9999-12-31T00:00:00.000Z");
  });

  it("refuses a NUL character", () => {
    expect(dayField("Due").safeParse("2025-01-01\u0000").success).toBe(false);
  });
});

describe("drill times share the day bounds", () => {
  it("refuses a start before 1970-01-01 and accepts the first moment of the range", () => {
    const field = dateTimeField("Start");
    expect(field.safeParse("1969-12-31T23:59").error?.issues[0].message).toBe("Start must be between 1970-01-01 and 9999-12-31");
    expect(field.parse("1970-01-01T00:00")).toEqual(new Date(0));
    expect(field.safeParse("0000-01-01T00:00").success).toBe(false);
  });
});
