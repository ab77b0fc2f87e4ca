import { describe, expect, it } from "vitest";
import { activeExemption, isStale, type RuleExemption } from "./rules";
import { daysAgo, daysAhead, drill, fresh, granted, item, NOW, run, stale, texts } from "@/test/support/outcome-fixtures";

describe("isStale", () => {
  it("treats the window as inclusive and anything older as stale", () => {
    expect(isStale(daysAgo(90), 90, NOW)).toBe(false);
    expect(isStale(new Date(daysAgo(90).getTime() - 1), 90, NOW)).toBe(true);
    expect(isStale(daysAgo(0), 90, NOW)).toBe(false);
  });

  it("counts future timestamps (clock skew) as fresh", () => {
    expect(isStale(daysAhead(2), 90, NOW)).toBe(false);
  });

  it("honours a per-cluster window", () => {
    expect(isStale(daysAgo(31), 30, NOW)).toBe(true);
    expect(isStale(daysAgo(31), 60, NOW)).toBe(false);
  });
});

describe("activeExemption", () => {
  it("returns a granted exemption that expires after now", () => {
    const exemption = granted(daysAhead(1));
    expect(activeExemption([exemption], NOW)).toBe(exemption);
  });

  it("ignores expired exemptions, including one expiring exactly now", () => {
    expect(activeExemption([granted(daysAgo(1))], NOW)).toBeUndefined();
    expect(activeExemption([granted(NOW)], NOW)).toBeUndefined();
  });

  it("ignores requested and denied exemptions", () => {
    const pending: RuleExemption[] = [
      { status: "requested", expiresAt: daysAhead(30) },
      { status: "denied", expiresAt: daysAhead(30) },
    ];
    expect(activeExemption(pending, NOW)).toBeUndefined();
  });

  it("picks the latest-expiring of several granted exemptions", () => {
    const later = granted(daysAhead(60));
    expect(activeExemption([granted(daysAhead(5)), later, granted(daysAgo(3))], NOW)).toBe(later);
  });
});

describe("computeOutcome — edge cases", () => {
  it("is not ready when the scorecard has no items", () => {
    const result = run([]);
    expect(result.outcome).toBe("not_ready");
    expect(result.nextOutcome).toBe("limited_workload");
    expect(result.score).toBe(0);
    expect(result.sections).toEqual([]);
    expect(result.reasons).toEqual([{ severity: "blocker", text: "This scorecard has no items, so nothing can be validated" }]);
  });

  it("is not ready when every item is not applicable (justified or exempted)", () => {
    const result = run([
      item({ status: "not_applicable", justification: "No tiered storage on this cluster" }),
      item({ status: "fail", blocking: true, exemptions: [granted(daysAhead(10))] }),
    ]);
    expect(result.outcome).toBe("not_ready");
    expect(result.score).toBe(0);
    expect(result.highRisks + result.mediumRisks).toBe(0);
    expect(texts(result)).toEqual(["Every item is marked not applicable, so nothing has been validated"]);
    expect(result.sections[0]).toMatchObject({ status: "passed", passed: 0, applicable: 0, total: 2 });
  });

  it("does not mutate its input", () => {
    const drills = [drill({ id: "old", startedAt: daysAgo(50) }), drill({ id: "new", startedAt: daysAgo(1) })];
    const items = [item()];
    const before = JSON.stringify({ items, drills });
    run(items, drills);
    expect(JSON.stringify({ items, drills })).toBe(before);
  });
});

describe("computeOutcome — ready for production test", () => {
  it("needs every applicable item passed with fresh evidence and a clean realistic drill", () => {
    const result = run([item({ blocking: true, role: "failure_drill" }), item(), item({ role: "rollback" })]);
    expect(result.outcome).toBe("production_test");
    expect(result.nextOutcome).toBeNull();
    expect(result.reasons).toEqual([]);
    expect(result.score).toBe(100);
    expect(result.highRisks).toBe(0);
    expect(result.mediumRisks).toBe(0);
    expect(result.items.every((i) => i.fresh && i.effectiveStatus === "pass")).toBe(true);
  });

  it("ignores waived and justified not-applicable items", () => {
    const result = run([
      item(),
      item({ status: "not_applicable", justification: "No WAL on broker-local storage" }),
      item({ status: "fail", blocking: true, exemptions: [granted(daysAhead(30))] }),
    ]);
    expect(result.outcome).toBe("production_test");
    expect(result.score).toBe(100);
    expect(result.items[2]).toMatchObject({ effectiveStatus: "not_applicable", exempted: true });
  });

  it("accepts not-assessed answers and any one clean drill among red ones", () => {
    const result = run(
      [item()],
      [
        drill({ id: "red", title: "Zone impairment", answers: ["red", "green", "green", "green", "green"] }),
        drill({ id: "ok", startedAt: daysAgo(40), answers: ["green", "not_assessed", "green", "green", "green"] }),
      ],
    );
    expect(result.outcome).toBe("production_test");
  });

  it("counts a drill whose matrix says a question does not apply as one with no red answer", () => {
    const result = run([item()], [drill({ answers: ["green", "green", "does_not_apply", "green", "green"] })]);
    expect(result.outcome).toBe("production_test");
    // only red disqualifies: a matrix of does-not-apply and not-assessed answers does not
    expect(run([item()], [drill({ answers: ["does_not_apply", "not_assessed", "does_not_apply", "not_assessed", "green"] })]).outcome).toBe("production_test");
  });

  it("accepts a drill exactly at the edge of the freshness window", () => {
    expect(run([item()], [drill({ startedAt: daysAgo(90) })]).outcome).toBe("production_test");
  });
});

