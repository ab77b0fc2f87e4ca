import { describe, expect, it } from "vitest";
import { describeFilter, escapeLikePattern, pageCountOf } from "./rules";

describe("small helpers", () => {
  it("escapes LIKE wildcards", () => {
    expect(escapeLikePattern("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
  it("describes filters", () => {
    expect(describeFilter({ q: "", team: "", regressed: false })).toBe("Every cluster");
    expect(describeFilter({ q: "orders", env: "production", outcome: "none", team: "payments", regressed: false })).toBe(
      "Clusters matching “orders”, in Production, without a scorecard, owned by payments",
    );
    expect(describeFilter({ q: "", team: "", template: "leader-movement-recovery", regressed: false }, "Leader movement recovery")).toBe(
      "Clusters assessed against “Leader movement recovery”",
    );
  });
  it("counts pages", () => {
    expect([pageCountOf(0, 25), pageCountOf(25, 25), pageCountOf(26, 25), pageCountOf(5000, 100)]).toEqual([1, 1, 2, 50]);
  });
});
