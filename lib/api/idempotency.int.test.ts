/**
 * Idempotency-Key on the JSON API's POSTs (lib/api/idempotency.ts), against PostgreSQL: a
 * retry replays the first answer and writes nothing; a request whose answer was lost after
 * its commit is answered truthfully ("carried out, answer not kept"), never run twice; a
 * failed store of the answer is retried; an expired key is free again and the sweep purges it.
 * The concurrent case (ten copies at once) is in lib/write/concurrency.int.test.ts.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { runPortfolioSweep } from "@/lib/portfolio/sweep";
import { createApiToken } from "@/lib/tokens/mutations";
import { ANSWER_LOST_CODE, IN_FLIGHT_MS } from "@/lib/api/idempotency";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { POST as postDrill } from "@/app/api/v1/drills/route";
import { POST as postEvidence } from "@/app/api/v1/scorecards/[id]/items/[itemKey]/evidence/route";
import { faults, resetFaults } from "@/test/support/db-faults";
import { callRoute, type RouteHandler } from "@/test/support/route-call";

vi.mock("@/lib/db/client", async (importOriginal) => (await import("@/test/support/db-faults")).faultyClientModule(await importOriginal()));
afterEach(resetFaults);

const post = (handler: RouteHandler, path: string, token: string, body: unknown, key: string, params: Record<string, string> = {}) =>
  callRoute(handler, { method: "POST", path, token, body, params, idempotencyKey: key });

async function drillSetup(user?: CurrentUser) {
  const admin = user ?? (await createTestUser("admin", "Ada Admin"));
  const cluster = await createTestCluster(admin, "payments-prod");
  const token = (await createApiToken(admin, { name: "ci", scopes: ["write:drills", "write:evidence"], expiresInDays: 1 })).token;
  const body = {
    clusterId: cluster.id,
    scenario: "broker_kill",
    title: "Nightly kill",
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    realisticTraffic: true,
  };
  const drills = async () => (await getDb()).drill.count({ where: { clusterId: cluster.id } });
  return { admin, cluster, token, body, drills };
}

/** Makes the stored key look as if its answer had been lost `ageMs` after it was claimed. */
async function loseAnswer(key: string, ageMs: number) {
  const db = await getDb();
  await db.$executeRaw`UPDATE idempotency_key SET status = NULL, response = NULL, "createdAt" = ${new Date(Date.now() - ageMs)} WHERE key = ${key}`;
}

