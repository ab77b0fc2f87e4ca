import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCampaign } from "@/lib/campaigns/mutations";
import { campaignCreateSchema } from "@/lib/campaigns/schema";
import { createCluster } from "@/lib/clusters/mutations";
import { clusterInputSchema } from "@/lib/clusters/schema";
import { ForbiddenError } from "@/lib/errors";
import { scorecardInReview } from "@/test/support/reviews";
import { clusterFields } from "@/test/support/scorecards";
import { createTestUser } from "@/test/support/users";
import { addTeamMember } from "./mutations";
import { getTeamOverview } from "./overview";

describe("a team's page", () => {
  it("shows only its own clusters, their outcome counts, its members, its scorecards in review and its campaigns", async () => {
    const { admin, editor, clusterId, scorecardId } = await scorecardInReview(); // a cluster of team "platform", in review
    const db = await getDb();
    const platform = await db.cluster.findUniqueOrThrow({ where: { id: clusterId }, select: { teamId: true } });
    await createCluster(admin, clusterInputSchema.parse(clusterFields({ name: "platform-staging", ownerTeam: "Platform", environment: "staging" })));
    const other = await createCluster(admin, clusterInputSchema.parse(clusterFields({ name: "orders-prod", ownerTeam: "orders" })));
    await addTeamMember(admin, { teamId: platform.teamId, userId: editor.id, role: "maintainer" });
    await db.cluster.update({ where: { id: clusterId }, data: { outcome: "limited_workload", regressedAt: new Date() } });
    const campaign = (name: string, team: string) =>
      campaignCreateSchema.parse({ name, targetOutcome: "production_test", dueDate: "2099-01-31", selectionMode: "filter", team });
    await createCampaign(admin, campaign("Platform to production", "platform"));
    await createCampaign(admin, campaign("Orders to production", "orders"));

    const viewer = await createTestUser("viewer", "Vic Viewer");
    const team = (await getTeamOverview(viewer, platform.teamId))!;
    expect(team.name).toBe("platform");
    expect(team.clusters.map((c) => c.name)).toEqual([expect.stringMatching(/^cluster-/), "platform-staging"].sort());
    expect(team.clusters.map((c) => c.name)).not.toContain("orders-prod");
    expect(team.summary).toEqual({ total: 2, byOutcome: { production_test: 0, limited_workload: 1, not_ready: 0, none: 1 }, regressed: 1 });
    expect(team.members).toEqual([{ userId: editor.id, name: "Eve Editor", role: "maintainer" }]);
    expect(team.openReviews).toEqual([expect.objectContaining({ scorecardId, clusterId })]);
    expect(team.campaigns.map((c) => c.name)).toEqual(["Platform to production"]);

    const orders = (await getTeamOverview(viewer, (await db.cluster.findUniqueOrThrow({ where: { id: other.id } })).teamId))!;
    expect(orders.openReviews).toEqual([]);
    expect(orders.members).toEqual([]);
    expect(orders.campaigns.map((c) => c.name)).toEqual(["Orders to production"]);
  });

  it("is null for an unknown team and refused to a parked account", async () => {
    const viewer = await createTestUser("viewer");
    expect(await getTeamOverview(viewer, "no-such-team")).toBeNull();
    await expect(getTeamOverview(await createTestUser("none"), "no-such-team")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
