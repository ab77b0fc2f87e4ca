/**
 * Drill benchmarks on a fresh PostgreSQL database (created here, dropped at the end):
 *  1. importing a 100,000-point CSV through the import mutation: time and memory;
 *  2. the drill page's chart data with 20 series × 5,000 points: the query, recovery analysis
 *     and LTTB downsampling, in process;
 *  3. the same page over HTTP against `next start` (when a production build exists).
 *
 * Run: npm run bench:drills   (TEST_DATABASE_URL names the server; default the local one)
 * Options: --runs=N (default 3), --no-http, BENCH_PORT (default 3112).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createTestDatabase, dropTestDatabase, findTestServer } from "@/test/support/databases";
import { resetEnvForTests } from "@/lib/env";
import { closeDb, getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { clusterInputSchema } from "@/lib/clusters/schema";
import { createCluster } from "@/lib/clusters/mutations";
import { createDrill } from "@/lib/drills/mutations";
import { importMetrics } from "@/lib/drills/import-mutations";
import { getDrillChart } from "@/lib/drills/chart-queries";
import { getDrill } from "@/lib/drills/queries";
import { parseMetricCsv } from "@/lib/drills/metric-import";
import { drillInputSchema, metricImportInputSchema } from "@/lib/drills/schema";
import { clusterFields } from "@/test/support/scorecards";
import { goalRow } from "./common";

const args = new Set(process.argv.slice(2));
const RUNS = Number([...args].find((a) => a.startsWith("--runs="))?.slice(7) ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3112);
const START = Date.parse("2024-05-14T10:00:00Z");

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 10 metrics × 10,000 one-second samples, ISO timestamps, lag-like shapes. */
function csv100k(): string {
  const rows = ["timestamp,metric,value"];
  for (let i = 0; i < 10_000; i++) {
    const iso = new Date(START - 600_000 + i * 1000).toISOString();
    for (let m = 0; m < 10; m++) {
      const t = i - 600;
      const v = t < 0 ? 200 + m : Math.round(200 + 150_000 * Math.exp(-t / (60 + m * 10)));
      rows.push(`${iso},consumer_lag_group_${m},${v}`);
    }
  }
  return rows.join("\n");
}

/** A Prometheus range-query body with 20 series × 5,000 points at a 1 s step. */
function prom20x5000(): string {
  const result = Array.from({ length: 20 }, (_, s) => ({
    metric: { __name__: "kafka_consumergroup_lag", group: `group-${s}` },
    values: Array.from({ length: 5000 }, (_, i) => {
      const t = i - 300;
      const v = t < 0 ? 100 : 100 + 80_000 * Math.exp(-t / (40 + s * 5)) + (i % 17) * 3;
      return [(START - 300_000) / 1000 + i, v.toFixed(1)];
    }),
  }));
  return JSON.stringify({ status: "success", data: { resultType: "matrix", result } });
}

async function setup(): Promise<{ user: CurrentUser; clusterId: string }> {
  const db = await getDb();
  const user: CurrentUser = { id: "bench-editor", name: "Bench editor", email: "bench@drillbook.test", role: "editor" };
  await db.user.create({ data: { id: user.id, name: user.name, email: user.email, role: user.role } });
  const { id: clusterId } = await createCluster(
    user,
    clusterInputSchema.parse(clusterFields({ name: "bench-cluster", peakEgressMBps: "150", ownerTeam: "bench" })),
  );
  return { user, clusterId };
}

const newDrill = (user: CurrentUser, clusterId: string, title: string) =>
  createDrill(user, drillInputSchema.parse({ clusterId, scenario: "broker_kill", title, startedAt: "2024-05-14T10:00:00", targetLagRecoveredSec: "600" }));

async function benchImport(user: CurrentUser, clusterId: string) {
  const text = csv100k();
  console.log(`\n1. CSV import: 100,000 points (10 metrics × 10,000), ${mb(Buffer.byteLength(text))}, ${RUNS} runs`);
  const times: number[] = [];
  let maxGrowth = 0;
  for (let r = 0; r < RUNS; r++) {
    const { id } = await newDrill(user, clusterId, `import run ${r + 1}`);
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 2);
    const t = performance.now();
    const result = await importMetrics(user, metricImportInputSchema.parse({ drillId: id, format: "csv", sourceName: "bench.csv", threshold: "1000" }), text);
    const elapsed = performance.now() - t;
    clearInterval(sampler);
    const after = process.memoryUsage();
    peakRss = Math.max(peakRss, after.rss);
    peakHeap = Math.max(peakHeap, after.heapUsed);
    times.push(elapsed);
    maxGrowth = Math.max(maxGrowth, peakRss - before.rss);
    console.log(
      `   run ${r + 1}: ${ms(elapsed)} (${result.seriesCount} series, ${result.pointCount} points) · rss ${mb(before.rss)} → peak ${mb(peakRss)} · heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)}`,
    );
  }
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const parseTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const parsed = parseMetricCsv(text);
    parseTimes.push(performance.now() - t);
    if (!parsed.ok || parsed.pointCount !== 100_000) throw new Error("fixture did not parse");
  }
  const db = await getDb();
  const [{ points }] = await db.$queryRaw<{ points: number }[]>`SELECT sum(cardinality("timesMs"))::int AS points FROM metric_series`;
  console.log(`   parse only (parseMetricCsv): median ${ms(median(parseTimes))}`);
  console.log(`   import mutation (parse + validate + store in one transaction): median ${ms(median(times))}, min ${ms(Math.min(...times))}`);
  console.log(`   stored points in the database: ${points.toLocaleString("en-US")} (complete, ${RUNS} × 100,000)`);
  console.log(`   process peak RSS after the imports (resourceUsage.maxRSS): ${mb(maxRss)}`);
  goalRow({ measure: "100k-point CSV import (median)", value: median(times), unit: "ms", goal: 1000 });
  goalRow({ measure: "100k-point CSV import, peak RSS growth", value: maxGrowth / 1024 / 1024, unit: "MB", goal: 60 });
}

