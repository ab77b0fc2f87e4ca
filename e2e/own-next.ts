/**
 * A `next start` of the production build with exactly the configuration a spec gives it (no
 * defaults from e2e/start-server.mjs), its output captured, in its own process group. For
 * start-up specs and for specs that need the demo portfolio (which start-server.mjs turns off).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const nextBin = path.resolve("node_modules/next/dist/bin/next");
/** Variables a spec sets itself; the rest of the runner's environment is passed on. */
const OWN = ["DATABASE_URL", "BETTER_AUTH_URL", "BETTER_AUTH_SECRET", "DRILLBOOK_DATA_DIR", "DRILLBOOK_NO_SEED", "PORT"];

export interface NextProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  stop(): Promise<void>;
}

export function startNext(port: number, env: Record<string, string>): NextProcess {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OWN.includes(k)));
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...base, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          /* already gone */
        }
      }
      await exited;
    },
  };
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, output: () => string, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server said:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A fresh database for one server: on the TEST_DATABASE_URL server when set, else an embedded one. */
export async function freshDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "drillbook-own-"));
    return { env: { DRILLBOOK_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `drillbook_e2e_own_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), BETTER_AUTH_SECRET: `own-${Math.random().toString(36).slice(2)}-${Date.now()}-secret-value` },
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
