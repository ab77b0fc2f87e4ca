import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { addDrill, addEvidence, daysAfter, daysBefore, makeCluster, makeScorecard, makeTemplate } from "@/test/support/portfolio-fixtures";
import { refreshClusterForSweep } from "@/lib/portfolio/mutations";
import { refreshClusterSignals } from "./refresh";
import { runPortfolioSweep, SWEEP_LOCK_KEY } from "@/lib/portfolio/sweep";

const now0 = new Date("2026-06-01T12:00:00.000Z");

async function refresh(clusterId: string, now: Date) {
  const db = await getDb();
  return db.$transaction((tx) => refreshClusterSignals(tx, clusterId, now));
}

async function clusterRow(id: string) {
  return (await getDb()).cluster.findUniqueOrThrow({ where: { id } });
}

/** A cluster at "ready for production test": both items pass, a clean realistic drill 5 days ago. */
async function readyCluster(drillEvidenceAgeDays = 80) {
  const cluster = await makeCluster();
  const tpl = await makeTemplate();
  const { scorecard, items } = await makeScorecard(cluster.id, tpl, ["pass", "pass"]);
  await addEvidence(items[0].id, daysBefore(now0, drillEvidenceAgeDays));
  await addEvidence(items[1].id, daysBefore(now0, 10));
  await addDrill(cluster.id, daysBefore(now0, 5));
  return { cluster, tpl, scorecard, items };
}

beforeEach(() => {
  process.env.DRILLBOOK_WEBHOOK_URL = "http://127.0.0.1:9/hook";
  resetEnvForTests();
});
afterEach(() => {
  delete process.env.DRILLBOOK_WEBHOOK_URL;
  resetEnvForTests();
});