describe("Idempotency-Key", () => {
  it("an evidence POST sent twice with the same key stores one evidence; the second answer replays the first (same status and body)", async () => {
    await installTemplates();
    const { admin, cluster, token } = await drillSetup();
    const { id: scorecardId } = await startScorecard(admin, cluster.id);
    const path = `/scorecards/${scorecardId}/items/observability/evidence`;
    const params = { id: scorecardId, itemKey: "observability" };
    const body = { kind: "link", title: "Lag dashboard", url: "https://grafana.example.com/d/lag", capturedAt: new Date().toISOString().slice(0, 10) };
    const key = "evidence-3f1c9a2e-5b7d";

    const first = await post(postEvidence, path, token, body, key, params);
    expect(first.status).toBe(201);
    expect(first.replayed).toBeNull();
    const second = await post(postEvidence, path, token, body, key, params);
    expect(second).toEqual({ ...first, replayed: "true" });
    const db = await getDb();
    expect(await db.evidence.count({ where: { scorecardItem: { scorecardId } } })).toBe(1);
    // one write, so one version bump
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId }, select: { version: true } })).version).toBe(2);
  });

  it("a drill POST whose answer was lost answers 409 'still being processed' while young and 409 'carried out, answer not kept' once old; never a second drill", async () => {
    const { token, body, drills } = await drillSetup();
    const key = "drill-lost-answer-1";
    const first = await post(postDrill, "/drills", token, body, key);
    expect(first.status).toBe(201);
    const replay = await post(postDrill, "/drills", token, body, key);
    expect(replay).toEqual({ ...first, replayed: "true" });

    // the answer vanished just now: the first request might still be answering
    await loseAnswer(key, 1_000);
    const young = await post(postDrill, "/drills", token, body, key);
    expect(young.status).toBe(409);
    expect(young.json.error).toMatch(/still being processed/);
    expect(young.json.code).toBeUndefined();

    // two minutes later nothing is answering any more: the request was carried out, its answer lost
    await loseAnswer(key, 2 * 60_000);
    const claimedAt = (await (await getDb()).idempotencyKey.findFirstOrThrow({ where: { key } })).createdAt.toISOString();
    const old = await post(postDrill, "/drills", token, body, key);
    expect(old.status).toBe(409);
    expect(old.replayed).toBeNull();
    expect(old.json).toEqual({
      error: `The request with this Idempotency-Key was carried out (committed at ${claimedAt}), but its answer was not kept. Look the result up instead of sending the request again.`,
      code: ANSWER_LOST_CODE,
      committedAt: claimedAt,
    });
    // another request with that key is still refused as before, not run
    expect((await post(postDrill, "/drills", token, { ...body, title: "Other" }, key)).status).toBe(422);
    expect(await drills()).toBe(1);
  });

  it("the database going away right after the commit: the client still gets its 201, and the retry is told the truth instead of writing twice", async () => {
    const { token, body, drills } = await drillSetup();
    const key = "drill-db-restart-1";
    faults.goneAfterCommit = true;
    const first = await post(postDrill, "/drills", token, body, key);
    expect(faults.gone).toBe(true);
    faults.gone = false; // the database is back
    expect(first.status).toBe(201);
    expect(await drills()).toBe(1);
    const stored = await (await getDb()).idempotencyKey.findFirstOrThrow({ where: { key } });
    expect(stored.status).toBeNull(); // the store failed on every attempt

    const soon = await post(postDrill, "/drills", token, body, key);
    expect(soon.status).toBe(409);
    expect(soon.json.error).toMatch(/still being processed/);
    await loseAnswer(key, IN_FLIGHT_MS + 1_000);
    const later = await post(postDrill, "/drills", token, body, key);
    expect(later.status).toBe(409);
    expect(later.json.code).toBe(ANSWER_LOST_CODE);
    expect(await drills()).toBe(1);
  }, 30_000);

  it("a store of the answer that fails twice is retried, so the retry of the request gets the replay", async () => {
    const { token, body, drills } = await drillSetup();
    const key = "drill-store-blip-1";
    faults.failStores = 2;
    const first = await post(postDrill, "/drills", token, body, key);
    expect(first.status).toBe(201);
    expect(faults.failStores).toBe(0);
    const again = await post(postDrill, "/drills", token, body, key);
    expect(again).toEqual({ ...first, replayed: "true" });
    expect(await drills()).toBe(1);
  });

  it("an expired key is free again: the same request is carried out as a new one; the sweep purges expired keys", async () => {
    const { token, body, drills } = await drillSetup();
    const db = await getDb();
    const key = "drill-expiring-1";
    const first = await post(postDrill, "/drills", token, body, key);
    expect(first.status).toBe(201);
    await db.$executeRaw`UPDATE idempotency_key SET "expiresAt" = ${new Date(Date.now() - 1_000)} WHERE key = ${key}`;

    const fresh = await post(postDrill, "/drills", token, body, key);
    expect(fresh.status).toBe(201);
    expect(fresh.replayed).toBeNull();
    expect(fresh.json.data.id).not.toBe(first.json.data.id);
    expect(await drills()).toBe(2);
    // the key now stands for the new request, for another 24 hours
    const renewed = await db.idempotencyKey.findFirstOrThrow({ where: { key } });
    expect(renewed.status).toBe(201);
    expect((renewed.response as { data: { id: string } }).data.id).toBe(fresh.json.data.id);
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

    // the sweep deletes the expired keys and keeps the live one
    const principal = renewed.principal;
    await db.idempotencyKey.createMany({
      data: ["old-1", "old-2"].map((k) => ({ principal, key: k, requestHash: "x", endpoint: "POST /api/v1/drills", expiresAt: new Date(Date.now() - 60_000) })),
    });
    expect(await db.idempotencyKey.count()).toBe(3);
    expect((await runPortfolioSweep()).ran).toBe(true);
    expect((await db.idempotencyKey.findMany({ select: { key: true } })).map((k) => k.key)).toEqual([key]);
  });
});
