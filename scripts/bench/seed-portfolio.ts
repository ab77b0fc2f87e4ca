/**
 * Bulk seed for the portfolio benchmark: 5,000 clusters, 25,000 scorecards (5 each) and
 * 1,000,000 scorecard items (40 each, all pointing at one 40-item template), plus audit
 * events and campaigns so every query of the portfolio page has realistic data. Everything
 * is generated inside PostgreSQL with INSERT … SELECT generate_series (seconds, not minutes).
 */
import type pg from "pg";

export const SEED = { clusters: 5_000, scorecardsPerCluster: 5, itemsPerTemplate: 40, auditEvents: 20_000, campaigns: 3 };

export async function seedPortfolio(client: pg.Client): Promise<Record<string, number>> {
  const { clusters, scorecardsPerCluster, itemsPerTemplate, auditEvents } = SEED;
  await client.query("BEGIN");
  await client.query(`INSERT INTO "user" ("id","name","email","role","updatedAt") VALUES ('bench-user','Bench Admin','bench@example.com','admin',now())`);
  await client.query(`INSERT INTO "template" ("id","key","version","name") VALUES ('bench-template','bench',1,'Bench template')`);
  await client.query(`
    INSERT INTO "template_section" ("id","templateId","key","title","position")
    SELECT 'bench-section-' || s, 'bench-template', 'section-' || s, 'Section ' || s, s FROM generate_series(0, 3) s`);
  await client.query(
    `INSERT INTO "template_item" ("id","templateId","sectionId","key","title","evidenceToCollect","whyItMatters","blocking","position","role")
     SELECT 'bench-item-' || i, 'bench-template', 'bench-section-' || (i / 10), 'item-' || i, 'Item ' || i, 'Evidence', 'Why', i % 10 = 0, i,
            CASE i WHEN 0 THEN 'failure_drill' WHEN 1 THEN 'rollback' END
     FROM generate_series(0, $1 - 1) i`,
    [itemsPerTemplate],
  );
  // deterministic spread of environments, architectures, teams, outcomes and signals
  await client.query(
    `INSERT INTO "team" ("id","name","key","updatedAt") SELECT 'bench-team-' || t, 'team-' || t, 'team-' || t, now() FROM generate_series(0, 49) t`,
  );
  await client.query(
    `INSERT INTO "cluster" ("id","name","environment","architecture","distribution","version","metadataMode","brokerCount",
       "availabilityZones","cloud","region","replicationFactor","partitionCount","retentionHours","peakIngressMBps","peakEgressMBps",
       "walType","ownerTeam","teamId","tags","outcome","score","staleEvidenceCount","lastDrillAt","lastDrillResult","openRedAnswers",
       "pendingSignOffs","regressedAt","regressionReason","regressedFrom","updatedAt")
     SELECT 'bench-cluster-' || i,
       'cluster-' || lpad(i::text, 5, '0') || '-' || (ARRAY['orders','payments','search','events','billing','audit'])[1 + i % 6],
       (ARRAY['production','staging','development'])[1 + i % 3]::"Environment",
       (ARRAY['apache-kafka','managed-kafka','kafka-tiered-storage','kafka-compatible-shared-storage'])[1 + i % 4]::"Architecture",
       'Apache Kafka', '3.9.0', 'kraft', 3 + i % 10, 3, 'aws',
       (ARRAY['eu-west-1','us-east-1','ap-south-1','eu-central-1'])[1 + i % 4], 3, 600, 72, 10 + i % 90, 20 + i % 150,
       CASE WHEN i % 4 = 3 THEN 'object storage' END,
       'team-' || (i % 50), 'bench-team-' || (i % 50), ARRAY['tier-' || (1 + i % 3)],
       CASE WHEN i % 10 = 0 THEN NULL ELSE (ARRAY['not_ready','limited_workload','production_test'])[1 + (i / 3) % 3]::"Outcome" END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE ((i * 37) % 1000) / 10.0 END,
       i % 7, now() - ((i % 120) || ' days')::interval,
       (ARRAY['operating_model_holds','recovery_unit_too_large','incomplete'])[1 + i % 3],
       CASE WHEN i % 11 = 0 THEN 1 + i % 3 ELSE 0 END, i % 4,
       CASE WHEN i % 37 = 0 THEN now() - ((i % 20) || ' days')::interval END,
       CASE WHEN i % 37 = 0 THEN 'Evidence went stale for “Failure drill”' END,
       CASE WHEN i % 37 = 0 THEN 'production_test'::"Outcome" END,
       now() - ((i % 365) || ' days')::interval
     FROM generate_series(1, $1) i`,
    [clusters],
  );
  await client.query(
    `INSERT INTO "scorecard" ("id","clusterId","templateId","title","outcome","score","updatedAt")
     SELECT c."id" || '-sc-' || n, c."id", 'bench-template', 'Readiness ' || n, COALESCE(c."outcome", 'not_ready'), COALESCE(c."score", 0),
            now() - (n || ' days')::interval
     FROM "cluster" c CROSS JOIN generate_series(1, $1) n`,
    [scorecardsPerCluster],
  );
  await client.query(
    `INSERT INTO "scorecard_item" ("id","scorecardId","templateItemId","position","status","updatedAt")
     SELECT s."id" || '-' || ti."position", s."id", ti."id", ti."position",
            (ARRAY['not_started','in_progress','pass','partial','fail','pass'])[1 + (ti."position" + length(s."id")) % 6]::"ItemStatus", now()
     FROM "scorecard" s JOIN "template_item" ti ON ti."templateId" = s."templateId"`,
  );
  await client.query(
    `INSERT INTO "audit_event" ("at","actorId","actorLabel","action","entityType","entityId","clusterId","after","prevHash","hash")
     SELECT now() - (($1 - i) || ' seconds')::interval, 'bench-user', 'bench@example.com', (ARRAY['create','update'])[1 + i % 2], 'cluster',
            'bench-cluster-' || (1 + i % $2), 'bench-cluster-' || (1 + i % $2), jsonb_build_object('name', 'cluster'), md5((i - 1)::text), md5(i::text)
     FROM generate_series(1, $1) i`,
    [auditEvents, clusters],
  );
  await client.query(
    `INSERT INTO "campaign" ("id","name","targetOutcome","dueDate","selection")
     SELECT 'bench-campaign-' || k, 'Campaign ' || k, 'production_test', now() + (k * 30 || ' days')::interval, 'Bench' FROM generate_series(1, 3) k`,
  );
  await client.query(
    `INSERT INTO "campaign_cluster" ("campaignId","clusterId")
     SELECT 'bench-campaign-' || (1 + i % 3), 'bench-cluster-' || i FROM generate_series(1, $1) i WHERE i % 5 < 3`,
    [clusters],
  );
  await client.query("COMMIT");
  // what autovacuum would have done on a database in use (visibility map, statistics)
  await client.query("VACUUM ANALYZE");
  const counts: Record<string, number> = {};
  for (const table of ["cluster", "scorecard", "scorecard_item", "template_item", "audit_event", "campaign_cluster"]) {
    counts[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  }
  return counts;
}
