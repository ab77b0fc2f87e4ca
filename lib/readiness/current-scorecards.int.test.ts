/**
 * Per-template readiness: each template's current scorecard speaks for the cluster, the
 * cluster's readiness is the weakest current outcome, and starting a scorecard never lowers
 * it or flags a regression. Also the migration of data stored the old way.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addDrill, addEvidence, daysBefore, makeCluster, makeScorecard, makeTemplate } from "@/test/support/portfolio-fixtures";
import { portfolioWhere } from "@/lib/portfolio/queries";
import { refreshClusterSignals } from "./refresh";

const now0 = new Date("2026-06-01T12:00:00.000Z");

async function refresh(clusterId: string, now = now0) {
  const db = await getDb();
  return db.$transaction((tx) => refreshClusterSignals(tx, clusterId, now));
}

async function namedTemplate(name: string) {
  const tpl = await makeTemplate();
  await (await getDb()).template.update({ where: { id: tpl.template.id }, data: { name } });
  return tpl;
}

/** A cluster whose broker-failure scorecard is approved and ready for production test. */
async function readyCluster() {
  const db = await getDb();
  const cluster = await makeCluster();
  const bf = await namedTemplate("Broker failure recovery");
  const { scorecard } = await makeScorecard(cluster.id, bf, ["pass", "pass"]);
  const items = await db.scorecardItem.findMany({ where: { scorecardId: scorecard.id } });
  for (const item of items) await addEvidence(item.id, daysBefore(now0, 5));
  await addDrill(cluster.id, daysBefore(now0, 3));
  await db.scorecard.update({ where: { id: scorecard.id }, data: { state: "approved", createdAt: daysBefore(now0, 20) } });
  await refresh(cluster.id);
  return { cluster, bf, approved: scorecard };
}

