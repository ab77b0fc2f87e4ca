/**
 * API smoke test with curl-like requests (Playwright's request context, no browser cookies):
 * tokens are created and revoked through the admin page, then used against /api/v1.
 */
import { randomUUID } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { setUpAdmin, startOwnServer, type OwnServer } from "./servers";
import { createTokenInUI, revokeTokenInUI } from "./tokens";

const cluster = (name: string) => ({
  name,
  environment: "staging",
  architecture: "apache_kafka",
  distribution: "Apache Kafka",
  version: "3.9.0",
  metadataMode: "kraft",
  brokerCount: 3,
  availabilityZones: 3,
  cloud: "gcp",
  region: "europe-west1",
  replicationFactor: 3,
  partitionCount: 300,
  retentionHours: 24,
  peakIngressMBps: 10,
  peakEgressMBps: 30,
  ownerTeam: "streaming",
  tags: ["smoke"],
});

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
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/clusters", "/clusters/{id}", "/scorecards"]));

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
  const malformed = await request.post("/api/v1/clusters", { headers: { ...auth(writer), "Content-Type": "application/json" }, data: Buffer.from('{"name": ') });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: "The request body is not valid JSON.", issues: [{ path: "" }] });
  const invalid = await request.post("/api/v1/clusters", { headers: auth(writer), data: { ...cluster(`bad-${suffix}`), brokerCount: 0, replicationFactor: 5 } });
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
    const { context, page } = await setUpAdmin(browser, server.baseURL, { name: "Rate Admin", email: "rate-admin@e2e.drillbook.test", password: `pw-${randomUUID()}` });
    const token = await createTokenInUI(page, "burst", ["read"]);
    const api = await playwrightRequest.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.get("/api/v1/clusters")).status());
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await api.get("/api/v1/clusters");
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await limited.json()).error).toMatch(/Rate limit exceeded: at most 5 requests per 60 s/);
    await api.dispose();
    await context.close();
  });
});
