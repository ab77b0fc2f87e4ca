// Starts the production build for the e2e run on a database of its own: a fresh PostgreSQL
// database when TEST_DATABASE_URL names a server (dropped again on exit), otherwise a fresh
// embedded database in a temporary folder (removed on exit).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const port = process.argv[2] ?? "3100";
const server = process.env.TEST_DATABASE_URL;
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
  DRILLBOOK_NO_SEED: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};
let cleanup = () => {};

if (server) {
  const name = `drillbook_e2e_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.BETTER_AUTH_SECRET = `e2e-${Math.random().toString(36).slice(2)}-${Date.now()}-secret-value`;
  console.log(`[e2e] PostgreSQL server ${url.host}, fresh database ${name}`);
  cleanup = async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), "drillbook-e2e-"));
  delete env.DATABASE_URL;
  env.DRILLBOOK_DATA_DIR = dir;
  console.log(`[e2e] embedded database (PGlite) in ${dir}`);
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

// Started directly (not through npx, which does not always pass SIGTERM on) and in its own
// process group, so stopping kills next-server too and the database can be dropped.
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env, detached: true });
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", resolve)));
  await cleanup().catch((e) => console.error("[e2e] cleanup failed:", e.message));
  process.exit(code);
}
child.on("exit", (code) => {
  if (!stopping) stop(code ?? 1);
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0));
