/**
 * The portfolio page's queries written by hand in SQL, to measure what the ORM adds. Each
 * function mirrors one query function in lib/portfolio/queries.ts or lib/campaigns/queries.ts.
 */
import type pg from "pg";
import type { PortfolioQuery } from "../../lib/portfolio/schema";
import { escapeLikePattern } from "../../lib/portfolio/rules";

const ARCH_DB: Record<string, string> = {
  apache_kafka: "apache-kafka",
  managed_kafka: "managed-kafka",
  kafka_tiered_storage: "kafka-tiered-storage",
  kafka_compatible_shared_storage: "kafka-compatible-shared-storage",
};
const NULLABLE = new Set(["outcome", "score", "lastDrillAt", "regressedAt"]);

function where(query: PortfolioQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (query.q) {
    const like = p(`%${escapeLikePattern(query.q)}%`);
    const tags = p([...new Set([query.q, query.q.toLowerCase()])]);
    parts.push(`(c."name" ILIKE ${like} OR c."ownerTeam" ILIKE ${like} OR c."region" ILIKE ${like} OR c."tags" && ${tags}::text[])`);
  }
  if (query.env) parts.push(`c."environment" = ${p(query.env)}::"Environment"`);
  if (query.arch) parts.push(`c."architecture" = ${p(ARCH_DB[query.arch])}::"Architecture"`);
  if (query.outcome) parts.push(query.outcome === "none" ? `c."outcome" IS NULL` : `c."outcome" = ${p(query.outcome)}::"Outcome"`);
  if (query.team) parts.push(`c."ownerTeam" = ${p(query.team)}`);
  if (query.regressed) parts.push(`c."regressedAt" IS NOT NULL`);
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

/** listPortfolio: count, one page, then the scorecard counts of that page's clusters. */
export async function rawListPortfolio(pool: pg.Pool, query: PortfolioQuery) {
  const w = where(query);
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const order = `c."${query.sort}" ${dir}${NULLABLE.has(query.sort) ? " NULLS LAST" : ""}${query.sort === "name" ? "" : `, c."name" ASC`}`;
  const limit = w.params.length + 1;
  const [count, rows] = await Promise.all([
    pool.query(`SELECT count(*) AS n FROM "cluster" c ${w.sql}`, w.params),
    pool.query(
      `SELECT c."id", c."name", c."environment", c."architecture", c."ownerTeam", c."cloud", c."region", c."tags", c."outcome", c."score",
              c."staleEvidenceCount", c."lastDrillAt", c."lastDrillResult", c."openRedAnswers", c."pendingSignOffs", c."regressedAt",
              c."regressionReason"
       FROM "cluster" c ${w.sql} ORDER BY ${order} LIMIT $${limit} OFFSET $${limit + 1}`,
      [...w.params, query.size, (query.page - 1) * query.size],
    ),
  ]);
  const ids = rows.rows.map((r) => r.id);
  const counts = ids.length
    ? await pool.query(`SELECT "clusterId", count(*) AS n FROM "scorecard" WHERE "clusterId" = ANY($1) GROUP BY "clusterId"`, [ids])
    : { rows: [] };
  return { total: Number(count.rows[0].n), rows: rows.rows, counts: counts.rows };
}

/** loadPortfolioPage + listCampaigns: everything the portfolio page reads. */
export async function rawPortfolioPage(pool: pg.Pool, query: PortfolioQuery) {
  const [page, summary, regressed, teams, activity, campaigns] = await Promise.all([
    rawListPortfolio(pool, query),
    pool.query(`SELECT "outcome", count(*) AS n FROM "cluster" GROUP BY "outcome"`),
    pool.query(`SELECT count(*) AS n FROM "cluster" WHERE "regressedAt" IS NOT NULL`),
    pool.query(`SELECT "ownerTeam" FROM "cluster" GROUP BY "ownerTeam" ORDER BY "ownerTeam" LIMIT 500`),
    rawActivity(pool),
    rawCampaigns(pool),
  ]);
  return { page, summary: summary.rows, regressed: regressed.rows[0], teams: teams.rows, activity, campaigns };
}

async function rawActivity(pool: pg.Pool) {
  const events = await pool.query(
    `SELECT "seq","at","action","entityType","entityId","clusterId","actorId","actorLabel","before","after" FROM "audit_event"
     WHERE "clusterId" IS NOT NULL OR "entityType" = 'campaign' ORDER BY "seq" DESC LIMIT 12`,
  );
  const actorIds = [...new Set(events.rows.map((e) => e.actorId).filter(Boolean))];
  const clusterIds = [...new Set(events.rows.map((e) => e.clusterId).filter(Boolean))];
  const [users, clusters] = await Promise.all([
    pool.query(`SELECT "id","name" FROM "user" WHERE "id" = ANY($1)`, [actorIds]),
    pool.query(`SELECT "id","name" FROM "cluster" WHERE "id" = ANY($1)`, [clusterIds]),
  ]);
  return { events: events.rows, users: users.rows, clusters: clusters.rows };
}

async function rawCampaigns(pool: pg.Pool) {
  const campaigns = await pool.query(`SELECT "id","name","targetOutcome","dueDate","selection" FROM "campaign" ORDER BY "dueDate","name" LIMIT 500`);
  const counts = await pool.query(
    `SELECT cc."campaignId", c."outcome"::text AS "outcome", count(*) AS "count" FROM "campaign_cluster" cc
     JOIN "cluster" c ON c."id" = cc."clusterId" WHERE cc."campaignId" = ANY($1) GROUP BY cc."campaignId", c."outcome"`,
    [campaigns.rows.map((r) => r.id)],
  );
  return { campaigns: campaigns.rows, counts: counts.rows };
}
