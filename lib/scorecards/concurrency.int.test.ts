import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { itemSaveSchema } from "./schema";
import { saveScorecardItem, type ItemConflict } from "./mutations";

describe("two people editing one scorecard", () => {
  beforeEach(async () => {
    await installTemplates();
  });

  it("refuses the losing save of two concurrent writers and hands back the winner's values", async () => {
    const alice = await createTestUser("editor", "Alice");
    const bob = await createTestUser("editor", "Bob");
    const cluster = await createTestCluster(alice);
    const { id } = await startScorecard(alice, cluster.id);
    const { item } = await loadPage(alice, id);
    const rollback = item("rollback");

    // both opened version 1 and save at the same moment
    const results = await Promise.allSettled([
      saveScorecardItem(alice, itemSaveSchema.parse({ itemId: rollback.id, version: 1, status: "pass", notes: "Rehearsed on 2 June", ownerRole: "sre" })),
      saveScorecardItem(bob, itemSaveSchema.parse({ itemId: rollback.id, version: 1, status: "fail", notes: "Routing switch-back failed", ownerRole: "sre" })),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);

    const db = await getDb();
    const stored = await db.scorecardItem.findUniqueOrThrow({
      where: { id: rollback.id },
      select: { status: true, notes: true, version: true, updatedBy: { select: { name: true } } },
    });
    expect(stored.version).toBe(2);
    const current = (lost[0].reason as ConflictError<ItemConflict>).current;
    // the loser sees exactly what is stored now, and who saved it
    expect(current).toMatchObject({ status: stored.status, notes: stored.notes, version: 2, updatedBy: stored.updatedBy?.name });
    expect((lost[0].reason as Error).message).toContain(`${stored.updatedBy?.name} saved this item after you started editing it`);

    // the loser reapplies their value on top of the winner's version
    const loser = stored.updatedBy?.name === "Alice" ? bob : alice;
    const mine = loser === bob ? { status: "fail", notes: "Routing switch-back failed" } : { status: "pass", notes: "Rehearsed on 2 June" };
    await saveScorecardItem(loser, itemSaveSchema.parse({ itemId: rollback.id, version: current.version, ...mine, ownerRole: "sre" }));
    const final = await db.scorecardItem.findUniqueOrThrow({ where: { id: rollback.id }, select: { status: true, notes: true, version: true } });
    expect(final).toEqual({ ...mine, version: 3 });
    // one audit event per successful save, none for the refused one
    expect(await db.auditEvent.count({ where: { entityType: "scorecard_item", entityId: rollback.id } })).toBe(2);
  });

  it("serializes concurrent saves on different scorecards of one cluster without deadlocks", async () => {
    const alice = await createTestUser("editor", "Alice");
    const bob = await createTestUser("editor", "Bob");
    const cluster = await createTestCluster(alice);
    const first = await startScorecard(alice, cluster.id);
    const second = await startScorecard(bob, cluster.id, "leader-movement-recovery");
    const a = await loadPage(alice, first.id);
    const b = await loadPage(bob, second.id);
    const saves = [];
    for (const [user, page] of [
      [alice, a],
      [bob, b],
    ] as const) {
      for (const section of page.page.sections) {
        for (const it of section.items) {
          saves.push(
            saveScorecardItem(user, itemSaveSchema.parse({ itemId: it.id, version: it.version, status: "in_progress", ownerRole: it.ownerRole ?? "" })),
          );
        }
      }
    }
    const results = await Promise.allSettled(saves);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const db = await getDb();
    const versions = await db.scorecard.findMany({
      where: { clusterId: cluster.id },
      select: { id: true, version: true, _count: { select: { items: true } } },
    });
    for (const v of versions) expect(v.version).toBe(1 + v._count.items);
  });
});
