/**
 * API smoke test with curl-like requests (Playwright's request context, no browser cookies):
 * tokens are created and revoked through the admin page, then used against /api/v1.
 */
import { randomUUID } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { setUpAdmin, startOwnServer, type OwnServer } from "./servers";
import { createClusterThroughUi, startScorecardThroughUi } from "./scorecard-helpers";
import { stagingClusterBody } from "../test/support/api-cluster";
import { createTokenInUI, revokeTokenInUI } from "./tokens";

const cluster = (name: string) => stagingClusterBody(name, "smoke");

test("tokens get 401, 403, 400 and 2xx where they should", async ({ page, admin, request }) => {
  await signIn(page, admin);
  const suffix = Date.now().toString(36);
  const reader = await createTokenInUI(page, `reader-${suffix}`, ["read"]);
  const writer = await createTokenInUI(page, `inventory-${suffix}`, ["read", "write:clusters"]);
  const drillsOnly = await createTokenInUI(page, `drills-${suffix}`, ["write:drills"]);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  // the generated OpenAPI document is public
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const openapi = await doc.json();
  expect(openapi.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.paths)).toEqual(
    expect.arrayContaining(["/clusters", "/clusters/{id}", "/scorecards", "/scorecards/{id}", "/drills", "/scorecards/{id}/items/{itemKey}/evidence"]),
  );
  expect(openapi.paths["/drills"].post["x-required-scope"]).toBe("write:drills");
  expect(openapi.paths["/scorecards/{id}/items/{itemKey}/evidence"].post.requestBody.content["application/json"].schema.properties.kind.enum).toContain("link");

  // 401: missing and invalid tokens
  const missing = await request.get("/api/v1/clusters");
  expect(missing.status()).toBe(401);
  expect(missing.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(await missing.json()).toEqual({ error: expect.any(String) });
  expect((await request.get("/api/v1/clusters", { headers: auth(`dbk_${"x".repeat(43)}`) })).status()).toBe(401);
  expect((await request.get("/api/v1/clusters", { headers: { Authorization: "Token abc" } })).status()).toBe(401);

  // 200 on the happy path
  const list = await request.get("/api/v1/clusters", { headers: auth(reader) });
  expect(list.status()).toBe(200);
  expect(Array.isArray((await list.json()).data)).toBe(true);
  expect(list.headers()["x-ratelimit-limit"]).toBeTruthy();

  // 403: wrong scope
  const readOnlyWrite = await request.post("/api/v1/clusters", { headers: auth(reader), data: cluster(`ro-${suffix}`) });
  expect(readOnlyWrite.status()).toBe(403);
  expect((await readOnlyWrite.json()).error).toContain("write:clusters");
  expect((await request.get("/api/v1/clusters", { headers: auth(drillsOnly) })).status()).toBe(403);

  // 400: malformed JSON and an invalid body, with issues per field
  const malformed = await request.post("/api/v1/clusters", {
    headers: { ...auth(writer), "Content-Type": "application/json" },
    data: Buffer.from('{"name": '),
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: "The request body is not valid JSON.", issues: [{ path: "" }] });
  const invalid = await request.post("/api/v1/clusters", {
    headers: auth(writer),
    data: { ...cluster(`bad-${suffix}`), brokerCount: 0, replicationFactor: 5 },
  });
  expect(invalid.status()).toBe(400);
  const invalidBody = await invalid.json();
  expect(invalidBody.issues).toEqual(expect.arrayContaining([{ path: "brokerCount", message: "Broker count must be at least 1" }]));
  expect(JSON.stringify(invalidBody)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);

  // 201 and 200: create, read back, list scorecards of the cluster
  const name = `smoke-${suffix}`;
  const created = await request.post("/api/v1/clusters", { headers: auth(writer), data: cluster(name) });
  expect(created.status()).toBe(201);
  const { data } = await created.json();
  expect(data).toMatchObject({ name, environment: "staging", tags: ["smoke"], outcome: null });
  expect((await request.get(`/api/v1/clusters/${data.id}`, { headers: auth(reader) })).status()).toBe(200);
  const scorecards = await request.get(`/api/v1/scorecards?cluster=${name}`, { headers: auth(reader) });
  expect(await scorecards.json()).toMatchObject({ data: [], total: 0 });
  expect((await request.get("/api/v1/clusters/does-not-exist", { headers: auth(reader) })).status()).toBe(404);
  expect((await request.post("/api/v1/clusters", { headers: auth(writer), data: cluster(name) })).status()).toBe(409);

  // the cluster shows up in the UI, and responses never echo a token
  await page.goto("/clusters");
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  for (const body of [JSON.stringify(data), JSON.stringify(invalidBody)]) {
    for (const token of [reader, writer]) expect(body).not.toContain(token);
  }

  // 401 once revoked
  await revokeTokenInUI(page, `reader-${suffix}`);
  const revoked = await request.get("/api/v1/clusters", { headers: auth(reader) });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error).toBe("This API token was revoked.");
});

