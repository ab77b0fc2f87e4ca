/**
 * Per-file setup for integration tests: point lib/env at the run's database, start every
 * test on empty tables, and close the client after the file.
 */
import { afterAll, beforeEach, inject } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { closeDb, getDb } from "@/lib/db/client";

const databaseUrl = inject("databaseUrl");
const dataDir = inject("dataDir");
if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
} else {
  delete process.env.DATABASE_URL;
  process.env.DRILLBOOK_DATA_DIR = dataDir ?? undefined;
}
process.env.DRILLBOOK_NO_SEED = "1";
resetEnvForTests();

/** Empties every application table (keeps the migration history). */
export async function truncateAll(): Promise<void> {
  const db = await getDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

beforeEach(async () => {
  await truncateAll();
});

afterAll(async () => {
  await closeDb();
});
