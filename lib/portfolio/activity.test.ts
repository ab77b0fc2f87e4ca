import { describe, expect, it } from "vitest";
import { describeActivity, timeAgo, type ActivityEvent } from "./activity";

const event = (patch: Partial<ActivityEvent>): ActivityEvent => ({
  seq: "7",
  at: new Date("2026-06-01T10:00:00Z"),
  action: "update",
  entityType: "cluster",
  entityId: "c1",
  clusterId: "c1",
  actorName: "Alice",
  actorLabel: "alice@example.com",
  clusterName: "orders-prod",
  before: null,
  after: null,
  ...patch,
});

describe("describeActivity", () => {
  it("names the actor, the verb and the cluster", () => {
    expect(describeActivity(event({}))).toEqual({
      id: "7",
      at: "2026-06-01T10:00:00.000Z",
      text: "Alice updated cluster orders-prod",
      href: "/clusters/c1",
      tone: "normal",
    });
  });

  it("names content on a cluster by its title", () => {
    const item = describeActivity(event({ action: "create", entityType: "drill", entityId: "d1", after: { title: "Broker kill, May" } }));
    expect(item.text).toBe("Alice created drill Broker kill, May on cluster orders-prod");
  });

  it("tells the design review's steps in plain words", () => {
    const say = (patch: Partial<ActivityEvent>) => describeActivity(event(patch)).text;
    expect(say({ action: "request_review", entityType: "review", after: { title: "Q3 readiness" } })).toBe(
      "Alice requested design review of Q3 readiness on cluster orders-prod",
    );
    expect(say({ action: "sign", entityType: "approval", after: { title: "SRE: approved v7" } })).toBe(
      "Alice recorded sign-off SRE: approved v7 on cluster orders-prod",
    );
    expect(say({ action: "invalidate", entityType: "approval", after: { title: "Security v7" } })).toBe(
      "Alice invalidated sign-off Security v7 on cluster orders-prod",
    );
    expect(say({ action: "lapse", entityType: "approval", actorName: null, actorLabel: "Drillbook", after: { title: "FinOps" } })).toBe(
      "Drillbook recorded a lapsed condition on sign-off FinOps on cluster orders-prod",
    );
  });

  it("uses the stored name of a deleted cluster and links nowhere", () => {
    const item = describeActivity(event({ action: "delete", clusterName: null, before: { name: "old-cluster" } }));
    expect(item).toMatchObject({ text: "Alice deleted cluster old-cluster", href: null });
  });

  it("describes system regressions with their reason", () => {
    const item = describeActivity(
      event({ action: "regress", actorName: null, actorLabel: "Drillbook", after: { reason: "Evidence went stale for “Failure drill”" } }),
    );
    expect(item).toMatchObject({ text: "Drillbook flagged a regression on cluster orders-prod: Evidence went stale for “Failure drill”", tone: "regression" });
  });

  it("links campaigns and falls back to the email for an unknown user", () => {
    const item = describeActivity(
      event({ entityType: "campaign", entityId: "k1", clusterId: null, clusterName: null, actorName: null, action: "create", after: { name: "Q3 readiness" } }),
    );
    expect(item).toMatchObject({ text: "alice@example.com created campaign Q3 readiness", href: "/campaigns/k1" });
  });
});

describe("timeAgo", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("reads naturally", () => {
    expect(timeAgo(new Date("2026-06-01T11:59:30Z"), now)).toBe("just now");
    expect(timeAgo(new Date("2026-06-01T11:15:00Z"), now)).toBe("45 min ago");
    expect(timeAgo(new Date("2026-06-01T07:00:00Z"), now)).toBe("5 h ago");
    expect(timeAgo(new Date("2026-05-29T12:00:00Z"), now)).toBe("3 d ago");
    expect(timeAgo(new Date("2026-03-01T12:00:00Z"), now)).toBe("2026-03-01");
  });
});