describe("computeOutcome — not ready", () => {
  it("is not ready when a blocking item failed", () => {
    const failing = item({ title: "Client compatibility", blocking: true, status: "fail" });
    const result = run([item(), failing]);
    expect(result.outcome).toBe("not_ready");
    expect(result.nextOutcome).toBe("limited_workload");
    expect(result.highRisks).toBe(1);
    expect(result.reasons).toEqual([{ severity: "blocker", itemId: failing.id, text: "Client compatibility is blocking and failed" }]);
  });

  it("treats every blocking item alike: not started or partial also blocks", () => {
    const result = run([
      item({ title: "Offset behavior", blocking: true, status: "not_started" }),
      item({ title: "Capacity headroom", blocking: true, status: "partial" }),
    ]);
    expect(result.outcome).toBe("not_ready");
    expect(texts(result)).toEqual([
      "Offset behavior is blocking and not passed yet (not started)",
      "Capacity headroom is blocking and not passed yet (partial)",
    ]);
  });

  it("treats the failure-drill and rollback items as blocking even when not flagged", () => {
    const result = run([
      item({ title: "Failure drill", role: "failure_drill", blocking: false, status: "in_progress" }),
      item({ title: "Rollback", role: "rollback", blocking: false, status: "pass" }),
    ]);
    expect(result.outcome).toBe("not_ready");
    expect(result.highRisks).toBe(1);
    expect(result.mediumRisks).toBe(0);
    expect(texts(result)).toEqual(["Failure drill is blocking and not passed yet (in progress)"]);
  });

  it("counts a blocking pass whose evidence is all stale as partial", () => {
    const rollback = item({ title: "Rollback", role: "rollback", blocking: true, evidence: [stale(), stale()] });
    const result = run([item(), rollback]);
    expect(result.outcome).toBe("not_ready");
    expect(result.items[1]).toMatchObject({ effectiveStatus: "partial", staleOnly: true, fresh: false });
    expect(result.staleEvidenceCount).toBe(2);
    expect(texts(result)).toEqual(["Rollback has only stale evidence (older than 90 days); it is blocking, so it needs fresh evidence"]);
  });

  it("keeps a hand-marked not-applicable failure drill in play (only an exemption waives it)", () => {
    const result = run([item({ title: "Failure drill", role: "failure_drill", status: "not_applicable", justification: "Later" })]);
    expect(result.outcome).toBe("not_ready");
    expect(result.items[0].effectiveStatus).toBe("not_started");
    expect(texts(result)[0]).toMatch(/^Failure drill is blocking and not passed yet: .*approved exemption$/);
  });

  it("blocks on a blocking item marked not applicable without a justification", () => {
    const result = run([item({ title: "Storage path", blocking: true, status: "not_applicable", justification: "  " })]);
    expect(result.outcome).toBe("not_ready");
    expect(result.items[0].effectiveStatus).toBe("not_started");
    expect(texts(result)).toEqual([
      "Storage path is marked not applicable without a justification, so it counts as not started; it is blocking and not passed yet",
    ]);
  });

  it("only lists blockers, not the gaps towards production test", () => {
    const result = run([item({ blocking: true, status: "fail" }), item({ status: "partial" })], []);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0].severity).toBe("blocker");
  });
});

describe("computeOutcome — exemptions", () => {
  it("puts an item with an expired exemption back in play and says so", () => {
    const lapsed = item({
      title: "Observability",
      status: "fail",
      exemptions: [granted(new Date("2026-05-01T00:00:00Z"))],
    });
    const result = run([item(), lapsed]);
    expect(result.items[1]).toMatchObject({ effectiveStatus: "fail", exempted: false });
    expect(result.outcome).toBe("limited_workload");
    expect(result.mediumRisks).toBe(1);
    expect(result.score).toBe(50);
    expect(texts(result)).toEqual(["Observability failed (its exemption expired on 2026-05-01)"]);
  });

  it("makes a blocking item block again once its exemption expires exactly now", () => {
    const result = run([item({ blocking: true, status: "fail", exemptions: [granted(NOW)] })]);
    expect(result.outcome).toBe("not_ready");
    expect(result.highRisks).toBe(1);
  });

  it("ignores requested and denied exemptions", () => {
    const result = run([
      item({
        blocking: true,
        status: "fail",
        exemptions: [
          { status: "requested", expiresAt: daysAhead(30) },
          { status: "denied", expiresAt: daysAhead(30) },
        ],
      }),
    ]);
    expect(result.outcome).toBe("not_ready");
    expect(result.items[0].exempted).toBe(false);
  });

  it("waives a failure-drill item through a granted exemption", () => {
    const result = run([item(), item({ role: "failure_drill", blocking: true, status: "not_started", exemptions: [granted(daysAhead(7))] })]);
    expect(result.outcome).toBe("production_test");
  });
});

