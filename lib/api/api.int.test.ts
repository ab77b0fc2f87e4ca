/**
 * The JSON API, called through its real route handlers (app/api/v1/**), not through the UI:
 * authentication, scopes, role bounds, validation, error mapping, rate limiting.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { teamLink } from "@/lib/teams/rules";
import { resetEnvForTests } from "@/lib/env";
import { createTestUser } from "@/test/support/users";
import type { CurrentUser } from "@/lib/auth/session";
import { createApiToken, revokeApiToken } from "@/lib/tokens/mutations";
import type { ApiScope } from "@/lib/tokens/scopes";
import { GET as listClusters, POST as createCluster } from "@/app/api/v1/clusters/route";
import { GET as getCluster } from "@/app/api/v1/clusters/[id]/route";
import { GET as listScorecards } from "@/app/api/v1/scorecards/route";
import { apiRoute } from "./handler";
import { defineEndpoint } from "./registry";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const clusterBody = {
  name: "payments-prod",
  environment: "production",
  architecture: "kafka_compatible_shared_storage",
  distribution: "AutoMQ",
  version: "1.4.0",
  metadataMode: "kraft",
  brokerCount: 6,
  availabilityZones: 3,
  cloud: "aws",
  region: "us-east-1",
  replicationFactor: 1,
  partitionCount: 1200,
  retentionHours: 168,
  peakIngressMBps: 80,
  peakEgressMBps: 240,
  walType: "EBS WAL",
  ownerTeam: "payments",
  tags: ["tier-1"],
};

async function call(
  handler: Handler,
  init: { method?: string; path?: string; token?: string; headers?: Record<string, string>; body?: string; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const request = new Request(`http://127.0.0.1:3000/api/v1${init.path ?? "/clusters"}`, { method: init.method ?? "GET", headers, body: init.body });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown> & { error?: string; issues?: { path: string; message: string }[] },
  };
}

const postJson = (token: string, body: unknown) => ({
  method: "POST",
  token,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

async function tokenFor(user: CurrentUser, scopes: ApiScope[]) {
  return (await createApiToken(user, { name: `t-${scopes.join("+")}`, scopes, expiresInDays: 30 })).token;
}

afterEach(() => {
  delete process.env.DRILLBOOK_API_RATE_LIMIT;
  resetEnvForTests();
});

describe("API authentication", () => {
  it("answers 401 for a missing, malformed, unknown, revoked or expired token", async () => {
    const admin = await createTestUser("admin");
    const missing = await call(listClusters);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(missing.json).toEqual({ error: expect.stringMatching(/Bearer/) });

    expect((await call(listClusters, { headers: { authorization: "Basic YWxhZGRpbjpvcGVuc2VzYW1l" } })).status).toBe(401);
    expect((await call(listClusters, { token: "not-a-token" })).json.error).toBe("This API token is not valid.");
    expect((await call(listClusters, { token: `dbk_${"A".repeat(43)}` })).json.error).toBe("This API token is not valid.");

    const revoked = await createApiToken(admin, { name: "old", scopes: ["read"], expiresInDays: 7 });
    await revokeApiToken(admin, revoked.id);
    expect(await call(listClusters, { token: revoked.token })).toMatchObject({ status: 401, json: { error: "This API token was revoked." } });

    const expired = await createApiToken(admin, { name: "expired", scopes: ["read"], expiresInDays: 7 });
    await (await getDb()).apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await call(listClusters, { token: expired.token })).toMatchObject({ status: 401, json: { error: "This API token has expired." } });
  });

  it("accepts a valid token, records when it was used, and never echoes it", async () => {
    const admin = await createTestUser("admin");
    const { id, token } = await createApiToken(admin, { name: "reader", scopes: ["read"], expiresInDays: 30 });
    const ok = await call(listClusters, { token });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ data: [] });
    expect(ok.headers.get("x-ratelimit-limit")).toBe("120");
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(JSON.stringify(ok.json)).not.toContain(token);
    const row = await (await getDb()).apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
  });
});

describe("API authorization", () => {
  it("answers 403 when the token lacks the scope", async () => {
    const admin = await createTestUser("admin");
    const drillsOnly = await tokenFor(admin, ["write:drills"]);
    expect(await call(listClusters, { token: drillsOnly })).toMatchObject({ status: 403, json: { error: expect.stringContaining("“read”") } });
    const readOnly = await tokenFor(admin, ["read"]);
    expect(await call(createCluster, postJson(readOnly, clusterBody))).toMatchObject({
      status: 403,
      json: { error: expect.stringContaining("“write:clusters”") },
    });
    expect(await (await getDb()).cluster.count()).toBe(0);
  });

  it("bounds a token by its creator's current role", async () => {
    const admin = await createTestUser("admin");
    const token = await tokenFor(admin, ["read", "write:clusters"]);
    const db = await getDb();
    await db.user.update({ where: { id: admin.id }, data: { role: "viewer" } });
    expect(await call(createCluster, postJson(token, clusterBody))).toMatchObject({
      status: 403,
      json: { error: expect.stringMatching(/creator \(now Viewer\)/) },
    });
    expect((await call(listClusters, { token })).status).toBe(200);
    await db.user.update({ where: { id: admin.id }, data: { role: "none" } });
    expect((await call(listClusters, { token })).status).toBe(403);
    await db.user.update({ where: { id: admin.id }, data: { role: "admin", banned: true } });
    expect((await call(listClusters, { token })).status).toBe(401);
  });
});

describe("API validation and errors", () => {
  it("creates a cluster from valid JSON (201), audited as the creator via the token", async () => {
    const admin = await createTestUser("admin");
    const { token, prefix } = await createApiToken(admin, { name: "inventory", scopes: ["read", "write:clusters"], expiresInDays: 30 });
    const created = await call(createCluster, postJson(token, clusterBody));
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ name: "payments-prod", walType: "EBS WAL", tags: ["tier-1"], revision: 1, outcome: null });
    expect(created.json.data).not.toHaveProperty("createdBy");
    const event = await (await getDb()).auditEvent.findFirstOrThrow({ where: { entityType: "cluster" } });
    expect(event.actorId).toBe(admin.id);
    expect(event.actorLabel).toBe(`${admin.email} via API token ${prefix}`);

    const id = (created.json.data as { id: string }).id;
    expect(await call(getCluster, { token, path: `/clusters/${id}`, params: { id } })).toMatchObject({
      status: 200,
      json: { data: { id, partitionCount: 1200 } },
    });
    expect((await call(getCluster, { token, path: "/clusters/nope", params: { id: "nope" } })).status).toBe(404);

    const duplicate = await call(createCluster, postJson(token, clusterBody));
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.issues?.[0]).toMatchObject({ path: "name", message: expect.stringContaining("already taken") });
  });

  it("answers 400 with issues for malformed JSON and invalid bodies, 415 for non-JSON", async () => {
    const admin = await createTestUser("admin");
    const token = await tokenFor(admin, ["write:clusters"]);
    const malformed = await call(createCluster, postJson(token, '{"name": "x",'));
    expect(malformed.status).toBe(400);
    expect(malformed.json).toEqual({ error: "The request body is not valid JSON.", issues: [{ path: "", message: expect.any(String) }] });

    const invalid = await call(createCluster, postJson(token, { ...clusterBody, brokerCount: -2, environment: "prod", replicationFactor: "x" }));
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toBe("The request body is invalid.");
    expect(invalid.json.issues).toEqual(
      expect.arrayContaining([
        { path: "brokerCount", message: "Broker count must be at least 1" },
        { path: "environment", message: "Choose a valid environment" },
        { path: "replicationFactor", message: "Replication factor must be a number" },
      ]),
    );
    expect((await call(createCluster, postJson(token, [1, 2]))).status).toBe(400);
    expect((await call(createCluster, { method: "POST", token, headers: { "content-type": "text/plain" }, body: "hi" })).status).toBe(415);
    expect((await call(createCluster, postJson(token, { ...clusterBody, notes: "x".repeat(70 * 1024) }))).status).toBe(413);
    expect(await (await getDb()).cluster.count()).toBe(0);
  });

  it("hides unexpected errors behind a generic 500 and logs them", async () => {
    const admin = await createTestUser("admin");
    const token = await tokenFor(admin, ["read"]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = apiRoute(
      defineEndpoint({
        method: "GET",
        path: "/test-broken",
        operationId: "testBroken",
        summary: "test",
        tag: "Test",
        permission: "cluster:read",
        response: z.object({}),
      }),
      async () => {
        throw new Error("connection to 10.0.0.5 refused at Object.<anonymous> (/srv/app/lib/secret.ts:12)");
      },
    );
    const answer = await call(broken as Handler, { token, path: "/test-broken" });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ error: expect.stringMatching(/^Something went wrong on our side/) });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it("lists scorecards with cached outcome and score, filtered by cluster id or name", async () => {
    const admin = await createTestUser("admin");
    const token = await tokenFor(admin, ["read"]);
    const db = await getDb();
    const cluster = await db.cluster.create({ data: { ...clusterBody, name: "orders", team: teamLink(clusterBody.ownerTeam) } as never });
    const template = await db.template.create({ data: { key: "broker-failure", version: 2, name: "Broker failure recovery" } });
    await db.scorecard.create({
      data: {
        clusterId: cluster.id,
        templateId: template.id,
        title: "Q3 readiness",
        outcome: "limited_workload",
        score: 62.5,
        highRisks: 1,
        state: "in_review",
        version: 4,
      },
    });
    const byName = await call(listScorecards, { token, path: "/scorecards?cluster=orders" });
    expect(byName.status).toBe(200);
    expect(byName.json).toMatchObject({
      total: 1,
      limit: 100,
      offset: 0,
      data: [
        {
          title: "Q3 readiness",
          clusterName: "orders",
          outcome: "limited_workload",
          score: 62.5,
          state: "in_review",
          version: 4,
          template: { key: "broker-failure", version: 2 },
        },
      ],
    });
    expect((await call(listScorecards, { token, path: `/scorecards?cluster=${cluster.id}&state=draft` })).json.total).toBe(0);
    expect((await call(listScorecards, { token, path: "/scorecards?cluster=ghost" })).status).toBe(404);
    const bad = await call(listScorecards, { token, path: "/scorecards?limit=0&state=done" });
    expect(bad.status).toBe(400);
    expect(bad.json.issues?.map((i) => i.path).sort()).toEqual(["limit", "state"]);
  });
});

describe("API rate limit", () => {
  it("answers 429 with Retry-After once a token used up its window, per token", async () => {
    process.env.DRILLBOOK_API_RATE_LIMIT = "3";
    resetEnvForTests();
    const admin = await createTestUser("admin");
    const token = await tokenFor(admin, ["read"]);
    for (let i = 0; i < 3; i++) expect((await call(listClusters, { token })).status).toBe(200);
    const limited = await call(listClusters, { token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // the sliding window (./mutations.ts) can name a wait past this window's end, never past the next one's
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(120);
    expect(limited.json.error).toMatch(/Rate limit exceeded/);
    // another token has its own budget
    expect((await call(listClusters, { token: await tokenFor(admin, ["read"]) })).status).toBe(200);
  });
});
