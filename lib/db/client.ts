/**
 * The one database client of a process. With DATABASE_URL it talks to that PostgreSQL
 * server through @prisma/adapter-pg; without it, to an embedded PGlite database stored in
 * DRILLBOOK_DATA_DIR (default .data/pglite), guarded by a lock file. Migrations are applied
 * before the first query.
 */
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { dataDir, env } from "@/lib/env";
import { acquireDataDirLock } from "./pglite-lock";
import { applyMigrations, type MigrationReport, type SqlRunner } from "./migrate";

export type Db = PrismaClient;

interface Handle {
  prisma: PrismaClient;
  kind: "postgresql" | "pglite";
  location: string;
  report: MigrationReport;
  close(): Promise<void>;
}

const globalForDb = globalThis as unknown as { __drillbookDb?: Promise<Handle> };

async function openPostgres(url: string): Promise<Handle> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let report: MigrationReport;
  try {
    report = await applyMigrations({
      query: (sql, params) => client.query(sql, params),
      exec: (sql) => client.query(sql),
      supportsAdvisoryLocks: true,
    } as SqlRunner);
  } finally {
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const safe = new URL(url);
  return {
    prisma,
    kind: "postgresql",
    location: `${safe.hostname}:${safe.port || 5432}${safe.pathname}`,
    report,
    close: () => prisma.$disconnect(),
  };
}

async function openPglite(dir: string): Promise<Handle> {
  const release = acquireDataDirLock(dir);
  try {
    // loaded lazily so a server-only deployment never loads the WebAssembly build
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const pglite = new PGlite(path.join(dir, "pglite"));
    await pglite.waitReady;
    const report = await applyMigrations({
      query: (sql, params) => pglite.query(sql, params) as never,
      exec: (sql) => pglite.exec(sql),
      supportsAdvisoryLocks: false,
    } as SqlRunner);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      kind: "pglite",
      location: path.join(dir, "pglite"),
      report,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function open(): Promise<Handle> {
  const url = env().DATABASE_URL;
  const handle = url ? await openPostgres(url) : await openPglite(dataDir());
  registerShutdown();
  return handle;
}

let shutdownRegistered = false;
function registerShutdown() {
  if (shutdownRegistered) return;
  shutdownRegistered = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      closeDb().finally(() => process.exit(0));
    });
  }
}

function handle(): Promise<Handle> {
  if (!globalForDb.__drillbookDb) {
    globalForDb.__drillbookDb = open();
    // let a failed open be retried by the next caller instead of caching the failure
    globalForDb.__drillbookDb.catch(() => {
      globalForDb.__drillbookDb = undefined;
    });
  }
  return globalForDb.__drillbookDb;
}

/** The PrismaClient of this process (opened and migrated on first use). */
export async function getDb(): Promise<PrismaClient> {
  return (await handle()).prisma;
}

/** Which database this process uses, for start-up messages and the admin page. */
export async function describeDb(): Promise<{ kind: Handle["kind"]; location: string; report: MigrationReport }> {
  const h = await handle();
  return { kind: h.kind, location: h.location, report: h.report };
}

/** Closes the client (and releases the embedded database's lock). */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.__drillbookDb;
  globalForDb.__drillbookDb = undefined;
  if (pending) await (await pending).close();
}
