import { describe, expect, it } from "vitest";
import { daysAhead, fresh, granted, item, run, stale } from "@/test/support/outcome-fixtures";

describe("computeOutcome — score and risks", () => {
  it("weights credit by item weight (checked by hand)", () => {
    // applicable: 3×1 (pass) + 2×0.5 (partial) + 1×0 (fail) = 4 of 6 → 66.666… → 66.7
    // the not-applicable item (weight 4) is left out of both sums
    const result = run([
      item({ weight: 3, status: "pass" }),
      item({ weight: 2, status: "partial" }),
      item({ weight: 1, status: "fail" }),
      item({ weight: 4, status: "not_applicable", justification: "Not on this platform" }),
    ]);
    expect(result.score).toBe(66.7);
  });

  it("rounds to one decimal", () => {
    // 1×0.5 of 3 → 16.666… → 16.7; 1 of 3 → 33.3
    expect(run([item({ status: "partial" }), item({ status: "fail" }), item({ status: "fail" })]).score).toBe(16.7);
    expect(run([item(), item({ status: "fail" }), item({ status: "fail" })]).score).toBe(33.3);
  });

  it("scores a stale-only pass at half credit", () => {
    // 2×1 + 2×0.5 (stale-only pass) = 3 of 4 → 75
    expect(run([item({ weight: 2 }), item({ weight: 2, evidence: [stale()] })]).score).toBe(75);
  });

  it("gives no credit to in-progress, not-started or failed items", () => {
    const result = run([item({ status: "in_progress" }), item({ status: "not_started" }), item({ status: "fail" })]);
    expect(result.score).toBe(0);
  });

  it("treats negative weights as zero and falls back to equal weights when all are zero", () => {
    // weights 1 (pass) and -5 → 0 (fail): 1 of 1 → 100
    expect(run([item({ weight: 1 }), item({ weight: -5, status: "fail" })]).score).toBe(100);
    // all zero → equal: 1 + 0.5 of 2 → 75
    expect(run([item({ weight: 0 }), item({ weight: 0, status: "partial" })]).score).toBe(75);
  });

  it("counts high risks on blocking items and medium risks on the others", () => {
    const result = run([
      item({ blocking: true, status: "fail" }),
      item({ role: "rollback", status: "partial" }),
      item({ blocking: true }),
      item({ status: "in_progress" }),
      item({ status: "pass", evidence: [stale()] }),
      item({ status: "fail", exemptions: [granted(daysAhead(3))] }),
    ]);
    expect(result.highRisks).toBe(2);
    expect(result.mediumRisks).toBe(2);
  });

  it("counts stale evidence only on items in play", () => {
    const result = run([
      item({ evidence: [stale(), fresh()] }),
      item({ status: "pass", evidence: [stale(), stale()], exemptions: [granted(daysAhead(3))] }),
      item({ status: "not_applicable", justification: "n/a", evidence: [stale()] }),
    ]);
    expect(result.staleEvidenceCount).toBe(1);
  });
});

describe("computeOutcome — sections", () => {
  it("summarises each section in the order first seen", () => {
    const result = run([
      item({ sectionKey: "meta", sectionTitle: "Metadata and leadership", status: "pass" }),
      item({ sectionKey: "log", sectionTitle: "Durable log state", status: "not_started" }),
      item({ sectionKey: "meta", sectionTitle: "Metadata and leadership", status: "partial" }),
      item({ sectionKey: "log", sectionTitle: "Durable log state", status: "not_applicable", justification: "n/a" }),
      item({ sectionKey: "client", sectionTitle: "Client progress", status: "pass" }),
      item({ sectionKey: "client", sectionTitle: "Client progress", status: "not_applicable", justification: "x" }),
      item({ sectionKey: "ops", sectionTitle: "Operational capacity", blocking: true, status: "in_progress" }),
      item({ sectionKey: "ops", sectionTitle: "Operational capacity", status: "pass" }),
    ]);
    expect(result.sections).toEqual([
      { key: "meta", title: "Metadata and leadership", status: "attention", passed: 1, applicable: 2, total: 2 },
      { key: "log", title: "Durable log state", status: "not_started", passed: 0, applicable: 1, total: 2 },
      { key: "client", title: "Client progress", status: "passed", passed: 1, applicable: 1, total: 2 },
      { key: "ops", title: "Operational capacity", status: "blocked", passed: 1, applicable: 2, total: 2 },
    ]);
  });

  it("marks a section blocked even when its blocking item has not started", () => {
    const result = run([item({ role: "failure_drill", status: "not_started" }), item({ status: "not_started" })]);
    expect(result.sections[0].status).toBe("blocked");
  });

  it("does not mark a section passed when a pass only has stale evidence", () => {
    const result = run([item(), item({ evidence: [stale()] })]);
    expect(result.sections[0]).toMatchObject({ status: "attention", passed: 1, applicable: 2 });
  });
});
