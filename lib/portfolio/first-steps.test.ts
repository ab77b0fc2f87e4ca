import { describe, expect, it } from "vitest";
import { firstSteps } from "./first-steps";

describe("first steps", () => {
  it("lists all three as open on an empty installation, pointing to the cluster list for the scorecard", () => {
    const steps = firstSteps({ clusters: 0, scorecards: 0, drills: 0, firstClusterId: null });
    expect(steps?.map((s) => [s.key, s.done])).toEqual([
      ["cluster", false],
      ["scorecard", false],
      ["drill", false],
    ]);
    expect(steps?.[1].href).toBe("/clusters");
  });

  it("marks what exists as done and sends the scorecard step to the team's cluster", () => {
    const steps = firstSteps({ clusters: 1, scorecards: 0, drills: 2, firstClusterId: "c1" });
    expect(steps?.map((s) => s.done)).toEqual([true, false, true]);
    expect(steps?.[1].href).toBe("/clusters/c1");
  });

  it("goes away once a cluster, a scorecard and a drill exist", () => {
    expect(firstSteps({ clusters: 1, scorecards: 1, drills: 1, firstClusterId: "c1" })).toBeNull();
  });
});
