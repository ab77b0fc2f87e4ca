import { describe, expect, it } from "vitest";
import { drillAsFormValues } from "./conflict-values";

const stored = {
  id: "d1",
  version: 3,
  title: "Kill broker 3",
  observers: ["ana", "li"],
  startedAt: new Date("2026-03-01T10:00:00.000Z"),
  endedAt: new Date("2026-03-01T10:42:05.000Z"),
  realisticTraffic: true,
  rollbackNamedBefore: false,
  updatedAt: new Date("2026-03-02T08:00:00.000Z"),
};

describe("drillAsFormValues", () => {
  it("writes times as a datetime-local input posts them, seconds only when not zero", () => {
    const form = drillAsFormValues(stored);
    expect(form.startedAt).toBe("2026-03-01T10:00");
    expect(form.endedAt).toBe("2026-03-01T10:42:05");
    expect(drillAsFormValues({ ...stored, endedAt: null }).endedAt).toBe("");
  });

  it("writes ticks as a checkbox posts them and leaves every other field as stored", () => {
    const form = drillAsFormValues(stored);
    expect(form).toMatchObject({ realisticTraffic: "on", rollbackNamedBefore: "" });
    expect(form).toMatchObject({ id: "d1", version: 3, title: "Kill broker 3", observers: ["ana", "li"], updatedAt: stored.updatedAt });
  });
});
