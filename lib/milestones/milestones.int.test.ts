import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { itemSaveSchema } from "@/lib/scorecards/schema";
import { saveScorecardItem } from "@/lib/scorecards/mutations";
import { takeMilestone } from "./mutations";
import { getMilestonePair, listClusterHistory, listMilestones } from "./queries";
import { compareSnapshots } from "./snapshot";

describe("milestones", () => {
  it("snapshots a scorecard, compares two snapshots and charts the cluster's history", async () => {
    await installTemplates();
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const first = await takeMilestone(editor, { scorecardId: id, name: "Kick-off" });

    const { item } = await loadPage(editor, id);
    for (const key of ["failure-drill", "rollback"]) {
      await saveScorecardItem(editor, itemSaveSchema.parse({ itemId: item(key).id, version: 1, status: "pass", notes: `${key} done`, ownerRole: "sre" }));
    }
    const second = await takeMilestone(editor, { scorecardId: id, name: "After the drill" });

    const rows = await listMilestones(editor, id);
    expect(rows.map((r) => [r.name, r.outcome, r.reason])).toEqual([
      ["After the drill", "limited_workload", "manual"],
      ["Kick-off", "not_ready", "manual"],
    ]);
    expect(rows[0].contentHash).not.toBe(rows[1].contentHash);
    expect(rows[0].scorecardVersion).toBe(3);

    const pair = (await getMilestonePair(editor, id, first.id, second.id))!;
    expect(pair.a.snapshot.items).toHaveLength(13);
    const changed = compareSnapshots(pair.a.snapshot, pair.b.snapshot).filter((row) => row.changes.length > 0);
    expect(changed.map((row) => [row.key, row.changes])).toEqual([
      ["failure-drill", ["status", "notes"]],
      ["rollback", ["status", "notes"]],
    ]);

    const history = await listClusterHistory(editor, cluster.id);
    expect(history.map((h) => [h.milestone, h.outcome])).toEqual([
      ["Kick-off", "not_ready"],
      ["After the drill", "limited_workload"],
    ]);
    const viewer = await createTestUser("viewer");
    await expect(takeMilestone(viewer, { scorecardId: id, name: "nope" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getMilestonePair(viewer, id, first.id, "missing")).toBeNull();
  });
});
