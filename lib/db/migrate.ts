/**
 * Applies prisma/migrations/<name>/migration.sql in order and records each one in
 * `_prisma_migrations` the way Prisma Migrate does (same table, columns, SHA-256 checksum of
 * the file, applied_steps_count = 1), so `prisma migrate status`/`deploy` agree with us.
 *
 * Differences from Prisma, on purpose: each migration runs in one transaction together with
 * its bookkeeping row (atomic), and a failed one is recorded as rolled back (it was) so a
 * fixed file can simply be applied on the next start. Runners are serialized by the same
 * advisory lock key Prisma Migrate takes, so two app servers starting together are safe.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The lock id Prisma Migrate uses for pg_advisory_lock. */
export const PRISMA_ADVISORY_LOCK_ID = 72707369;

/** The smallest interface both `pg.Client` and PGlite offer. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** runs a script of several statements */
  exec(sql: string): Promise<unknown>;
  /** false for PGlite: one process, one connection, guarded by the folder lock instead */
  supportsAdvisoryLocks: boolean;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
  warnings: string[];
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function defaultMigrationsDir(): string {
  return path.resolve(process.cwd(), "prisma/migrations");
}

/** Reads the migration folders in name order (Prisma's timestamp prefixes sort by time). */
export function readMigrations(dir = defaultMigrationsDir()): MigrationFile[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies every migration that is not yet recorded as finished. */
export async function applyMigrations(db: SqlRunner, migrations = readMigrations()): Promise<MigrationReport> {
  const report: MigrationReport = { applied: [], alreadyApplied: 0, warnings: [] };
  if (db.supportsAdvisoryLocks) await db.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_ID]);
  try {
    await db.exec(CREATE_TABLE);
    const { rows } = await db.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
    const finished = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
    const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at);
    if (failed.length > 0) {
      throw new Error(
        `Migration ${failed[0].migration_name} failed earlier and is not marked rolled back; ` +
          `fix the database, then run \`prisma migrate resolve --rolled-back ${failed[0].migration_name}\`.`,
      );
    }
    const known = new Set(migrations.map((m) => m.name));
    for (const name of finished.keys()) {
      if (!known.has(name)) report.warnings.push(`Migration ${name} is applied in the database but missing from prisma/migrations.`);
    }
    for (const migration of migrations) {
      const done = finished.get(migration.name);
      if (done) {
        report.alreadyApplied++;
        if (done.checksum !== migration.checksum) {
          report.warnings.push(`Migration ${migration.name} was modified after it was applied (checksum differs).`);
        }
        continue;
      }
      await applyOne(db, migration);
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    if (db.supportsAdvisoryLocks) await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_ID]);
  }
}

async function applyOne(db: SqlRunner, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await db.exec("BEGIN");
  try {
    await db.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
      id,
      migration.checksum,
      migration.name,
    ]);
    await db.exec(migration.sql);
    await db.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK");
    const message = error instanceof Error ? error.message : String(error);
    // Record the attempt as Prisma would, marked rolled back because the transaction undid it.
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), now(), 0)`,
      [id, migration.checksum, migration.name, message],
    );
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`);
  }
}
