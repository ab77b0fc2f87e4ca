import { describe, expect, it } from "vitest";
import { campaignOutcomeOf, campaignProgress, dueStatus, meetsTarget } from "./rules";

describe("campaign progress", () => {
  it("counts clusters at or above the target", () => {
    expect(meetsTarget("production_test", "limited_workload")).toBe(true);
    expect(meetsTarget("limited_workload", "limited_workload")).toBe(true);
    expect(meetsTarget("not_ready", "limited_workload")).toBe(false);
    expect(meetsTarget(null, "not_ready")).toBe(false);
    const p = campaignProgress(
      [
        { outcome: "production_test", count: 2 },
        { outcome: "limited_workload", count: 3 },
        { outcome: "not_ready", count: 1 },
        { outcome: null, count: 1 },
      ],
      "limited_workload",
    );
    expect(p).toEqual({ total: 7, atTarget: 5, percent: 71, byOutcome: { production_test: 2, limited_workload: 3, not_ready: 1, none: 1 } });
  });

  it("never rounds up to 100 % before every cluster is there", () => {
    expect(
      campaignProgress(
        [
          { outcome: "production_test", count: 999 },
          { outcome: null, count: 1 },
        ],
        "production_test",
      ).percent,
    ).toBe(99);
    expect(campaignProgress([], "production_test").percent).toBe(0);
  });
});

describe("dueStatus", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const due = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it("reads done, overdue, due soon and on track", () => {
    expect(dueStatus(due("2026-05-01"), { total: 2, atTarget: 2 }, now)).toBe("done");
    expect(dueStatus(due("2026-05-31"), { total: 2, atTarget: 1 }, now)).toBe("overdue");
    expect(dueStatus(due("2026-06-01"), { total: 2, atTarget: 1 }, now)).toBe("due_soon");
    expect(dueStatus(due("2026-06-10"), { total: 2, atTarget: 1 }, now)).toBe("due_soon");
    expect(dueStatus(due("2026-07-10"), { total: 2, atTarget: 1 }, now)).toBe("on_track");
  });
});

describe("campaignOutcomeOf", () => {
  const cluster = {
    outcome: "not_ready" as const,
    templateOutcomes: [
      { templateKey: "broker-failure-recovery", templateName: "Broker failure", scorecardId: "s1", state: "approved", outcome: "production_test", score: 100 },
      { templateKey: "leader-movement-recovery", templateName: "Leader movement", scorecardId: "s2", state: "in_review", outcome: "not_ready", score: 20 },
    ],
  };

  it("counts the cluster's readiness (its weakest assessment) for a campaign over every assessment", () => {
    expect(campaignOutcomeOf(cluster, null)).toBe("not_ready");
  });

  it("counts one template's current outcome for a campaign about that assessment, none when not assessed", () => {
    expect(campaignOutcomeOf(cluster, "broker-failure-recovery")).toBe("production_test");
    expect(campaignOutcomeOf(cluster, "zone-outage")).toBeNull();
    expect(campaignOutcomeOf({ outcome: null, templateOutcomes: null }, "broker-failure-recovery")).toBeNull();
  });
});
