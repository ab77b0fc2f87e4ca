/**
 * Continuous checks against a real Prometheus holding 30 hours of backfilled steady state:
 * a pass keeps the item's evidence fresh (dated by the window's end) without touching the
 * signed content, a failure flags the cluster with the check's own words and queues the
 * webhook, Prometheus errors are retried and recorded, and two runners never run a slot twice.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { prometheusNote, skipWithoutPrometheus, startPrometheus, toOpenMetrics, type RunningPrometheus } from "@/test/support/prometheus";
import { steadyStateFamilies, steadyStateTruth } from "@/test/support/steady-state";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { createDataSource, setClusterMetricsSource } from "@/lib/prometheus/datasource-mutations";
import { dataSourceInputSchema, metricsSourceInputSchema } from "@/lib/prometheus/datasource-schema";
import { createCheck, deleteCheck } from "./mutations";
import { runCheckNow, runDueChecks } from "./runner";
import { checkInputSchema } from "./schema";
import { slotFor } from "./rules";
import { evaluateScorecard } from "@/lib/readiness/evaluate";
import { refreshClusterSignals } from "@/lib/readiness/refresh";

async function afterRefresh(clusterId: string) {
  const db = await getDb();
  await db.$transaction((tx) => refreshClusterSignals(tx, clusterId));
}

const HOUR = 3_600_000;
const TARGET = "broker-failure-recovery/replication-health";
let prom: RunningPrometheus;
let clusters = 0;

async function setup(url: string, matchers = 'cluster="payments-prod"') {
  await installTemplates();
  const admin = await createTestUser("admin");
  const editor = await createTestUser("editor");
  clusters += 1;
  const { id: clusterId } = await createTestCluster(editor, `checks-${clusters}`);
  const { id: dataSourceId } = await createDataSource(
    admin,
    dataSourceInputSchema.parse({ name: `Prometheus ${clusters}`, baseUrl: url, timeoutSeconds: "2" }),
  );
  await setClusterMetricsSource(editor, clusterId, metricsSourceInputSchema.parse({ dataSourceId, matchers }));
  const { id: scorecardId } = await startScorecard(editor, clusterId);
  return { admin, editor, clusterId, scorecardId };
}

const urpCheck = (clusterId: string, overrides: Record<string, string> = {}) =>
  checkInputSchema.parse({
    clusterId,
    name: "URP stays at 0",
    source: "replicas",
    operator: "==",
    threshold: "0",
    lookbackHours: "24",
    schedule: "hourly",
    target: TARGET,
    ...overrides,
  });

async function item(scorecardId: string) {
  const db = await getDb();
  return db.scorecardItem.findFirstOrThrow({ where: { scorecardId, templateItem: { key: "replication-health" } }, include: { evidence: true } });
}

describe.skipIf(skipWithoutPrometheus)(`continuous checks ${prometheusNote}`, () => {
  // samples on whole minutes up to a minute ago, as the checks' one-minute steps are
  const endSec = Math.floor(Date.now() / 60_000) * 60 - 60;
  beforeAll(async () => {
    prom = await startPrometheus(toOpenMetrics(steadyStateFamilies(steadyStateTruth(endSec))));
  });
  afterAll(async () => {
    await prom?.stop();
  });
  beforeEach(() => {
    process.env.DRILLBOOK_WEBHOOK_URL = "http://127.0.0.1:9/unused";
    resetEnvForTests();
  });
  afterEach(() => {
    delete process.env.DRILLBOOK_WEBHOOK_URL;
    resetEnvForTests();
  });

  it("a pass keeps the item's evidence fresh, dated by the window's end, without a new version or a voided sign-off", async () => {
    const { editor, clusterId, scorecardId } = await setup(prom.url);
    // after the setup, whose writes refreshed the cluster: a run is newer than that refresh
    const now = new Date();
    const db = await getDb();
    // the item passed once with evidence that has gone stale: counted as partial
    const it0 = await item(scorecardId);
    await db.scorecardItem.update({ where: { id: it0.id }, data: { status: "pass" } });
    await db.evidence.create({
      data: {
        scorecardItemId: it0.id,
        kind: "metric_export",
        title: "URP export",
        url: "https://grafana.example.com/d/urp",
        capturedAt: new Date(now.getTime() - 200 * 24 * HOUR),
      },
    });
    await afterRefresh(clusterId);
    const staleOnly = async () => (await evaluateScorecard(db, scorecardId)).items.find((i) => i.id === it0.id)!.staleOnly;
    expect(await staleOnly()).toBe(true);
    const before = await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId } });
    // "Run now" evaluates at once; then the schedule starts from a clean slate of runs
    expect(await runCheckNow(editor, (await createCheck(editor, urpCheck(clusterId), now)).id, now)).toMatchObject({ status: "passed" });
    await db.metricCheckRun.deleteMany({});
    await db.evidence.deleteMany({ where: { kind: "metric_check" } });
    await db.metricCheck.updateMany({ data: { nextRunAt: now } });

    const first = await runDueChecks(now);
    expect(first).toEqual({ ran: 1, results: { passed: 1 } });
    const run = await db.metricCheckRun.findFirstOrThrow({});
    const slot = slotFor("hourly", now);
    expect(run).toMatchObject({ status: "passed", trigger: "schedule", slotAt: slot, windowEnd: slot, minValue: 0, maxValue: 0, scorecardItemId: it0.id });
    expect(run.windowStart).toEqual(new Date(slot.getTime() - 24 * HOUR));
    expect(run.queryText).toBe('sum(kafka_server_replicamanager_underreplicatedpartitions{cluster="payments-prod"})');
    const kept = (await item(scorecardId)).evidence.filter((e) => e.kind === "metric_check");
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ capturedAt: slot, realisticTraffic: true, title: "Check “URP stays at 0”: min 0, max 0 over 24 h" });

    // fresh evidence: the item counts as a pass again, the score goes up; content and sign-offs untouched
    const after = await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId } });
    expect(after.version).toBe(before.version);
    expect(after.contentHash).toBe(before.contentHash);
    expect(await staleOnly()).toBe(false);
    expect(after.score).toBeGreaterThan(before.score);

    // the same slot never runs again; the next one renews the same evidence
    expect(await runDueChecks(now)).toEqual({ ran: 0, results: {} });
    expect(await runDueChecks(new Date(now.getTime() + HOUR))).toEqual({ ran: 1, results: { passed: 1 } });
    const renewed = (await item(scorecardId)).evidence.filter((e) => e.kind === "metric_check");
    expect(renewed.map((e) => e.capturedAt)).toEqual([new Date(slot.getTime() + HOUR)]);
    expect(await db.metricCheckRun.count()).toBe(2);
  });

  it("a failure attaches nothing, flags the cluster with the check's words and queues the webhook, once", async () => {
    const { editor, clusterId, scorecardId } = await setup(prom.url, 'cluster="orders-prod"');
    // after the setup, whose writes refreshed the cluster: a run is newer than that refresh
    const now = new Date();
    const db = await getDb();
    await createCheck(editor, urpCheck(clusterId), now);
    const truth = steadyStateTruth(endSec);
    expect(await runDueChecks(now)).toEqual({ ran: 1, results: { failed: 1 } });
    const run = await db.metricCheckRun.findFirstOrThrow({});
    const at = new Date(truth.spikeStartSec * 1000).toISOString().slice(11, 16);
    expect(run.message).toBe(`Check “URP stays at 0” failed at ${at} UTC: 14 (needs == 0) in the result; max 14`);
    expect(run.maxValue).toBe(14);
    expect((await item(scorecardId)).evidence).toEqual([]);
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster.regressedAt).not.toBeNull();
    expect(cluster.regressionReason).toContain(run.message);
    const hooks = await db.webhookDelivery.findMany({ where: { event: "cluster.regressed" } });
    expect(hooks).toHaveLength(1);
    expect(JSON.stringify(hooks[0].payload)).toContain("URP stays at 0");

    // failing again at the next slot: still flagged, no second notification
    expect(await runDueChecks(new Date(now.getTime() + HOUR))).toEqual({ ran: 1, results: { failed: 1 } });
    expect(await db.webhookDelivery.count({ where: { event: "cluster.regressed" } })).toBe(1);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).regressedAt).toEqual(cluster.regressedAt);
    // the failing check goes: nothing holds the flag up any more
    await deleteCheck(editor, run.checkId);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).regressedAt).toBeNull();
  });

  it("retries Prometheus errors after 1, 5 and 15 minutes and records an error after the fourth, never a failed check", async () => {
    const stopped = await startPrometheus(toOpenMetrics([]));
    await stopped.stop();
    const { editor, clusterId } = await setup(stopped.url);
    // after the setup, whose writes refreshed the cluster: a run is newer than that refresh
    const now = new Date();
    const db = await getDb();
    await createCheck(editor, urpCheck(clusterId), now);
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(await runDueChecks(now)).toEqual({ ran: 1, results: { retrying: 1 } });
    // only this slot's retries are under test: no later slot comes due meanwhile, whatever the clock says
    await db.metricCheck.updateMany({ data: { nextRunAt: new Date(now.getTime() + 30 * 24 * HOUR) } });
    let run = await db.metricCheckRun.findFirstOrThrow({});
    expect(run).toMatchObject({ status: "retrying", attempts: 1, retryAt: at(60_000) });
    expect(run.message).toMatch(/refused the connection.*\(attempt 1 of 4\)/);
    expect((await runDueChecks(at(30_000))).ran).toBe(0);
    expect(await runDueChecks(at(60_000))).toEqual({ ran: 1, results: { retrying: 1 } });
    expect((await db.metricCheckRun.findFirstOrThrow({})).retryAt).toEqual(at(60_000 + 300_000));
    await runDueChecks(at(360_000));
    expect(await runDueChecks(at(360_000 + 900_000))).toEqual({ ran: 1, results: { error: 1 } });
    run = await db.metricCheckRun.findFirstOrThrow({});
    expect(run).toMatchObject({ status: "error", attempts: 4, retryAt: null });
    expect(await db.metricCheckRun.count()).toBe(1);
    expect((await db.cluster.findUniqueOrThrow({ where: { id: clusterId } })).regressedAt).toBeNull();
  });

  it("two runners at once run each due slot exactly once", async () => {
    const { editor, clusterId } = await setup(prom.url);
    // after the setup, whose writes refreshed the cluster: a run is newer than that refresh
    const now = new Date();
    const db = await getDb();
    for (const name of ["URP a", "URP b", "URP c", "URP d"]) await createCheck(editor, urpCheck(clusterId, { name }), now);
    const [a, b] = await Promise.all([runDueChecks(now), runDueChecks(now)]);
    expect(a.ran + b.ran).toBe(4);
    const runs = await db.metricCheckRun.findMany({ select: { checkId: true, status: true } });
    expect(runs).toHaveLength(4);
    expect(new Set(runs.map((r) => r.checkId)).size).toBe(4);
    expect(runs.every((r) => r.status === "passed")).toBe(true);
  });

  it("refuses an item without metric evidence, a cluster without a metrics source, a taken name and a viewer", async () => {
    const { editor, clusterId } = await setup(prom.url);
    await expect(createCheck(editor, urpCheck(clusterId, { target: "broker-failure-recovery/storage-path" }))).rejects.toMatchObject({
      fieldErrors: { target: ["“Storage path” takes no metric evidence; choose another item"] },
    });
    await createCheck(editor, urpCheck(clusterId));
    await expect(createCheck(editor, urpCheck(clusterId))).rejects.toMatchObject({
      status: 409,
      fieldErrors: { name: ["A check of this cluster already has this name"] },
    });
    const { id: bare } = await createTestCluster(editor, "no-metrics-source");
    await expect(createCheck(editor, urpCheck(bare))).rejects.toMatchObject({ status: 409 });
    const viewer = await createTestUser("viewer");
    await expect(createCheck(viewer, urpCheck(clusterId, { name: "other" }))).rejects.toThrow();
    expect(checkInputSchema.safeParse({ ...urpCheck(clusterId), source: "custom", promql: "up" }).error?.issues[0].message).toBe(
      "Put {…} where the cluster's label matchers go, e.g. up{…}",
    );
  });
});
