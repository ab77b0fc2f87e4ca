/**
 * The teams migration on a database seeded the old way: clusters with free-text owner teams in
 * case and spacing variants, then the migration. On the embedded database and, when one
 * answers, a PostgreSQL server.
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, readMigrations, type SqlRunner } from "@/lib/db/migrate";
import { createTestDatabase, dropTestDatabase } from "@/test/support/databases";

const serverUrl = inject("serverUrl");
const all = readMigrations();
const teamsAt = all.findIndex((m) => m.name.endsWith("_teams"));
const before = all.slice(0, teamsAt);

/** Owner-team spellings as people typed them, one cluster each. */
const OLD_OWNER_TEAMS = [
  "Payments",
  "Payments",
  " payments",
  "PAYMENTS ",
  "Orders",
  "orders  platform",
  "Orders Platform",
  "Orders\tPlatform ",
  "orders platform",
  "Search",
  "search",
];

async function seedOldWay(db: SqlRunner): Promise<void> {
  await applyMigrations(db, before);
  for (const [i, owner] of OLD_OWNER_TEAMS.entries()) {
    await db.query(
      `INSERT INTO "cluster" ("id","name","environment","architecture","distribution","version","metadataMode","brokerCount","availabilityZones",
         "cloud","region","replicationFactor","partitionCount","retentionHours","peakIngressMBps","peakEgressMBps","ownerTeam","tags","updatedAt")
       VALUES ($1, $2, 'production', 'apache-kafka', 'Apache Kafka', '3.9.0', 'kraft', 3, 3, 'aws', 'eu-west-1', 3, 10, 24, 1, 1, $3, '{}', now())`,
      [`c${i}`, `cluster-${i}`, owner],
    );
  }
}

async function checkMigrated(db: SqlRunner): Promise<void> {
  const report = await applyMigrations(db);
  expect(report.applied).toEqual(all.slice(teamsAt).map((m) => m.name));
  const teams = (
    await db.query<{ id: string; name: string; key: string; mergedNames: string[]; archivedAt: Date | null }>(
      `SELECT id, name, key, "mergedNames", "archivedAt" FROM "team" ORDER BY key`,
    )
  ).rows;
  // the most common tidy spelling names the team; a tie goes to the first in byte order
  expect(teams.map(({ name, key, mergedNames, archivedAt }) => ({ name, key, mergedNames, archivedAt }))).toEqual([
    { name: "Orders", key: "orders", mergedNames: [], archivedAt: null },
    { name: "Orders Platform", key: "orders platform", mergedNames: ["Orders\tPlatform ", "orders  platform", "orders platform"], archivedAt: null },
    { name: "Payments", key: "payments", mergedNames: [" payments", "PAYMENTS "], archivedAt: null },
    { name: "Search", key: "search", mergedNames: ["search"], archivedAt: null },
  ]);
  const teamOf = Object.fromEntries(teams.map((t) => [t.id, t.name]));
  const clusters = (await db.query<{ id: string; ownerTeam: string; teamId: string }>(`SELECT id, "ownerTeam", "teamId" FROM "cluster" ORDER BY id`)).rows;
  const expected = [
    "Payments",
    "Payments",
    "Payments",
    "Payments",
    "Orders",
    "Orders Platform",
    "Orders Platform",
    "Orders Platform",
    "Orders Platform",
    "Search",
    "Search",
  ];
  expect(Object.fromEntries(clusters.map((c) => [c.id, [c.ownerTeam, teamOf[c.teamId]]]))).toEqual(
    Object.fromEntries(expected.map((name, i) => [`c${i}`, [name, name]])),
  );
  // the column is required from now on
  await expect(db.query(`UPDATE "cluster" SET "teamId" = NULL WHERE id = 'c0'`)).rejects.toThrow(/null value/);
}

describe("the teams migration, on a database seeded the old way", () => {
  it("merges owner-team spellings into teams on the embedded database", async () => {
    const db = new PGlite();
    const runner: SqlRunner = { query: (s, p) => db.query(s, p) as never, exec: (s) => db.exec(s), supportsAdvisoryLocks: false };
    await seedOldWay(runner);
    await checkMigrated(runner);
    await db.close();
  });

  describe.skipIf(!serverUrl)("on a PostgreSQL server", () => {
    let url = "";
    afterAll(async () => {
      if (url) await dropTestDatabase(serverUrl!, url);
    });
    it("merges owner-team spellings into teams", async () => {
      url = await createTestDatabase(serverUrl!, "drillbook_teams_migration");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const runner: SqlRunner = { query: (s, p) => client.query(s, p) as never, exec: (s) => client.query(s), supportsAdvisoryLocks: true };
      try {
        await seedOldWay(runner);
        await checkMigrated(runner);
      } finally {
        await client.end();
      }
    });
  });
});
