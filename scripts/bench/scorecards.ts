/**
 * Scorecard benchmark: seeds 200 clusters × 5 scorecards × 40 items (with evidence and
 * drills) into a fresh PostgreSQL database with bulk SQL, then times, on the server side:
 *   - the data of a scorecard page (the same query functions the page awaits),
 *   - saving one item (the autosave mutation: versioned update, signal refresh, audit),
 *   - the outcome of a 200-item scorecard (pure computation, and load + computation).
 * Prints median and p95 per measure, then drops the database.
 *
 *   npm run bench:scorecards            (server: TEST_DATABASE_URL or the local one)
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createTestDatabase, dropTestDatabase, LOCAL_SERVER_URL } from "@/test/support/databases";
import type { TemplateDocument } from "@/lib/templates/schema";
import { goalRow, stats, syntheticTemplate } from "./common";

const CLUSTERS = 200;
const SCORECARDS_PER_CLUSTER = 5;
const ITEMS = 40;
const BIG_ITEMS = 200;

function templateOf(key: string, sections: number, perSection: number): TemplateDocument {
  return syntheticTemplate(key, sections, perSection, {
    name: `Benchmark ${sections * perSection} items`,
    section: (n) => `Section ${n}`,
    item: (n) => `Item ${n}`,
    kinds: () => ["link", "note", "file", "drill", "metric_export"],
  });
}

async function time(runs: number, fn: (i: number) => Promise<unknown> | unknown, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

const STATUS_SQL = `(ARRAY['not_started','in_progress','pass','pass','partial','fail','not_applicable']::"ItemStatus"[])[1 + abs(hashtext(sc.id || ti.id)) % 7]`;

async function seed(sql: pg.Client, templateId: string, bigTemplateId: string) {
  await sql.query(
    `INSERT INTO "user" (id, name, email, role, "emailVerified", "createdAt", "updatedAt") VALUES ('bench-user', 'Bench Editor', 'bench@example.test', 'editor', true, now(), now())`,
  );
  await sql.query(`INSERT INTO team (id, name, key, "updatedAt") SELECT 'bench-team-' || t, 'team-' || t, 'team-' || t, now() FROM generate_series(0, 19) t`);
  await sql.query(
    `INSERT INTO cluster (id, name, environment, architecture, distribution, version, "metadataMode", "brokerCount", "availabilityZones", cloud, region,
       "replicationFactor", "partitionCount", "retentionHours", "peakIngressMBps", "peakEgressMBps", "ownerTeam", "teamId", tags, "updatedAt")
     SELECT 'bench-cl-' || g, 'bench-cluster-' || g, 'production', 'apache-kafka', 'Apache Kafka', '3.9.0', 'kraft', 6, 3, 'aws', 'eu-west-1',
       3, 1200, 72, 50, 150, 'team-' || (g % 20), 'bench-team-' || (g % 20), ARRAY['bench'], now()
     FROM generate_series(1, $1::int) g`,
    [CLUSTERS + 1],
  );
  await sql.query(
    `INSERT INTO drill (id, "clusterId", scenario, title, "startedAt", "realisticTraffic", observers, "updatedAt")
     SELECT 'bench-dr-' || g || '-' || d, 'bench-cl-' || g, 'broker_kill', 'Kill broker ' || d, now() - ((d * 20) || ' days')::interval, d = 1, '{}', now()
     FROM generate_series(1, $1::int) g, generate_series(1, 2) d`,
    [CLUSTERS + 1],
  );
  await sql.query(
    `INSERT INTO drill_decision_answer (id, "drillId", question, answer)
     SELECT d.id || '-' || q, d.id, q, 'green' FROM drill d, unnest(ARRAY['hidden_client_impact','bounded_storage_work','capacity_helps_quickly','governance_intact','rollback_known']) q`,
  );
  await sql.query(
    `INSERT INTO scorecard (id, "clusterId", "templateId", title, "ownerId", "updatedAt")
     SELECT 'bench-sc-' || c || '-' || s, 'bench-cl-' || c, $1, 'Scorecard ' || s || ' of cluster ' || c, 'bench-user', now() - (s || ' minutes')::interval
     FROM generate_series(1, $2::int) c, generate_series(1, $3::int) s`,
    [templateId, CLUSTERS, SCORECARDS_PER_CLUSTER],
  );
  await sql.query(
    `INSERT INTO scorecard (id, "clusterId", "templateId", title, "ownerId", "updatedAt") VALUES ('bench-big', $1, $2, 'Two hundred items', 'bench-user', now())`,
    [`bench-cl-${CLUSTERS + 1}`, bigTemplateId],
  );
  await sql.query(
    `INSERT INTO scorecard_item (id, "scorecardId", "templateItemId", position, status, justification, notes, "ownerRole", "updatedAt")
     SELECT sc.id || '-' || ti.position, sc.id, ti.id, ti.position, st, CASE WHEN st = 'not_applicable' THEN 'Does not apply to this cluster' END,
       'Checked during the **drill**; see the dashboard.', ti."defaultOwnerRole", now()
     FROM scorecard sc JOIN template_item ti ON ti."templateId" = sc."templateId", LATERAL (SELECT ${STATUS_SQL} AS st) s`,
  );
  await sql.query(
    `INSERT INTO evidence (id, "scorecardItemId", kind, title, url, "capturedAt", "realisticTraffic", "capturedById")
     SELECT 'bench-ev-' || i.id || '-' || n, i.id, 'link', 'Dashboard ' || n, 'https://grafana.example.com/d/' || n, now() - ((abs(hashtext(i.id || n)) % 120) || ' days')::interval, n = 1, 'bench-user'
     FROM scorecard_item i, generate_series(1, 2) n WHERE i.status IN ('pass', 'partial', 'in_progress')`,
  );
  await sql.query("ANALYZE");
  const counts = await sql.query(
    `SELECT (SELECT count(*) FROM cluster) AS clusters, (SELECT count(*) FROM scorecard) AS scorecards, (SELECT count(*) FROM scorecard_item) AS items, (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM drill) AS drills`,
  );
  return counts.rows[0] as Record<string, string>;
}

async function main() {
  const server = process.env.TEST_DATABASE_URL || LOCAL_SERVER_URL;
  const databaseUrl = await createTestDatabase(server, "drillbook_bench");
  process.env.DATABASE_URL = databaseUrl;
  process.env.DRILLBOOK_NO_SEED = "1";
  const { getDb, closeDb } = await import("@/lib/db/client");
  const sql = new pg.Client({ connectionString: databaseUrl });
  try {
    const db = await getDb(); // migrates
    await (await import("@/lib/templates/install")).installBuiltinTemplates(db);
    const { insertTemplateVersion } = await import("@/lib/templates/write");
    const templateId = await db.$transaction((tx) => insertTemplateVersion(tx, templateOf("bench-40", 5, 8), { version: 1, builtIn: false }));
    const bigTemplateId = await db.$transaction((tx) => insertTemplateVersion(tx, templateOf("bench-200", 20, 10), { version: 1, builtIn: false }));
    await sql.connect();
    const seedStart = performance.now();
    const counts = await seed(sql, templateId, bigTemplateId);
    const seedSeconds = ((performance.now() - seedStart) / 1000).toFixed(1);

    const { getScorecardPage, listAssignableUsers } = await import("@/lib/scorecards/queries");
    const { listDrillOptions } = await import("@/lib/evidence/queries");
    const { saveScorecardItem } = await import("@/lib/scorecards/mutations");
    const { itemSaveSchema } = await import("@/lib/scorecards/schema");
    const { evaluateScorecard, loadRuleDrills, loadRuleItems } = await import("@/lib/readiness/evaluate");
    const { computeOutcome } = await import("@/lib/readiness/rules");
    const user = { id: "bench-user", name: "Bench Editor", email: "bench@example.test", role: "editor" as const };
    const pick = (i: number) => `bench-sc-${1 + ((i * 37) % CLUSTERS)}-${1 + (i % SCORECARDS_PER_CLUSTER)}`;
    const cluster = (scorecardId: string) => `bench-cl-${scorecardId.split("-")[2]}`;

    // what app/(dashboard)/scorecards/[id]/page.tsx awaits for an editor
    const page = await time(100, (i) => Promise.all([getScorecardPage(user, pick(i)), listAssignableUsers(user), listDrillOptions(user, cluster(pick(i)))]));

    const candidates = (
      await sql.query(
        `SELECT id, version, status FROM scorecard_item WHERE "scorecardId" LIKE 'bench-sc-%' AND status <> 'not_applicable' ORDER BY md5(id) LIMIT 200`,
      )
    ).rows as { id: string; version: number; status: string }[];
    const save = await time(
      200,
      (i) => {
        const item = candidates[i % candidates.length];
        const status = item.status === "pass" ? "fail" : "pass";
        item.status = status;
        return saveScorecardItem(user, itemSaveSchema.parse({ itemId: item.id, version: item.version++, status, notes: `Bench save ${i}`, ownerRole: "sre" }));
      },
      0,
    );

    const bigItems = await loadRuleItems(db, "bench-big");
    const bigDrills = await loadRuleDrills(db, `bench-cl-${CLUSTERS + 1}`);
    if (bigItems.length !== BIG_ITEMS) throw new Error(`expected ${BIG_ITEMS} items, loaded ${bigItems.length}`);
    const bigEvidence = bigItems.reduce((n, item) => n + item.evidence.length, 0);
    const now = new Date();
    const computeOnly = await time(2000, () => computeOutcome({ items: bigItems, drills: bigDrills, freshnessDays: 90, now }), 50);
    const loadAndCompute = await time(100, () => evaluateScorecard(db, "bench-big"));

    const version = (await sql.query("SHOW server_version")).rows[0].server_version;
    const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`.padStart(11);
    const row = (label: string, samples: number[]) => {
      const s = stats(samples);
      console.log(`${label.padEnd(52)}${String(s.runs).padStart(6)}${fmt(s.median)}${fmt(s.p95)}`);
    };
    console.log(`\nDrillbook scorecard benchmark — PostgreSQL ${version} at ${new URL(server).host}, fresh database, Node ${process.version}`);
    console.log(
      `Seeded ${counts.clusters} clusters, ${counts.scorecards} scorecards, ${counts.items} items, ${counts.evidence} evidence, ${counts.drills} drills in ${seedSeconds} s (bulk SQL)`,
    );
    console.log(`(the 200-item scorecard lives on its own cluster, with ${bigEvidence} pieces of evidence and ${bigDrills.length} drills)\n`);
    console.log(`${"measure".padEnd(52)}${"runs".padStart(6)}${"median".padStart(11)}${"p95".padStart(11)}`);
    row(`Scorecard page data (${ITEMS} items, editor)`, page);
    row("Save one item (versioned update + refresh + audit)", save);
    row(`Outcome of a ${BIG_ITEMS}-item scorecard: computeOutcome only`, computeOnly);
    row(`Outcome of a ${BIG_ITEMS}-item scorecard: load + compute`, loadAndCompute);
    console.log("");
    goalRow({ measure: "Save one scorecard item (median)", value: stats(save).median, unit: "ms", goal: 15 });
    goalRow({ measure: "Save one scorecard item (p95)", value: stats(save).p95, unit: "ms", goal: null });
    goalRow({ measure: `Scorecard page data, ${ITEMS} items (median)`, value: stats(page).median, unit: "ms", goal: null });
  } finally {
    await sql.end().catch(() => {});
    await closeDb();
    await dropTestDatabase(server, databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