async function benchChart(user: CurrentUser, clusterId: string): Promise<string> {
  const { id } = await newDrill(user, clusterId, "chart: 20 series × 5,000 points");
  const text = prom20x5000();
  const input = metricImportInputSchema.parse({
    drillId: id,
    format: "prometheus",
    sourceName: "bench.json",
    queryText: "kafka_consumergroup_lag",
    threshold: "1000",
  });
  const t0 = performance.now();
  await importMetrics(user, input, text);
  console.log(`\n2. Chart data: 20 series × 5,000 points (Prometheus JSON ${mb(Buffer.byteLength(text))}, imported in ${ms(performance.now() - t0)})`);
  const chartTimes: number[] = [];
  const pageTimes: number[] = [];
  let payload = 0;
  let drawn = 0;
  for (let r = 0; r < 6; r++) {
    const t = performance.now();
    const [drill, chart] = await Promise.all([getDrill(user, id), getDrillChart(user, id)]);
    const elapsed = performance.now() - t;
    const t2 = performance.now();
    await getDrillChart(user, id);
    const chartOnly = performance.now() - t2;
    if (!drill || !chart) throw new Error("drill vanished");
    if (r === 0) {
      payload = JSON.stringify(chart).length;
      drawn = chart.series.reduce((n, s) => n + s.shown.timesMs.length, 0);
      continue; // warm-up
    }
    pageTimes.push(elapsed);
    chartTimes.push(chartOnly);
  }
  console.log(
    `   getDrillChart (load 100,000 points, recovery per series, LTTB to ≤ 1,000): median ${ms(median(chartTimes))}, min ${ms(Math.min(...chartTimes))}`,
  );
  console.log(`   page data (getDrill + getDrillChart in parallel): median ${ms(median(pageTimes))}`);
  console.log(`   points sent to the browser: ${drawn.toLocaleString("en-US")} of 100,000; chart payload ${mb(payload)} as JSON`);
  return id;
}

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function benchHttp(databaseUrl: string, drillId: string, secret: string) {
  if (args.has("--no-http")) return;
  if (!existsSync(".next/BUILD_ID")) {
    console.log("\n3. HTTP: skipped (no production build; run `npx next build` first)");
    return;
  }
  const { getAuth } = await import("@/lib/auth/auth");
  const password = `bench-${randomBytes(12).toString("hex")}`;
  const email = "bench-viewer@drillbook.test";
  await (await getAuth()).api.createUser({ body: { email, password, name: "Bench viewer", role: "viewer" } });

  const base = `http://127.0.0.1:${PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: secret,
    BETTER_AUTH_URL: base,
    DRILLBOOK_NO_SEED: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email, password }),
    });
    const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
    const times: number[] = [];
    let bytes = 0;
    for (let r = 0; r < 6; r++) {
      const t = performance.now();
      const res = await fetch(`${base}/drills/${drillId}`, { headers: { cookie } });
      const body = await res.text();
      const elapsed = performance.now() - t;
      if (res.status !== 200 || !body.includes("chart: 20 series")) throw new Error(`page answered ${res.status}`);
      bytes = Buffer.byteLength(body);
      if (r > 0) times.push(elapsed); // the first request warms the server up
    }
    console.log(
      `\n3. HTTP GET /drills/:id against next start (20 × 5,000 points): median ${ms(median(times))}, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}; HTML ${mb(bytes)}`,
    );
    goalRow({ measure: "Drill page, 20 × 5,000 points, over HTTP (median)", value: median(times), unit: "ms", goal: 150 });
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  }
}

async function main() {
  const server = await findTestServer();
  if (!server) throw new Error("No PostgreSQL server answered; set TEST_DATABASE_URL.");
  const databaseUrl = await createTestDatabase(server, "drillbook_bench");
  const secret = process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("base64url");
  process.env.DATABASE_URL = databaseUrl;
  process.env.BETTER_AUTH_SECRET = secret;
  process.env.DRILLBOOK_NO_SEED = "1";
  resetEnvForTests();
  console.log(`Drill benchmarks · Node ${process.version} · fresh database ${new URL(databaseUrl).pathname.slice(1)} on ${new URL(server).host}`);
  try {
    const { user, clusterId } = await setup();
    await benchImport(user, clusterId);
    const drillId = await benchChart(user, clusterId);
    await benchHttp(databaseUrl, drillId, secret);
  } finally {
    await closeDb();
    await dropTestDatabase(server, databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
