import { describe, expect, it } from "vitest";
import { teamKey, teamLink, tidyTeamName } from "./rules";

describe("team names", () => {
  it("gives every case and spacing variant one key", () => {
    const keys = ["Payments", " payments ", "PAYMENTS", "pay\u00a0ments".replace("\u00a0", ""), "payments\t"].map(teamKey);
    expect(new Set(keys)).toEqual(new Set(["payments"]));
    expect(teamKey("Orders  Platform")).toBe(teamKey(" orders platform"));
    expect(teamKey("Orders Platform")).not.toBe(teamKey("OrdersPlatform"));
  });

  it("keeps the spelling's case in the tidy name, collapsing inner spaces", () => {
    expect(tidyTeamName("  Orders \t  Platform ")).toBe("Orders Platform");
    expect(tidyTeamName("PAYMENTS")).toBe("PAYMENTS");
  });

  it("links a cluster to the team by key, creating it under the tidy name", () => {
    expect(teamLink(" Orders  platform")).toEqual({
      connectOrCreate: { where: { key: "orders platform" }, create: { key: "orders platform", name: "Orders platform" } },
    });
  });
});
