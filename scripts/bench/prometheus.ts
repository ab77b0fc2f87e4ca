/**
 * Prometheus pull benchmark: "Pull metrics from Prometheus" on a drill whose window is 1 hour,
 * so each of the 8 library queries returns 721 points per series at a 5 s step, against a local
 * Prometheus started over backfilled broker-kill history, on a fresh PostgreSQL database
 * (created here, dropped at the end). Prints the median and p95 of the whole pull (queries,
 * computation, the storing transaction) and the share of it spent waiting on Prometheus.
 *
 *   npm run bench:prometheus [-- --runs=20] [-- --keep]    (server: TEST_DATABASE_URL or the local one)
 */
import { performance } from "node:perf_hooks";
import { createTestDatabase, dropTestDatabase, LOCAL_SERVER_URL } from "@/test/support/databases";
import { brokerKillFamilies, brokerKillTruth } from "@/test/support/broker-kill";
import { prometheusInstalled, startPrometheus, toOpenMetrics } from "@/test/support/prometheus";
import { goalRow, stats } from "./common";

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 20);
const KEEP = args.includes("--keep");

async function main() {
  if (!prometheusInstalled) {
    console.error("Prometheus is not installed: apt-get install -y prometheus");
    process.exit(1);
  }
  const start = Date.parse("2026-11-30T10:00:00Z") / 1000;
  // 50 min drill + 5 min margins on each side = a 1 h window
  const truth = { ...brokerKillTruth(start), drillEndSec: start + 3000 };
  const prom = await startPrometheus(toOpenMetrics(brokerKillFamilies(truth, { elections: true })));
  const server = process.env.TEST_DATABASE_URL || LOCAL_SERVER_URL;
  const databaseUrl = await createTestDatabase(server, "drillbook_bench_prometheus");
  process.env.DATABASE_URL = databaseUrl;
  process.env.DRILLBOOK_NO_SEED = "1";
  const { getDb, closeDb } = await import("@/lib/db/client");
  try {
    const db = await getDb();
    const { pullSetup } = await import("@/test/support/pull-fixtures");
    const { pullDrillMetrics } = await import("@/lib/prometheus/pull-mutations");
    const iso = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 19);
    const { editor, drillId } = await pullSetup(prom.url, { startedAt: iso(truth.drillStartSec), endedAt: iso(truth.drillEndSec) });
    void db;
    const first = await pullDrillMetrics(editor, drillId);
    const ok = first.queries.filter((q) => q.status === "ok");
    const windowMin = (Date.parse(first.window.end) - Date.parse(first.window.start)) / 60_000;
    console.log(
      `pull: ${first.queries.length} queries (${ok.length} with data), window ${windowMin} min, step ${first.window.stepSeconds} s, ${ok.reduce((n, q) => n + q.pointCount, 0)} points stored`,
    );
    console.log(`first pull (cold): ${first.timings.totalMs} ms`);
    const total: number[] = [];
    const waiting: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const r = await pullDrillMetrics(editor, drillId);
      total.push(performance.now() - started);
      waiting.push(r.timings.prometheusMs);
    }
    const t = stats(total);
    const w = stats(waiting);
    const share = waiting.reduce((a, b) => a + b, 0) / total.reduce((a, b) => a + b, 0);
    console.log(`end to end over ${RUNS} runs: median ${t.median.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms`);
    console.log(`waiting on Prometheus: median ${w.median.toFixed(0)} ms, p95 ${w.p95.toFixed(0)} ms, ${(100 * share).toFixed(0)} % of the pull`);
    goalRow({ measure: "Prometheus pull, 8 queries × 1 h at 5 s (median)", value: t.median, unit: "ms", goal: null });
    goalRow({ measure: "Prometheus pull (p95)", value: t.p95, unit: "ms", goal: null });
    goalRow({ measure: "Prometheus pull, share waiting on Prometheus", value: 100 * share, unit: "%", goal: null });
  } finally {
    await closeDb();
    await prom.stop();
    if (KEEP) console.log(`kept database ${databaseUrl}`);
    else await dropTestDatabase(server, databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
