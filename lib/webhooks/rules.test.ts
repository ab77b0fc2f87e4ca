import { describe, expect, it } from "vitest";
import { clusterRegressedMessage, escapeMrkdwn, reviewNeedsActionMessage } from "./messages";
import { backoffDelayMs, describeFailure } from "./rules";

describe("webhook retry policy", () => {
  it("doubles the wait after each failed attempt, up to an hour", () => {
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelayMs(20)).toBe(3_600_000);
    expect(backoffDelayMs(3, 100)).toBe(400);
  });

  it("describes failures without the URL", () => {
    expect(describeFailure({ status: 500, body: "  upstream\n broke " })).toBe("HTTP 500: upstream broke");
    expect(describeFailure({ status: 404, body: "" })).toBe("HTTP 404");
    expect(describeFailure({ error: Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }) })).toBe("ECONNREFUSED");
    expect(describeFailure({ error: new DOMException("t", "TimeoutError") })).toBe("Timed out");
  });
});

describe("Slack-compatible messages", () => {
  it("a regression names the cluster, links it and gives the reason", () => {
    const m = clusterRegressedMessage({
      clusterId: "c1",
      clusterName: "orders<prod>",
      reason: "Outcome dropped & more",
      outcome: "not_ready",
      appUrl: "https://drillbook.example/",
    });
    expect(m.text).toBe("Drillbook: cluster orders<prod> regressed: Outcome dropped & more");
    expect(JSON.stringify(m.blocks)).toContain("<https://drillbook.example/clusters/c1|orders&lt;prod&gt;>");
    expect(JSON.stringify(m.blocks)).toContain("Outcome dropped &amp; more");
  });

  it("a review action names the scorecard, the roles and quotes the comment", () => {
    const m = reviewNeedsActionMessage({
      action: "review_requested",
      scorecardId: "s1",
      scorecardTitle: "Broker failure",
      clusterName: "orders-prod",
      roles: ["sre", "finops"],
      comment: "please\nlook",
    });
    expect(m.text).toBe("Drillbook: scorecard Broker failure on orders-prod needs your sign-off (SRE, FinOps)");
    expect(JSON.stringify(m.blocks)).toContain("> please\\n> look");
    expect(escapeMrkdwn("a<b>&")).toBe("a&lt;b&gt;&amp;");
  });
});
