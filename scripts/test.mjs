// npm test: unit tests, integration tests (PostgreSQL server, or the embedded database when
// no server answers outside CI), then the Playwright end-to-end tests in Chromium.
// Prints which database each layer used.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import os from "node:os";
import readline from "node:readline";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";

const LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres";
const isCI = Boolean(process.env.CI);

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label} ━━ ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} passed in ${seconds}s`);
}

async function serverAnswers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const forceEmbedded = process.env.DRILLBOOK_TEST_EMBEDDED === "1";
const configured = forceEmbedded ? undefined : process.env.TEST_DATABASE_URL || undefined;
const server = configured ?? LOCAL;
const haveServer = !forceEmbedded && (await serverAnswers(server));
if (!haveServer && !forceEmbedded && (configured || isCI)) {
  console.error(`✗ ${configured ? "TEST_DATABASE_URL" : "CI"} requires a PostgreSQL server, but ${new URL(server).host} does not answer.`);
  process.exit(1);
}
const dbEnv = haveServer ? { TEST_DATABASE_URL: server } : { TEST_DATABASE_URL: "" };
console.log(
  haveServer
    ? `Database for integration and e2e tests: PostgreSQL server at ${new URL(server).host} (a fresh database per run).`
    : forceEmbedded
      ? "DRILLBOOK_TEST_EMBEDDED=1: integration and e2e tests run on the embedded database (PGlite)."
      : `No PostgreSQL server at ${new URL(server).host}: integration and e2e tests run on the embedded database (PGlite).`,
);

// not e2e/.artifacts/reports: the report specs write their downloads there and clear it
const reports = "e2e/.artifacts/summary";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestArgs = (project) => [
  "vitest",
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reports}/${project}.json`,
];

/**
 * Integration and e2e tests run as shards in parallel processes, each with a database of its
 * own (the int global setup and e2e/start-server.mjs each create a fresh one) and, for e2e,
 * a server of its own on a free port. Output lines carry the shard's name.
 */
const INT_SHARDS = Math.max(1, Number(process.env.DRILLBOOK_TEST_SHARDS ?? Math.min(2, os.availableParallelism())));
/**
 * E2E runs in one shard unless DRILLBOOK_E2E_SHARDS says otherwise. Each e2e shard is a Next.js
 * server, a Chromium and a test runner; on 2 cores two of them (load average 13, 44 % of the CPU
 * in the kernel) took 1,499 s for the suite that one shard runs in 780 s (measured 2026-12-02,
 * same commit). Integration tests do gain from two shards: 365 s against 442 s for one.
 */
const E2E_SHARDS = Math.max(1, Number(process.env.DRILLBOOK_E2E_SHARDS ?? 1));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs one command per shard at once; waits for all, then fails if any failed. */
async function runShards(label, shardCount, commandFor) {
  console.log(`\n━━ ${label} ━━ ${shardCount} shard${shardCount === 1 ? "" : "s"} in parallel`);
  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: shardCount }, async (_, i) => {
      const { cmd, args, env } = await commandFor(i + 1);
      const tag = shardCount === 1 ? "" : `[${i + 1}/${shardCount}] `;
      console.log(`${tag}${cmd} ${args.join(" ")}`);
      const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
      for (const stream of [child.stdout, child.stderr]) {
        readline.createInterface({ input: stream }).on("line", (line) => console.log(tag + line));
      }
      const code = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
      return { shard: i + 1, code, seconds: ((Date.now() - started) / 1000).toFixed(1) };
    }),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const failedShards = results.filter((r) => r.code !== 0);
  const perShard = results.map((r) => `shard ${r.shard} ${r.seconds}s`).join(", ");
  if (failedShards.length > 0) {
    console.error(`\n✗ ${label} failed after ${seconds}s (failed: shard ${failedShards.map((r) => r.shard).join(", ")}; ${perShard})`);
    process.exit(1);
  }
  console.log(`✓ ${label} passed in ${seconds}s (${perShard})`);
}

run("unit tests", "npx", vitestArgs("unit"));
await runShards("integration tests", INT_SHARDS, async (i) => ({
  cmd: "npx",
  args: [...vitestArgs(`int`).slice(0, -1), `--outputFile.json=${reports}/int-${i}.json`, `--shard=${i}/${INT_SHARDS}`],
  env: dbEnv,
}));

if (!process.env.DRILLBOOK_REUSE_BUILD || !existsSync(".next/BUILD_ID")) {
  run("production build for e2e", "npx", ["next", "build"]);
}
/**
 * The e2e spec files split into shards of about equal measured length (longest first, each to
 * the shard with the least so far), from e2e/durations.json (scripts/e2e-durations.mjs). Not
 * Playwright's --shard: it splits by test count in file order, which put the long specs
 * together (shards of 18 and 13 min). A spec not measured yet counts as the median.
 */
function balancedSpecShards() {
  const measured = JSON.parse(readFileSync("e2e/durations.json", "utf8"));
  const values = Object.values(measured).sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)] ?? 60;
  const specs = readdirSync("e2e")
    .filter((f) => f.endsWith(".spec.ts"))
    .map((f) => ({ file: `e2e/${f}`, seconds: measured[f] ?? median }))
    .sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const shards = Array.from({ length: E2E_SHARDS }, () => ({ files: [], seconds: 0 }));
  for (const spec of specs) {
    const lightest = shards.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    lightest.files.push(spec.file);
    lightest.seconds += spec.seconds;
  }
  return shards;
}
const e2eShards = balancedSpecShards();
await runShards("end-to-end tests (Chromium)", E2E_SHARDS, async (i) => ({
  cmd: "npx",
  // a spec path is a filter (a regular expression on the path); "e2e/" keeps portfolio.spec.ts from matching demo-portfolio.spec.ts
  args: ["playwright", "test", ...e2eShards[i - 1].files],
  env: {
    ...dbEnv,
    E2E_PORT: String(await freePort()),
    E2E_OUTPUT_DIR: `e2e/.artifacts/results-${i}`,
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e-${i}.json`,
  },
}));

// One closing line for every layer together, in the plain form CI tools read.
let passed = 0;
let failed = 0;
let skipped = 0;
const shardFiles = (layer, count) => Array.from({ length: count }, (_, i) => `${reports}/${layer}-${i + 1}.json`);
for (const file of [`${reports}/unit.json`, ...shardFiles("int", INT_SHARDS)]) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
for (const file of shardFiles("e2e", E2E_SHARDS)) {
  const e2e = JSON.parse(readFileSync(file, "utf8")).stats;
  passed += e2e.expected + e2e.flaky;
  failed += e2e.unexpected;
  skipped += e2e.skipped;
}
console.log("\nAll test layers passed.");
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
