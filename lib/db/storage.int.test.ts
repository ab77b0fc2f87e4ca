/**
 * The storage layer against both databases it supports: a real PostgreSQL server (fresh
 * databases created here) and the embedded PGlite (fresh folders).
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { teamLink } from "@/lib/teams/rules";
import { createTestDatabase, dropTestDatabase } from "@/test/support/databases";
import { applyMigrations, readMigrations, type SqlRunner } from "./migrate";
import { acquireDataDirLock, DatabaseInUseError } from "./pglite-lock";

const serverUrl = inject("serverUrl");
const tempDirs: string[] = [];
function tempDir() {
  const d = mkdtempSync(path.join(os.tmpdir(), "drillbook-storage-"));
  tempDirs.push(d);
  return d;
}
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function pgRunner(client: pg.Client): SqlRunner {
  return { query: (s, p) => client.query(s, p) as never, exec: (s) => client.query(s), supportsAdvisoryLocks: true };
}
function pgliteRunner(db: PGlite): SqlRunner {
  return { query: (s, p) => db.query(s, p) as never, exec: (s) => db.exec(s), supportsAdvisoryLocks: false };
}

/** A migrations folder with the real migrations plus extra ones. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = tempDir();
  for (const m of readMigrations()) {
    mkdirSync(path.join(dir, m.name));
    writeFileSync(path.join(dir, m.name, "migration.sql"), m.sql);
  }
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const sampleCluster = {
  name: "storage-test",
  environment: "staging" as const,
  architecture: "apache_kafka" as const,
  distribution: "Apache Kafka",
  version: "3.9.0",
  metadataMode: "kraft" as const,
  brokerCount: 3,
  availabilityZones: 3,
  cloud: "aws",
  region: "eu-west-1",
  replicationFactor: 3,
  partitionCount: 10,
  retentionHours: 24,
  peakIngressMBps: 1,
  peakEgressMBps: 2,
  ownerTeam: "team",
  team: teamLink("team"),
};

async function exerciseClient(prisma: PrismaClient) {
  const created = await prisma.cluster.create({ data: { ...sampleCluster, tags: ["a", "b"] } });
  const read = await prisma.cluster.findUniqueOrThrow({ where: { id: created.id } });
  expect(read.tags).toEqual(["a", "b"]);
  expect(read.architecture).toBe("apache_kafka");
  await expect(prisma.cluster.create({ data: sampleCluster })).rejects.toMatchObject({ code: "P2002" });
  // an interactive transaction that fails leaves nothing behind
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.cluster.update({ where: { id: created.id }, data: { ownerTeam: "changed" } });
      throw new Error("abort");
    }),
  ).rejects.toThrow("abort");
  expect((await prisma.cluster.findUniqueOrThrow({ where: { id: created.id } })).ownerTeam).toBe("team");
}

describe("migration runner on the embedded database (PGlite)", () => {
  it("applies every migration once and records it as Prisma Migrate does", async () => {
    const db = new PGlite();
    const first = await applyMigrations(pgliteRunner(db));
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await applyMigrations(pgliteRunner(db));
    expect(second).toMatchObject({ applied: [], alreadyApplied: first.applied.length, warnings: [] });
    const { rows } = await db.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(`SELECT migration_name, checksum, applied_steps_count, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const init = readMigrations()[0];
    const fileChecksum = createHash("sha256")
      .update(readFileSync(path.join("prisma/migrations", init.name, "migration.sql")))
      .digest("hex");
    expect(rows).toHaveLength(first.applied.length);
    expect(rows[0]).toMatchObject({ migration_name: init.name, checksum: fileChecksum, applied_steps_count: 1, rolled_back_at: null });
    expect(rows[0].finished_at).toBeInstanceOf(Date);
    await db.close();
  });

  it("rolls a failing migration back completely and records the attempt as rolled back", async () => {
    const db = new PGlite();
    const dir = migrationsWith({ "29990101000000_broken": `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";` });
    await expect(applyMigrations(pgliteRunner(db), readMigrations(dir))).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const table = await db.query(`SELECT to_regclass('public.half_done') AS t`);
    expect(table.rows[0]).toEqual({ t: null });
    const { rows } = await db.query<{ finished_at: Date | null; rolled_back_at: Date | null; logs: string }>(
      `SELECT finished_at, rolled_back_at, logs FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].finished_at).toBeNull();
    expect(rows[0].rolled_back_at).toBeInstanceOf(Date);
    expect(rows[0].logs).toContain("no_such_table");
    await db.close();
  });

  it("warns when an applied migration was edited afterwards", async () => {
    const db = new PGlite();
    await applyMigrations(pgliteRunner(db));
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    const report = await applyMigrations(pgliteRunner(db), edited);
    expect(report.warnings[0]).toMatch(/was modified after it was applied/);
    await db.close();
  });

  it("stores and reads data through the PGlite Prisma adapter", async () => {
    const db = new PGlite();
    await applyMigrations(pgliteRunner(db));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
    await exerciseClient(prisma);
    await prisma.$disconnect();
    await db.close();
  });

  it("persists to its folder across a close and reopen", async () => {
    const dir = tempDir();
    const first = new PGlite(dir);
    await applyMigrations(pgliteRunner(first));
    await first.query(`INSERT INTO "verification" (id, identifier, value, "expiresAt", "updatedAt") VALUES ('v1', 'i', 'v', now(), now())`);
    await first.close();
    const second = new PGlite(dir);
    expect((await applyMigrations(pgliteRunner(second))).applied).toEqual([]);
    expect((await second.query(`SELECT id FROM "verification"`)).rows).toEqual([{ id: "v1" }]);
    await second.close();
  });
});

describe("embedded database folder lock", () => {
  it("refuses a second opener with a message naming the holder", () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    writeFileSync(path.join(dir, "drillbook.lock"), JSON.stringify({ pid: process.ppid, host: os.hostname() }));
    let error: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toMatch(new RegExp(`in use by process ${process.ppid}.*set DATABASE_URL`));
    rmSync(path.join(dir, "drillbook.lock"));
    release();
  });

  it("takes over a stale lock left by a process that no longer runs", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "drillbook.lock"), JSON.stringify({ pid: 2_147_000_000, host: os.hostname() }));
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(path.join(dir, "drillbook.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(() => readFileSync(path.join(dir, "drillbook.lock"))).toThrow();
  });
});

describe.skipIf(!serverUrl)("migration runner on a PostgreSQL server", () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const url of created) await dropTestDatabase(serverUrl!, url);
  });
  async function freshDatabase() {
    const url = await createTestDatabase(serverUrl!, "drillbook_storage");
    created.push(url);
    return url;
  }

  it("serializes two servers starting together: each migration is applied exactly once", async () => {
    const url = await freshDatabase();
    const a = new pg.Client({ connectionString: url });
    const b = new pg.Client({ connectionString: url });
    await Promise.all([a.connect(), b.connect()]);
    const [ra, rb] = await Promise.all([applyMigrations(pgRunner(a)), applyMigrations(pgRunner(b))]);
    const names = readMigrations().map((m) => m.name);
    expect([...ra.applied, ...rb.applied].sort()).toEqual(names);
    const { rows } = await a.query(`SELECT migration_name, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toEqual(names.map((migration_name) => ({ migration_name, applied_steps_count: 1 })));
    await Promise.all([a.end(), b.end()]);
  });

  it("keeps a failed migration atomic on PostgreSQL too", async () => {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const dir = migrationsWith({ "29990101000000_broken": `ALTER TABLE "cluster" ADD COLUMN "x" int;\nSELECT 1/0;` });
    await expect(applyMigrations(pgRunner(client), readMigrations(dir))).rejects.toThrow(/division by zero/);
    const cols = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'cluster' AND column_name = 'x'`);
    expect(cols.rows).toEqual([]);
    // the fixed file applies on the next start
    writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), `ALTER TABLE "cluster" ADD COLUMN "x" int;`);
    expect((await applyMigrations(pgRunner(client), readMigrations(dir))).applied).toEqual(["29990101000000_broken"]);
    await client.end();
  });

  it("stores and reads data through the pg Prisma adapter", async () => {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await applyMigrations(pgRunner(client));
    await client.end();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    await exerciseClient(prisma);
    await prisma.$disconnect();
  });
});
