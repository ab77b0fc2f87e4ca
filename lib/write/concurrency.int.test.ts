/**
 * Concurrent automation on one cluster (issue: 50 parallel drill posts used to give one 201
 * and 49 × 500, "deadlock detected"). Fires 50 drill posts and 50 evidence posts through the
 * API route handlers, 20 item saves on different items and 20 scorecard creations at once,
 * all on one cluster: every request succeeds, every success is stored, the audit chain
 * verifies. The time the burst takes is printed (goal: under 10 s on an idle 2-core machine).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { verifyAuditLogAsSystem } from "@/lib/audit/queries";
import { saveScorecardItem } from "@/lib/scorecards/mutations";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { createApiToken } from "@/lib/tokens/mutations";
import { POST as postDrill } from "@/app/api/v1/drills/route";
import { POST as postEvidence } from "@/app/api/v1/scorecards/[id]/items/[itemKey]/evidence/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function post(handler: Handler, path: string, token: string, body: unknown, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const request = new Request(`http://127.0.0.1:3000/api/v1${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

const previousLimit = process.env.DRILLBOOK_API_RATE_LIMIT;
beforeAll(() => {
  // this test is about locks, not the rate limit (which answers 429 by design)
  process.env.DRILLBOOK_API_RATE_LIMIT = "10000";
  resetEnvForTests();
});
afterAll(() => {
  if (previousLimit === undefined) delete process.env.DRILLBOOK_API_RATE_LIMIT;
  else process.env.DRILLBOOK_API_RATE_LIMIT = previousLimit;
  resetEnvForTests();
});

describe("concurrent writers on one cluster", () => {
  it("50 drill posts, 50 evidence posts, 20 item saves and 20 scorecard creations all succeed and are all stored", async () => {
    await installTemplates();
    const admin = await createTestUser("admin", "Ada Admin");
    const cluster = await createTestCluster(admin, "orders-prod");
    const { id: scorecardId } = await startScorecard(admin, cluster.id);
    const db = await getDb();
    const { id: secondId } = await startScorecard(admin, cluster.id, "leader-movement-recovery");
    const items = await db.scorecardItem.findMany({
      where: { scorecardId: { in: [scorecardId, secondId] } },
      select: { id: true, version: true },
      orderBy: { position: "asc" },
    });
    expect(items.length).toBeGreaterThanOrEqual(20);
    const token = (await createApiToken(admin, { name: "chaos tool", scopes: ["write:drills", "write:evidence"], expiresInDays: 1 })).token;
    const auditBefore = await db.auditEvent.count();
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    const today = new Date().toISOString().slice(0, 10);

    const started = Date.now();
    const results = await Promise.allSettled([
      ...Array.from({ length: 50 }, (_, i) =>
        post(postDrill, "/drills", token, {
          clusterId: cluster.id,
          scenario: "broker_kill",
          title: `GameDay run ${i}`,
          startedAt,
          realisticTraffic: true,
          leadershipSettledSec: 10 + i,
        }).then(async (r) => ({ kind: "drill", status: r.status, body: await r.json() })),
      ),
      ...Array.from({ length: 50 }, (_, i) =>
        post(
          postEvidence,
          `/scorecards/${scorecardId}/items/observability/evidence`,
          token,
          {
            kind: "link",
            title: `Dashboard ${i}`,
            url: `https://grafana.example.com/d/${i}`,
            capturedAt: today,
            realisticTraffic: true,
          },
          { id: scorecardId, itemKey: "observability" },
        ).then(async (r) => ({ kind: "evidence", status: r.status, body: await r.json() })),
      ),
      ...items.slice(0, 20).map((item, i) =>
        saveScorecardItem(admin, {
          itemId: item.id,
          version: item.version,
          status: "in_progress",
          justification: "",
          notes: `checked by run ${i}`,
          ownerRole: null,
        }).then(() => ({ kind: "item", status: 200, body: null })),
      ),
      ...Array.from({ length: 20 }, () => startScorecard(admin, cluster.id).then(() => ({ kind: "scorecard", status: 201, body: null }))),
    ]);
    const elapsedMs = Date.now() - started;

    const failures = results.filter((r) => r.status === "rejected" || (r.value.status !== 200 && r.value.status !== 201));
    expect(failures.map((r) => (r.status === "rejected" ? String(r.reason) : JSON.stringify(r.value)))).toEqual([]);
    // every success is stored
    expect(await db.drill.count({ where: { clusterId: cluster.id } })).toBe(50);
    expect(await db.evidence.count({ where: { scorecardItem: { scorecardId } } })).toBe(50);
    expect(await db.scorecardItem.count({ where: { scorecard: { clusterId: cluster.id }, status: "in_progress" } })).toBe(20);
    expect(await db.scorecard.count({ where: { clusterId: cluster.id } })).toBe(22);
    // each write audited once (besides regressions the refresh may record), and the chain holds
    expect(await db.auditEvent.count()).toBeGreaterThanOrEqual(auditBefore + 140);
    expect((await verifyAuditLogAsSystem()).ok).toBe(true);
    // the scorecards' versions count every content change: 50 evidence posts + 20 item saves
    const versions = await db.scorecard.findMany({ where: { id: { in: [scorecardId, secondId] } }, select: { version: true } });
    expect(versions.reduce((sum, v) => sum + v.version, 0)).toBe(2 + 50 + 20);
    // printed against the goal, not asserted: 5.8 s measured with the machine otherwise idle, 27 s
    // at a load average of 11 (a timing assertion fails on a busy machine without a bug); a
    // writer stuck behind lock_timeout would answer 409 and fail the assertions above
    console.log(`[concurrency] 140 concurrent writes on one cluster settled in ${elapsedMs} ms (goal < 10,000 ms)`);
  }, 60_000);

  it("a retried POST with the same Idempotency-Key writes once and answers the same; another body with that key is refused", async () => {
    await installTemplates();
    const admin = await createTestUser("admin", "Ada Admin");
    const cluster = await createTestCluster(admin, "payments-prod");
    const token = (await createApiToken(admin, { name: "ci", scopes: ["write:drills"], expiresInDays: 1 })).token;
    const db = await getDb();
    const body = {
      clusterId: cluster.id,
      scenario: "broker_kill",
      title: "Nightly kill",
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      realisticTraffic: true,
    };
    const key = { "idempotency-key": "3f1c9a2e-5b7d-4e8f-9a10-2b3c4d5e6f70" };

    // ten copies at once, as a client retrying on a timeout might send them
    const copies = await Promise.all(Array.from({ length: 10 }, () => post(postDrill, "/drills", token, body, {}, key)));
    const answers = await Promise.all(copies.map(async (r) => ({ status: r.status, replayed: r.headers.get("idempotent-replayed"), body: await r.json() })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1);
    expect(answers.filter((a) => a.replayed === "true")).toHaveLength(9);
    expect(await db.drill.count({ where: { clusterId: cluster.id } })).toBe(1);

    const other = await post(postDrill, "/drills", token, { ...body, title: "Something else" }, {}, key);
    expect(other.status).toBe(422);
    const malformed = await post(postDrill, "/drills", token, body, {}, { "idempotency-key": "has spaces in it" });
    expect(malformed.status).toBe(400);
    expect(await db.drill.count({ where: { clusterId: cluster.id } })).toBe(1);

    // without a key, a repeat is a new drill, as before
    expect((await post(postDrill, "/drills", token, body)).status).toBe(201);
    expect(await db.drill.count({ where: { clusterId: cluster.id } })).toBe(2);
  }, 60_000);
});