describe("computeOutcome — ready for limited workload", () => {
  it("reports a non-blocking stale-only pass as a gap", () => {
    const result = run([item(), item({ title: "Observability", evidence: [stale()] })]);
    expect(result.outcome).toBe("limited_workload");
    expect(result.nextOutcome).toBe("production_test");
    expect(result.items[1]).toMatchObject({ effectiveStatus: "partial", staleOnly: true, fresh: false });
    expect(result.score).toBe(75);
    expect(result.mediumRisks).toBe(1);
    expect(result.reasons).toEqual([{ severity: "gap", itemId: result.items[1].id, text: "Observability has only stale evidence (older than 90 days)" }]);
  });

  it("keeps a pass with at least one fresh piece of evidence, counting the stale ones", () => {
    const result = run([item({ evidence: [stale(), fresh(), stale()] })]);
    expect(result.items[0]).toMatchObject({ effectiveStatus: "pass", staleOnly: false, fresh: true });
    expect(result.staleEvidenceCount).toBe(2);
    expect(result.outcome).toBe("production_test");
  });

  it("scores a pass without evidence as a pass but keeps it from production test", () => {
    const result = run([item(), item({ title: "Security boundaries", evidence: [] })]);
    expect(result.score).toBe(100);
    expect(result.items[1]).toMatchObject({ effectiveStatus: "pass", staleOnly: false, fresh: false });
    expect(result.outcome).toBe("limited_workload");
    expect(texts(result)).toEqual(["Security boundaries is marked pass but has no evidence attached"]);
  });

  it("counts a non-blocking not-applicable item without justification as not started", () => {
    const result = run([item(), item({ title: "Cost model", status: "not_applicable", justification: null })]);
    expect(result.items[1].effectiveStatus).toBe("not_started");
    expect(result.score).toBe(50);
    expect(result.mediumRisks).toBe(1);
    expect(result.outcome).toBe("limited_workload");
    expect(texts(result)).toEqual(["Cost model is marked not applicable without a justification, so it counts as not started"]);
  });

  it("lists non-blocking items that are not passed, with their status", () => {
    const result = run([item({ title: "A", status: "in_progress" }), item({ title: "B", status: "fail" })]);
    expect(result.outcome).toBe("limited_workload");
    expect(texts(result)).toEqual(["A is not passed yet (in progress)", "B failed"]);
  });

  it("needs a drill: none recorded", () => {
    const result = run([item()], []);
    expect(result.outcome).toBe("limited_workload");
    expect(result.reasons).toEqual([{ severity: "gap", text: "No drill has been recorded for this cluster yet" }]);
  });

  it("needs a drill within the freshness window", () => {
    const result = run([item()], [drill({ startedAt: new Date("2026-01-15T09:00:00Z") }), drill({ startedAt: daysAgo(200) })]);
    expect(result.outcome).toBe("limited_workload");
    expect(texts(result)).toEqual(["No drill in the last 90 days (the latest started on 2026-01-15)"]);
  });

  it("uses the scorecard's freshness window for drills", () => {
    const drills = [drill({ startedAt: daysAgo(45) })];
    expect(run([item()], drills, 30).outcome).toBe("limited_workload");
    expect(run([item()], drills, 60).outcome).toBe("production_test");
  });

  it("needs a drill under realistic traffic", () => {
    const result = run([item()], [drill({ realisticTraffic: false })]);
    expect(result.outcome).toBe("limited_workload");
    expect(texts(result)).toEqual(["No drill under realistic traffic in the last 90 days"]);
  });

  it("needs a drill without a red answer and names each red drill", () => {
    const result = run(
      [item()],
      [
        drill({ title: "Zone impairment", answers: ["green", "red", "green", "green", "not_assessed"] }),
        drill({ title: null, startedAt: new Date("2026-05-20T08:00:00Z"), answers: ["red", "red", "green", "green", "green"] }),
        drill({ title: "Lab run", realisticTraffic: false }),
      ],
    );
    expect(result.outcome).toBe("limited_workload");
    expect(texts(result)).toEqual([
      "Drill 'Zone impairment' has a red answer in its decision matrix",
      "The drill started on 2026-05-20 has 2 red answers in its decision matrix",
    ]);
  });

  it("lists item gaps before drill gaps", () => {
    const result = run([item({ title: "A", status: "partial" })], []);
    expect(texts(result)).toEqual(["A is not passed yet (partial)", "No drill has been recorded for this cluster yet"]);
  });
});
