// npm test: unit tests, integration tests (PostgreSQL server, or the embedded database when
// no server answers outside CI), then the Playwright end-to-end tests in Chromium.
// Prints which database each layer used.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
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
const vitestArgs = (project) => ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/${project}.json`];

run("unit tests", "npx", vitestArgs("unit"));
run("integration tests", "npx", vitestArgs("int"), dbEnv);

if (!process.env.DRILLBOOK_REUSE_BUILD || !existsSync(".next/BUILD_ID")) {
  run("production build for e2e", "npx", ["next", "build"]);
}
run("end-to-end tests (Chromium)", "npx", ["playwright", "test"], { ...dbEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` });

// One closing line for every layer together, in the plain form CI tools read.
let passed = 0;
let failed = 0;
let skipped = 0;
for (const project of ["unit", "int"]) {
  const r = JSON.parse(readFileSync(`${reports}/${project}.json`, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
const e2e = JSON.parse(readFileSync(`${reports}/e2e.json`, "utf8")).stats;
passed += e2e.expected + e2e.flaky;
failed += e2e.unexpected;
skipped += e2e.skipped;
console.log("\nAll test layers passed.");
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
