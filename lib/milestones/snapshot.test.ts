import { describe, expect, it } from "vitest";
import { compareSnapshots, type MilestoneSnapshot, type SnapshotItem } from "./snapshot";

const item = (key: string, overrides: Partial<SnapshotItem> = {}): SnapshotItem => ({
  key,
  title: key.toUpperCase(),
  sectionKey: "s1",
  blocking: false,
  weight: 1,
  status: "not_started",
  effectiveStatus: "not_started",
  exempted: false,
  justification: "",
  notes: "",
  ownerRole: "sre",
  evidence: [],
  ...overrides,
});

const snapshot = (items: SnapshotItem[], overrides: Partial<MilestoneSnapshot> = {}): MilestoneSnapshot => ({
  format: 1,
  scorecard: { title: "t", version: 1, cluster: "c", templateKey: "k", templateName: "K", templateVersion: 1 },
  outcome: "not_ready",
  score: 0,
  highRisks: 0,
  mediumRisks: 0,
  staleEvidenceCount: 0,
  nextOutcome: "limited_workload",
  reasons: [],
  sections: [{ key: "s1", title: "Section one", status: "not_started", passed: 0, applicable: 1, total: 1 }],
  items,
  ...overrides,
});

const link = {
  kind: "link" as const,
  title: "Dash",
  url: "https://x",
  filename: null,
  sha256: null,
  drillTitle: null,
  capturedAt: "2025-01-01T00:00:00.000Z",
  realisticTraffic: true,
  stale: false,
};

describe("compareSnapshots", () => {
  it("lines items up by key and says what changed in plain words", () => {
    const before = snapshot([item("a"), item("b", { notes: "n" }), item("gone")]);
    const after = snapshot([item("a", { status: "pass", effectiveStatus: "pass", evidence: [link] }), item("b", { notes: "n" }), item("new")]);
    expect(compareSnapshots(before, after).map((r) => [r.key, r.changes, r.sectionTitle])).toEqual([
      ["a", ["status", "evidence"], "Section one"],
      ["b", [], "Section one"],
      ["new", ["added"], "Section one"],
      ["gone", ["removed"], "Section one"],
    ]);
  });

  it("reports a status that counts differently (for example an exemption) even when the status is the same", () => {
    const before = snapshot([item("a", { status: "fail", effectiveStatus: "fail" })]);
    const after = snapshot([item("a", { status: "fail", effectiveStatus: "not_applicable", exempted: true })]);
    expect(compareSnapshots(before, after)[0].changes).toEqual(["counted status"]);
  });
});