describe("current scorecards and cluster readiness", () => {
  it("starting a second-template scorecard on a ready cluster changes neither its readiness nor its flag", async () => {
    const db = await getDb();
    const { cluster, bf, approved } = await readyCluster();
    expect(await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } })).toMatchObject({
      outcome: "production_test",
      regressedAt: null,
      heldBackBy: "Broker failure recovery",
    });

    const lm = await namedTemplate("Leader movement recovery");
    const { scorecard: lmDraft } = await makeScorecard(cluster.id, lm, ["not_started", "not_started"]);
    const { scorecard: bfDraft } = await makeScorecard(cluster.id, bf, ["not_started", "not_started"]);
    const signals = await refresh(cluster.id, new Date(now0.getTime() + 60_000));
    expect(signals).toMatchObject({ outcome: "production_test", regressed: false });
    const row = await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } });
    expect(row).toMatchObject({ outcome: "production_test", regressedAt: null, heldBackBy: "Broker failure recovery" });
    // each template's outcome is kept for the portfolio's chips, drafts included
    expect(row.templateOutcomes).toEqual([
      expect.objectContaining({ templateName: "Broker failure recovery", scorecardId: approved.id, state: "approved", outcome: "production_test" }),
      expect.objectContaining({ templateName: "Leader movement recovery", scorecardId: lmDraft.id, state: "draft", outcome: "not_ready" }),
    ]);
    // a new draft of an approved template does not replace the approved one
    const current = await db.scorecard.findMany({ where: { clusterId: cluster.id, isCurrent: true }, select: { id: true } });
    expect(current.map((s) => s.id).sort()).toEqual([approved.id, lmDraft.id].sort());
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: bfDraft.id } })).isCurrent).toBe(false);

    // once the leader-movement scorecard goes to review it counts: the weakest holds the cluster
    await db.scorecard.update({ where: { id: lmDraft.id }, data: { state: "in_review" } });
    const after = await refresh(cluster.id, new Date(now0.getTime() + 120_000));
    expect(after).toMatchObject({ outcome: "not_ready", regressed: false });
    expect((await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } })).heldBackBy).toBe("Leader movement recovery");
  });

  it("a new empty draft of a template whose only scorecard is an assessed draft neither replaces it nor flags a regression", async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const bf = await namedTemplate("Broker failure recovery");
    const { scorecard: assessed } = await makeScorecard(cluster.id, bf, ["pass", "pass"]);
    for (const item of await db.scorecardItem.findMany({ where: { scorecardId: assessed.id } })) await addEvidence(item.id, daysBefore(now0, 5));
    await addDrill(cluster.id, daysBefore(now0, 3));
    await db.scorecard.update({ where: { id: assessed.id }, data: { createdAt: daysBefore(now0, 20) } });
    const before = await refresh(cluster.id);
    expect(before.outcome).not.toBe("not_ready");

    const { scorecard: empty } = await makeScorecard(cluster.id, bf, ["not_started", "not_started"]);
    const after = await refresh(cluster.id, new Date(now0.getTime() + 60_000));
    expect(after).toMatchObject({ outcome: before.outcome, regressed: false });
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: assessed.id } })).isCurrent).toBe(true);
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: empty.id } })).isCurrent).toBe(false);
  });

  it("the portfolio filters by assessment, by that template's current outcome", async () => {
    const db = await getDb();
    const { cluster, bf } = await readyCluster();
    const other = await makeCluster();
    const lm = await namedTemplate("Leader movement recovery");
    await makeScorecard(other.id, lm, ["not_started", "not_started"]);
    await refresh(other.id);
    const ids = async (filter: Parameters<typeof portfolioWhere>[0]) =>
      (await db.cluster.findMany({ where: { AND: [portfolioWhere(filter), { id: { in: [cluster.id, other.id] } }] }, select: { id: true } })).map((c) => c.id);
    const base = { q: "", team: "", regressed: false };
    expect(await ids({ ...base, template: bf.template.key })).toEqual([cluster.id]);
    expect(await ids({ ...base, template: lm.template.key, outcome: "not_ready" })).toEqual([other.id]);
    expect(await ids({ ...base, template: bf.template.key, outcome: "not_ready" })).toEqual([]);
    expect(await ids({ ...base, template: lm.template.key, outcome: "none" })).toEqual([cluster.id]);
  });

  it("flags a regression when a current scorecard's outcome drops, naming its template", async () => {
    const db = await getDb();
    const { cluster, approved } = await readyCluster();
    const item = await db.scorecardItem.findFirstOrThrow({ where: { scorecardId: approved.id, templateItem: { key: "observability" } } });
    await db.scorecardItem.update({ where: { id: item.id }, data: { status: "fail" } });
    const signals = await refresh(cluster.id, new Date(now0.getTime() + 60_000));
    expect(signals.regressed).toBe(true);
    expect(signals.regressionReason).toContain("Outcome of “Broker failure recovery” dropped from “Ready for production test”");
  });

  it("deleting the current scorecard falls back to the previous one of its template, with no regression", async () => {
    const db = await getDb();
    const { cluster, bf, approved } = await readyCluster();
    const { scorecard: older } = await makeScorecard(cluster.id, bf, ["pass", "not_started"]);
    await db.scorecard.update({ where: { id: older.id }, data: { state: "changes_requested", createdAt: daysBefore(now0, 40) } });
    await refresh(cluster.id, new Date(now0.getTime() + 60_000));
    await db.scorecard.delete({ where: { id: approved.id } });
    const signals = await refresh(cluster.id, new Date(now0.getTime() + 120_000));
    expect(signals.regressed).toBe(false);
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: older.id } })).isCurrent).toBe(true);
  });

  it("the migration marks, on data stored the old way, the same current scorecards a fresh computation gives", async () => {
    const db = await getDb();
    const cluster = await makeCluster();
    const bf = await namedTemplate("Broker failure recovery");
    const lm = await namedTemplate("Leader movement recovery");
    const made = [];
    for (const [tpl, state, age] of [
      [bf, "approved", 30],
      [bf, "draft", 2],
      [bf, "in_review", 10],
      [lm, "draft", 8],
      [lm, "draft", 4],
    ] as const) {
      const { scorecard } = await makeScorecard(cluster.id, tpl, ["pass", "in_progress"]);
      await db.scorecard.update({ where: { id: scorecard.id }, data: { state, createdAt: daysBefore(now0, age) } });
      made.push(scorecard.id);
    }
    // the old way: no current flags; then the migration's own SQL
    await db.scorecard.updateMany({ where: { clusterId: cluster.id }, data: { isCurrent: false } });
    const dir = readdirSync(path.join("prisma", "migrations")).find((d) => d.endsWith("_current_scorecards"))!;
    const sql = readFileSync(path.join("prisma", "migrations", dir, "migration.sql"), "utf8");
    const dataPart = sql.slice(sql.indexOf("UPDATE"));
    for (const statement of dataPart
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean))
      await db.$executeRawUnsafe(statement);
    const migrated = (await db.scorecard.findMany({ where: { clusterId: cluster.id, isCurrent: true }, select: { id: true } })).map((s) => s.id).sort();
    expect((await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } })).nextSignalChangeAt).not.toBeNull();

    await refresh(cluster.id);
    const fresh = (await db.scorecard.findMany({ where: { clusterId: cluster.id, isCurrent: true }, select: { id: true } })).map((s) => s.id).sort();
    expect(migrated).toEqual(fresh);
    expect(fresh).toEqual([made[2], made[4]].sort());
  });
});
