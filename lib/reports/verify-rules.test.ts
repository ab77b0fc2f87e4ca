import { describe, expect, it } from "vitest";
import type { Json } from "@/lib/readiness/content-hash";
import { firstDifference } from "./verify-rules";

const evidence = { kind: "link", title: "Grafana: URP", url: "https://grafana.example/d/urp", capturedAt: "2026-05-01T00:00:00.000Z" };
const doc = (items: Json[]): Json => ({ format: "drillbook.scorecard-content/v1", items });
const item = (key: string, extra: Record<string, Json> = {}): Json => ({
  key,
  status: "pass",
  justification: "",
  notes: "",
  ownerRole: "sre",
  evidence: [evidence],
  exemptions: [],
  ...extra,
});

describe("firstDifference", () => {
  it("is null for equal documents", () => {
    expect(firstDifference(doc([item("a"), item("b")]), doc([item("a"), item("b")]))).toBeNull();
  });

  it("names the item and field that differ, with both values", () => {
    expect(firstDifference(doc([item("a"), item("b", { status: "pass" })]), doc([item("a"), item("b", { status: "partial" })]))).toBe(
      "item b: status is “pass” in the report, “partial” in Drillbook",
    );
  });

  it("names a piece of evidence by its title and the field that differs", () => {
    const redated = { ...evidence, capturedAt: "2026-01-08T09:30:00.000Z" };
    expect(firstDifference(doc([item("a")]), doc([item("a", { evidence: [redated] })]))).toBe(
      "item a: piece of evidence “Grafana: URP”: capturedAt is “2026-05-01T00:00:00.000Z” in the report, “2026-01-08T09:30:00.000Z” in Drillbook",
    );
    expect(firstDifference(doc([item("a", { evidence: [] })]), doc([item("a")]))).toBe("item a: the report lists 0 pieces of evidence, Drillbook 1");
  });

  it("says which side lacks an item", () => {
    expect(firstDifference(doc([item("a")]), doc([item("a"), item("b")]))).toBe("item b is missing from the report");
    expect(firstDifference(doc([item("a"), item("z")]), doc([item("a")]))).toBe("item z is in the report but not in the scorecard");
  });
});