describe("refreshClusterSignals", () => {
  it("fills the portfolio columns and the next boundary without touching updatedAt", async () => {
    const { cluster, scorecard } = await readyCluster();
    const signals = await refresh(cluster.id, now0);
    expect(signals).toMatchObject({
      outcome: "production_test",
      score: 100,
      staleEvidenceCount: 0,
      openRedAnswers: 0,
      pendingSignOffs: 0,
      lastDrillResult: "operating_model_holds",
      regressed: false,
    });
    const row = await clusterRow(cluster.id);
    expect(row.lastDrillAt).toEqual(daysBefore(now0, 5));
    // the drill item's evidence (80 days old) turns stale first: 10 days and 1 ms from now
    expect(row.nextSignalChangeAt).toEqual(new Date(daysAfter(now0, 10).getTime() + 1));
    expect(row.signalsRefreshedAt).toEqual(now0);
    expect(row.updatedAt).toEqual(cluster.updatedAt);
    const sc = await (await getDb()).scorecard.findUniqueOrThrow({ where: { id: scorecard.id } });
    expect(sc.updatedAt).toEqual(scorecard.updatedAt);
  });

  it("flags a regression when evidence goes stale, records it, queues a webhook, and clears once fixed", async () => {
    const { cluster, items } = await readyCluster();
    await refresh(cluster.id, now0);

    const later = daysAfter(now0, 11);
    const sweep = await runPortfolioSweep(later);
    expect(sweep).toMatchObject({ ran: true, refreshed: 1, regressed: [cluster.id], busy: 0, failed: 0 });
    const row = await clusterRow(cluster.id);
    expect(row.outcome).toBe("not_ready");
    expect(row.regressedAt).toEqual(later);
    expect(row.regressedFrom).toBe("production_test");
    expect(row.regressionReason).toBe(
      "Outcome of “Test template” dropped from “Ready for production test” to “Not ready”; Evidence went stale for “Failure drill”",
    );

    const db = await getDb();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "regress", entityId: cluster.id } });
    expect(audit.actorLabel).toBe("Drillbook");
    const deliveries = await db.webhookDelivery.findMany();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: "cluster.regressed", status: "pending" });
    expect((deliveries[0].payload as { text: string }).text).toContain(`cluster ${cluster.name} regressed`);

    // a second sweep finds nothing due: the boundary moved to the next evidence expiry
    expect((await runPortfolioSweep(daysAfter(now0, 12))).refreshed).toBe(0);

    await addEvidence(items[0].id, later);
    await refresh(cluster.id, later);
    const fixed = await clusterRow(cluster.id);
    expect(fixed).toMatchObject({ outcome: "production_test", regressedAt: null, regressionReason: null, regressedFrom: null });
    expect(await db.auditEvent.count({ where: { action: "recover", entityId: cluster.id } })).toBe(1);
  });

  it("flags an expired exemption", async () => {
    const cluster = await makeCluster();
    const tpl = await makeTemplate();
    const { items } = await makeScorecard(cluster.id, tpl, ["pass", "fail"]);
    await addEvidence(items[0].id, daysBefore(now0, 1));
    await addDrill(cluster.id, daysBefore(now0, 1));
    const db = await getDb();
    await db.exemption.create({ data: { scorecardItemId: items[1].id, justification: "not yet", status: "granted", expiresAt: daysAfter(now0, 3) } });
    expect((await refresh(cluster.id, now0)).outcome).toBe("production_test");
    expect((await clusterRow(cluster.id)).nextSignalChangeAt).toEqual(daysAfter(now0, 3));

    await runPortfolioSweep(daysAfter(now0, 4));
    const row = await clusterRow(cluster.id);
    expect(row.outcome).toBe("limited_workload");
    expect(row.regressionReason).toContain("Exemption expired for “Observability”");
  });

  it("counts a sign-off whose condition lapsed as pending again and flags it", async () => {
    const { cluster, scorecard } = await readyCluster(1);
    const db = await getDb();
    await db.scorecard.update({ where: { id: scorecard.id }, data: { state: "in_review" } });
    const slot = await db.reviewSlot.create({ data: { scorecardId: scorecard.id, role: "sre" } });
    await db.approval.create({
      data: {
        scorecardId: scorecard.id,
        slotId: slot.id,
        decision: "approved_with_conditions",
        scorecardVersion: 1,
        contentHash: "h",
        conditions: { create: [{ what: "Run a zone drill", owner: "sre", dueDate: daysAfter(now0, 2) }] },
      },
    });
    expect((await refresh(cluster.id, now0)).pendingSignOffs).toBe(0);
    expect((await clusterRow(cluster.id)).nextSignalChangeAt).toEqual(daysAfter(now0, 2));

    await runPortfolioSweep(daysAfter(now0, 3));
    const row = await clusterRow(cluster.id);
    expect(row.pendingSignOffs).toBe(1);
    expect(row.regressionReason).toBe("Approval condition lapsed: “Run a zone drill”");
  });

  it("flags new red answers and records the latest drill's result", async () => {
    const { cluster } = await readyCluster(1);
    await refresh(cluster.id, now0);
    await addDrill(cluster.id, daysBefore(now0, 1), ["red", "green", "not_assessed", "green", "green"]);
    const signals = await refresh(cluster.id, now0);
    expect(signals).toMatchObject({ openRedAnswers: 1, lastDrillResult: "recovery_unit_too_large", regressed: true });
    expect(signals.regressionReason).toBe("1 new red answer in a drill's decision matrix");
  });

  it("writes nothing (no flag, no audit, no webhook) when the caller's transaction rolls back", async () => {
    const { cluster } = await readyCluster();
    await refresh(cluster.id, now0);
    const db = await getDb();
    await expect(
      db.$transaction(async (tx) => {
        await refreshClusterSignals(tx, cluster.id, daysAfter(now0, 11));
        throw new Error("the user's change failed");
      }),
    ).rejects.toThrow("the user's change failed");
    expect((await clusterRow(cluster.id)).regressedAt).toBeNull();
    expect(await db.webhookDelivery.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "regress" } })).toBe(0);
  });

  it("queues nothing when no webhook URL is configured", async () => {
    delete process.env.DRILLBOOK_WEBHOOK_URL;
    resetEnvForTests();
    const { cluster } = await readyCluster();
    await refresh(cluster.id, now0);
    await runPortfolioSweep(daysAfter(now0, 11));
    expect((await clusterRow(cluster.id)).regressedAt).not.toBeNull();
    expect(await (await getDb()).webhookDelivery.count()).toBe(0);
  });
});

describe("portfolio sweep", () => {
  it("runs once at a time within a process", async () => {
    const { cluster } = await readyCluster();
    await refresh(cluster.id, now0);
    const later = daysAfter(now0, 11);
    const [a, b] = await Promise.all([runPortfolioSweep(later), runPortfolioSweep(later)]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(a.refreshed + b.refreshed).toBe(1);
  });

  const serverUrl = inject("databaseUrl");
  it.skipIf(!serverUrl)("skips while another server holds the sweep lock (PostgreSQL)", async () => {
    const other = new pg.Client({ connectionString: serverUrl! });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [SWEEP_LOCK_KEY]);
      expect((await runPortfolioSweep(now0)).ran).toBe(false);
      await other.query("SELECT pg_advisory_unlock($1)", [SWEEP_LOCK_KEY]);
      expect((await runPortfolioSweep(now0)).ran).toBe(true);
    } finally {
      await other.end();
    }
  });

  it.skipIf(!serverUrl)("never waits behind a user's transaction on the same cluster (PostgreSQL)", async () => {
    const { cluster } = await readyCluster();
    await refresh(cluster.id, now0);
    const other = new pg.Client({ connectionString: serverUrl! });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT "id" FROM "cluster" WHERE "id" = $1 FOR UPDATE`, [cluster.id]);
      const started = Date.now();
      expect(await refreshClusterForSweep(cluster.id, daysAfter(now0, 11))).toBe("busy");
      expect(Date.now() - started).toBeLessThan(2000);
      await other.query("ROLLBACK");
      expect(await refreshClusterForSweep(cluster.id, daysAfter(now0, 11))).toBe("regressed");
    } finally {
      await other.end();
    }
  });
});