test.describe("rate limit", () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    server = await startOwnServer({ DRILLBOOK_API_RATE_LIMIT: "5", DRILLBOOK_API_RATE_WINDOW_SECONDS: "60" });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("answers 429 with Retry-After after the configured number of requests", async ({ browser }) => {
    const { context, page } = await setUpAdmin(browser, server.baseURL, {
      name: "Rate Admin",
      email: "rate-admin@e2e.drillbook.test",
      password: `pw-${randomUUID()}`,
    });
    const token = await createTokenInUI(page, "burst", ["read"]);
    const api = await playwrightRequest.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.get("/api/v1/clusters")).status());
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await api.get("/api/v1/clusters");
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    // the sliding window (lib/api/mutations.ts) still counts this burst in the next window: the
    // wait can run past this window's end, never past the next one's
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect((await limited.json()).error).toMatch(/Rate limit exceeded: at most 5 requests per 60 s/);
    await api.dispose();
    await context.close();
  });
});

test("automation records a drill with metric series and attaches evidence with tokens; 401, 403 and 400 where due", async ({ page, admin, request }) => {
  await signIn(page, admin);
  const suffix = Date.now().toString(36);
  const clusterName = `chaos-${suffix}`;
  await createClusterThroughUi(page, clusterName);
  await startScorecardThroughUi(page, { template: "Broker failure recovery readiness", title: "Chaos pipeline readiness" });
  const scorecardId = new URL(page.url()).pathname.split("/").pop()!;
  const drills = await createTokenInUI(page, `chaos-drills-${suffix}`, ["read", "write:drills"]);
  const evidence = await createTokenInUI(page, `chaos-evidence-${suffix}`, ["write:evidence"]);
  const reader = await createTokenInUI(page, `chaos-reader-${suffix}`, ["read"]);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const clusterId = (await (await request.get(`/api/v1/scorecards/${scorecardId}`, { headers: auth(reader) })).json()).data.cluster.id;

  const startedAt = new Date(Date.now() - 3_600_000);
  const at = (s: number) => new Date(startedAt.getTime() + s * 1000).toISOString();
  const drill = {
    clusterId,
    scenario: "broker_kill",
    title: "Chaos: kill broker 2",
    startedAt: at(0),
    endedAt: at(900),
    realisticTraffic: true,
    leadershipSettledSec: 12,
    lagRecoveredSec: 240,
    series: [
      {
        format: "points",
        metric: "consumer_lag",
        unit: "records",
        threshold: 1000,
        points: [
          [at(0), 200],
          [at(60), 9000],
          [at(300), 400],
        ],
      },
      {
        format: "csv",
        sourceName: "urp.csv",
        text: `timestamp,metric,value\n${at(0)},under_replicated_partitions,0\n${at(60)},under_replicated_partitions,14\n`,
      },
    ],
  };

  // 401, 403, 400 on the new endpoints
  expect((await request.post("/api/v1/drills", { data: drill })).status()).toBe(401);
  const wrongScope = await request.post("/api/v1/drills", { headers: auth(evidence), data: drill });
  expect(wrongScope.status()).toBe(403);
  expect((await wrongScope.json()).error).toContain("write:drills");
  const malformed = await request.post("/api/v1/drills", {
    headers: { ...auth(drills), "Content-Type": "application/json" },
    data: Buffer.from('{"clusterId": '),
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: "The request body is not valid JSON." });
  const invalid = await request.post("/api/v1/drills", {
    headers: auth(drills),
    data: { ...drill, scenario: "meteor", series: [{ format: "points", metric: "lag", points: [["soon", 1]] }] },
  });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).issues).toEqual(
    expect.arrayContaining([
      { path: "scenario", message: "Choose a valid scenario" },
      { path: "series.0.points.0.0", message: "Use an ISO-8601 time or epoch seconds (or milliseconds)" },
    ]),
  );

  // 201: the drill with its measurements and both series
  const created = await request.post("/api/v1/drills", { headers: auth(drills), data: drill });
  expect(created.status(), await created.text()).toBe(201);
  const { data: recorded } = await created.json();
  expect(recorded).toMatchObject({
    title: "Chaos: kill broker 2",
    measurements: { leadershipSettledSec: 12, lagRecoveredSec: 240 },
    imports: [
      { format: "points", pointCount: 3 },
      { format: "csv", pointCount: 2 },
    ],
  });

  // evidence: 401, 403, 400, 404, then 201 for a drill reference and a base64 file
  const evidencePath = (key: string) => `/api/v1/scorecards/${scorecardId}/items/${key}/evidence`;
  const today = new Date().toISOString().slice(0, 10);
  const drillEvidence = { kind: "drill", drillId: recorded.id, capturedAt: today, realisticTraffic: true };
  expect((await request.post(evidencePath("failure-drill"), { data: drillEvidence })).status()).toBe(401);
  expect((await request.post(evidencePath("failure-drill"), { headers: auth(drills), data: drillEvidence })).status()).toBe(403);
  const badEvidence = await request.post(evidencePath("failure-drill"), { headers: auth(evidence), data: { kind: "link", capturedAt: "yesterday" } });
  expect(badEvidence.status()).toBe(400);
  expect((await badEvidence.json()).issues).toEqual(expect.arrayContaining([{ path: "capturedAt", message: "Captured on must be a date like 2025-06-30" }]));
  expect((await request.post(evidencePath("no-such-item"), { headers: auth(evidence), data: drillEvidence })).status()).toBe(404);
  const attached = await request.post(evidencePath("failure-drill"), { headers: auth(evidence), data: drillEvidence });
  expect(attached.status(), await attached.text()).toBe(201);
  expect((await attached.json()).data).toMatchObject({ kind: "drill", title: "Chaos: kill broker 2", itemKey: "failure-drill", drillId: recorded.id });
  const csv = "timestamp,metric,value\n1,under_replicated_partitions,0\n";
  const file = await request.post(evidencePath("storage-path"), {
    headers: auth(evidence),
    data: { kind: "file", capturedAt: today, file: { name: "urp.csv", contentBase64: Buffer.from(csv).toString("base64") } },
  });
  expect(file.status(), await file.text()).toBe(201);
  expect((await file.json()).data.file).toMatchObject({ filename: "urp.csv", mimeType: "text/csv", size: csv.length });

  // read back through the API and in the UI
  const card = await (await request.get(`/api/v1/scorecards/${scorecardId}`, { headers: auth(reader) })).json();
  const items = new Map(card.data.items.map((i: { key: string; evidence: unknown[] }) => [i.key, i.evidence]));
  expect(items.get("failure-drill")).toHaveLength(1);
  expect(items.get("storage-path")).toHaveLength(1);
  expect(card.data.version).toBe(3);
  await page.goto(`/drills/${recorded.id}`);
  await expect(page.getByRole("heading", { name: "Chaos: kill broker 2", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Imports" })).toContainText("JSON points");
});
