/**
 * npm run bench:portfolio — portfolio page server time at 5,000 clusters / 25,000 scorecards /
 * 1,000,000 scorecard items, on a fresh PostgreSQL database (TEST_DATABASE_URL or the local
 * server), dropped afterwards (pass --keep to keep it and print its URL).
 *
 * For the first page, a filtered page and a sorted page it times (median and p95 over RUNS):
 *   page     — everything the page reads, through the same functions the page calls;
 *   page SQL — the same queries written by hand in SQL (pg, same pool size);
 *   table / table SQL — only the table's count + page query.
 * The ORM/SQL ratio is median ÷ median.
 */
import pg from "pg";
import { createTestDatabase, dropTestDatabase, findTestServer } from "../../test/support/databases";
import { seedPortfolio, SEED } from "./seed-portfolio";
import { rawListPortfolio, rawPortfolioPage } from "./raw-sql";
import { goalRow, stats } from "./common";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
const keep = process.argv.includes("--keep");

const server = await findTestServer();
if (!server) {
  console.error("No PostgreSQL server answered; set TEST_DATABASE_URL (the benchmark needs a server, not the embedded database).");
  process.exit(1);
}
const url = await createTestDatabase(server, "drillbook_bench");
process.env.DATABASE_URL = url;
process.env.DRILLBOOK_NO_SEED = "1";
process.env.DRILLBOOK_SWEEP_INTERVAL_SECONDS = "0";

// imported after DATABASE_URL is set: lib/env reads it once
const { getDb, closeDb } = await import("../../lib/db/client");
const { loadPortfolioPage, listPortfolio } = await import("../../lib/portfolio/queries");
const { listCampaigns } = await import("../../lib/campaigns/queries");
const { readPortfolioQuery } = await import("../../lib/portfolio/schema");

async function time(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

const fmt = (n: number) => n.toFixed(2).padStart(8);

try {
  await getDb(); // migrates the fresh database
  const seedClient = new pg.Client({ connectionString: url });
  await seedClient.connect();
  const seedStart = performance.now();
  const counts = await seedPortfolio(seedClient);
  await seedClient.end();
  console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s:`, counts);
  if (counts.cluster !== SEED.clusters || counts.scorecard_item !== 1_000_000) throw new Error("seed did not produce the expected row counts");

  const user = { id: "bench-user", name: "Bench Admin", email: "bench@example.com", role: "admin" as const };
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const variants = {
    "first page": readPortfolioQuery({}).query,
    "filtered page": readPortfolioQuery({ q: "team-1", env: "production", outcome: "limited_workload" }).query,
    "sorted page": readPortfolioQuery({ sort: "score", dir: "desc", page: "10" }).query,
  };

  console.log(`\n${RUNS} runs each after ${WARMUP} warm-up runs; milliseconds`);
  console.log(
    `${"".padEnd(15)}${"page med".padStart(10)}${"page p95".padStart(10)}${"SQL med".padStart(10)}${"SQL p95".padStart(10)}${"ratio".padStart(8)}   |${"table med".padStart(10)}${"table p95".padStart(10)}${"SQL med".padStart(10)}${"SQL p95".padStart(10)}${"ratio".padStart(8)}   rows/total`,
  );
  for (const [label, query] of Object.entries(variants)) {
    const check = await listPortfolio(user, query);
    const raw = await rawListPortfolio(pool, query);
    if (check.total !== raw.total || check.rows.map((r) => r.id).join() !== raw.rows.map((r) => r.id).join()) {
      throw new Error(`${label}: the ORM and the SQL disagree (${check.total} vs ${raw.total})`);
    }
    const page = await time(() => Promise.all([loadPortfolioPage(user, query), listCampaigns(user)]));
    const pageSql = await time(() => rawPortfolioPage(pool, query));
    const table = await time(() => listPortfolio(user, query));
    const tableSql = await time(() => rawListPortfolio(pool, query));
    console.log(
      `${label.padEnd(15)}${fmt(page.median)}  ${fmt(page.p95)}  ${fmt(pageSql.median)}  ${fmt(pageSql.p95)}  ${(page.median / pageSql.median).toFixed(2).padStart(6)}   |` +
        `${fmt(table.median)}  ${fmt(table.p95)}  ${fmt(tableSql.median)}  ${fmt(tableSql.p95)}  ${(table.median / tableSql.median).toFixed(2).padStart(6)}   ${check.rows.length}/${check.total}`,
    );
    goalRow({ measure: `Portfolio page ÷ hand-written SQL, ${label}`, value: page.median / pageSql.median, unit: "×", goal: 1.3 });
    goalRow({ measure: `Portfolio table query ÷ SQL, ${label}`, value: table.median / tableSql.median, unit: "×", goal: 1.3 });
  }
  await pool.end();
} finally {
  await closeDb();
  if (keep) console.log(`\nkept the database: ${url}`);
  else await dropTestDatabase(server, url);
}
