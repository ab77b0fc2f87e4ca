/**
 * The Prometheus endpoints through their route handlers with real tokens, against a real
 * Prometheus: a chaos tool posts a drill, links the cluster, asks Drillbook to fill it, reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createTestUser } from "@/test/support/users";
import { brokerKillFamilies } from "@/test/support/broker-kill";
import { prometheusNote, skipWithoutPrometheus, startPrometheus, toOpenMetrics, type RunningPrometheus } from "@/test/support/prometheus";
import { isoSec, pullTruth } from "@/test/support/pull-fixtures";
import { makeCluster } from "@/test/support/drills";
import { createApiToken } from "@/lib/tokens/mutations";
import type { ApiScope } from "@/lib/tokens/scopes";
import { GET as listSources, POST as createSource } from "@/app/api/v1/datasources/route";
import { DELETE as deleteSource, PATCH as patchSource } from "@/app/api/v1/datasources/[id]/route";
import { PUT as putMetricsSource } from "@/app/api/v1/clusters/[id]/metrics-source/route";
import { POST as createDrill } from "@/app/api/v1/drills/route";
import { GET as getDrill } from "@/app/api/v1/drills/[id]/route";
import { POST as pull } from "@/app/api/v1/drills/[id]/metrics/pull/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Body = { error?: string; issues?: { path: string; message: string }[]; data?: Record<string, unknown> & Record<string, unknown[]> };

async function call(handler: Handler, init: { method?: string; path: string; token: string; body?: unknown; params?: Record<string, string> }) {
  const headers: Record<string, string> = { authorization: `Bearer ${init.token}` };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(`http://127.0.0.1:3000/api/v1${init.path}`, {
      method: init.method ?? "POST",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
  return { status: response.status, json: (await response.json()) as Body, text: "" };
}
const tokenFor = async (user: CurrentUser, scopes: ApiScope[]) =>
  (await createApiToken(user, { name: `t-${scopes.join("+")}`, scopes, expiresInDays: 30 })).token;

let prom: RunningPrometheus;

describe.skipIf(skipWithoutPrometheus)(`Prometheus API ${prometheusNote}`, () => {
  beforeAll(async () => {
    prom = await startPrometheus(toOpenMetrics(brokerKillFamilies(pullTruth)));
  });
  afterAll(async () => {
    await prom?.stop();
  });

  it("adds a data source, links a cluster, posts a drill, pulls and reads it back; secrets never come back", async () => {
    const admin = await createTestUser("admin");
    const { id: clusterId } = await makeCluster(admin, "payments-prod");
    const adminToken = await tokenFor(admin, ["admin:datasources"]);
    const writer = await tokenFor(admin, ["write:clusters", "write:drills", "read"]);

    const bad = await call(createSource, { path: "/datasources", token: adminToken, body: { name: "p", baseUrl: "ftp://prom" } });
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual([{ path: "baseUrl", message: "Only http:// and https:// URLs are allowed" }]);
    const created = await call(createSource, {
      path: "/datasources",
      token: adminToken,
      body: { name: "Local", baseUrl: prom.url, authKind: "bearer", secret: "tok-123-secret", headers: "X-Scope-OrgID: tenant-a" },
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.json)).not.toContain("tok-123-secret");
    expect(JSON.stringify(created.json)).not.toContain("tenant-a");
    expect(created.json.data).toMatchObject({ hasSecret: true, headerNames: ["X-Scope-OrgID"], tlsVerify: true });
    const dataSourceId = created.json.data!.id as unknown as string;
    expect((await call(listSources, { method: "GET", path: "/datasources", token: writer })).status).toBe(403); // scope
    const patched = await call(patchSource, {
      method: "PATCH",
      path: `/datasources/${dataSourceId}`,
      token: adminToken,
      params: { id: dataSourceId },
      body: { authKind: "none" },
    });
    expect(patched.json.data).toMatchObject({ authKind: "none", hasSecret: false, name: "Local" });

    const link = await call(putMetricsSource, {
      method: "PUT",
      path: `/clusters/${clusterId}/metrics-source`,
      token: writer,
      params: { id: clusterId },
      body: { dataSourceId, matchers: 'cluster="payments-prod"' },
    });
    expect(link.status).toBe(200);
    expect((link.json.data!.queries as { key: string; promql: string }[]).find((q) => q.key === "replicas")!.promql).toBe(
      'sum(kafka_server_replicamanager_underreplicatedpartitions{cluster="payments-prod"})',
    );
    const badLink = await call(putMetricsSource, {
      method: "PUT",
      path: `/clusters/${clusterId}/metrics-source`,
      token: writer,
      params: { id: clusterId },
      body: { dataSourceId, matchers: "cluster=payments" },
    });
    expect(badLink.status).toBe(400);

    const drill = await call(createDrill, {
      path: "/drills",
      token: writer,
      body: {
        clusterId,
        scenario: "broker_kill",
        title: "Kill broker 3",
        startedAt: `${isoSec(pullTruth.faultSec)}Z`,
        endedAt: `${isoSec(pullTruth.drillEndSec)}Z`,
        targetLagRecoveredSec: 600,
      },
    });
    expect(drill.status).toBe(201);
    const drillId = drill.json.data!.id as unknown as string;
    const pulled = await call(pull, { path: `/drills/${drillId}/metrics/pull`, token: writer, params: { id: drillId } });
    expect(pulled.status).toBe(200);
    expect((pulled.json.data!.proposals as { question: string }[]).map((p) => p.question)).toEqual(["hidden_client_impact", "bounded_storage_work"]);

    const read = await call(getDrill, { method: "GET", path: `/drills/${drillId}`, token: writer, params: { id: drillId } });
    expect(read.status).toBe(200);
    const lag = (read.json.data!.measurements as { key: string; source: string; value: number }[]).find((m) => m.key === "lagRecoveredSec")!;
    expect(lag.source).toBe("prometheus");
    expect(Math.abs(lag.value - pullTruth.lagRecoveredSec)).toBeLessThanOrEqual(5);
    expect((read.json.data!.series as { pulled: boolean }[]).every((s) => s.pulled)).toBe(true);
    expect((read.json.data!.proposals as { status: string }[]).every((p) => p.status === "pending")).toBe(true);

    const inUse = await call(deleteSource, { method: "DELETE", path: `/datasources/${dataSourceId}`, token: adminToken, params: { id: dataSourceId } });
    expect(inUse.status).toBe(409);
    expect(inUse.json.error).toMatch(/payments-prod/);
  });

  it("a pull against a server that is down answers 502 naming each query, never 500", async () => {
    const admin = await createTestUser("admin");
    const { id: clusterId } = await makeCluster(admin, "payments-prod");
    const adminToken = await tokenFor(admin, ["admin:datasources"]);
    const writer = await tokenFor(admin, ["write:clusters", "write:drills", "read"]);
    const created = await call(createSource, { path: "/datasources", token: adminToken, body: { name: "Gone", baseUrl: "http://127.0.0.1:39999" } });
    await call(putMetricsSource, {
      method: "PUT",
      path: `/clusters/${clusterId}/metrics-source`,
      token: writer,
      params: { id: clusterId },
      body: { dataSourceId: created.json.data!.id, matchers: 'cluster="payments-prod"' },
    });
    const drill = await call(createDrill, {
      path: "/drills",
      token: writer,
      body: { clusterId, scenario: "broker_kill", title: "Kill", startedAt: `${isoSec(pullTruth.faultSec)}Z` },
    });
    const drillId = drill.json.data!.id as unknown as string;
    const pulled = await call(pull, { path: `/drills/${drillId}/metrics/pull`, token: writer, params: { id: drillId } });
    expect(pulled.status).toBe(502);
    expect(pulled.json.error).toMatch(/^Nothing was stored: 8 of 8 queries failed/);
    expect(pulled.json.issues?.find((i) => i.path === "queries.leadership")?.message).toMatch(/ECONNREFUSED/);
  });
});
