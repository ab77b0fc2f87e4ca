/**
 * Every way a pull can fail, against real servers: a message naming the query and the cause,
 * nothing stored (the previous pull stays), and no credential in the database, a message or
 * the audit log.
 */
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server } from "node:net";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { brokerKillFamilies } from "@/test/support/broker-kill";
import {
  prometheusNote,
  selfSignedCertificate,
  skipWithoutPrometheus,
  startPrometheus,
  toOpenMetrics,
  type RunningPrometheus,
} from "@/test/support/prometheus";
import { pullSetup, pullTruth } from "@/test/support/pull-fixtures";
import { createTestUser } from "@/test/support/users";
import { updateDataSource, createDataSource, setClusterMetricsSource } from "@/lib/prometheus/datasource-mutations";
import { testDataSource } from "@/lib/prometheus/datasource-queries";
import { dataSourceInputSchema, dataSourcePatchSchema, metricsSourceInputSchema } from "@/lib/prometheus/datasource-schema";
import { PullFailedError, pullDrillMetrics } from "@/lib/prometheus/pull-mutations";
import { PrometheusError, queryRange } from "./client";

const PASSWORD = "s3cret-Prom-pass";
let prom: RunningPrometheus;
let guarded: RunningPrometheus;
let withNaN: RunningPrometheus;
let tls: RunningPrometheus;
let cert: { certPem: string; keyPem: string };
let silent: Server;
let silentPort: number;
let gateway: HttpServer;
let gatewayUrl: string;

/**
 * An authorizing gateway in front of the real Prometheus, as multi-tenant setups put one
 * (Mimir, Thanos, oauth2-proxy): no token → 401, a token of another tenant → 403, the
 * payments team's token → forwarded to Prometheus unchanged.
 */
async function startGateway(upstream: string) {
  const server = createHttpServer(async (req, res) => {
    const auth = req.headers.authorization;
    if (!auth) return void res.writeHead(401).end("missing token");
    if (auth !== "Bearer payments-reader") return void res.writeHead(403).end("tenant not allowed");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(`${upstream}${req.url}`, {
      method: req.method,
      headers: req.headers["content-type"] ? { "content-type": req.headers["content-type"] } : {},
      body: req.method === "GET" ? undefined : Buffer.concat(chunks),
    });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

async function expectPullFails(editor: Awaited<ReturnType<typeof pullSetup>>["editor"], drillId: string, pattern: RegExp, kind?: string) {
  const error = await pullDrillMetrics(editor, drillId).catch((e) => e);
  expect(error).toBeInstanceOf(PullFailedError);
  expect(error.status).toBe(502);
  expect(error.message).toMatch(pattern);
  if (kind) expect((error as PullFailedError).queries.some((q) => q.kind === kind)).toBe(true);
  const db = await getDb();
  expect(await db.auditEvent.count({ where: { action: "pull_metrics" } })).toBe(0);
  return error as PullFailedError;
}

describe.skipIf(skipWithoutPrometheus)(`pull failures ${prometheusNote}`, () => {
  beforeAll(async () => {
    const data = toOpenMetrics(brokerKillFamilies(pullTruth));
    prom = await startPrometheus(data);
    guarded = await startPrometheus(data, { basicAuth: { username: "drillbook", bcryptHash: bcrypt.hashSync(PASSWORD, 10), password: PASSWORD } });
    withNaN = await startPrometheus(toOpenMetrics(brokerKillFamilies(pullTruth, { nanAtSec: 20 })));
    cert = selfSignedCertificate();
    tls = await startPrometheus(data, { tls: cert });
    // accepts connections and never answers: a hung server
    silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    silentPort = (silent.address() as { port: number }).port;
    ({ server: gateway, url: gatewayUrl } = await startGateway(prom.url));
  });
  afterAll(async () => {
    await Promise.all([prom?.stop(), guarded?.stop(), withNaN?.stop(), tls?.stop()]);
    silent?.close();
    gateway?.close();
  });

  it("a server that is down: connection refused, nothing stored", async () => {
    const stopped = await startPrometheus(toOpenMetrics(brokerKillFamilies(pullTruth)));
    await stopped.stop();
    const { editor, drillId } = await pullSetup(stopped.url);
    const db = await getDb();
    const error = await expectPullFails(editor, drillId, /Offline partitions \(leaders elected\) — .*refused the connection.*ECONNREFUSED/, "down");
    expect(error.fieldErrors["queries.leadership"][0]).toMatch(/ECONNREFUSED/);
    expect(await db.metricImport.count()).toBe(0);
  });

  it("a host name that does not resolve", async () => {
    const { editor, drillId } = await pullSetup("http://prometheus.drillbook-test.invalid:9090");
    await expectPullFails(editor, drillId, /does not resolve \(DNS (ENOTFOUND|EAI_AGAIN)\)/, "dns");
  });

  it("TLS to a server that does not speak it", async () => {
    const { editor, drillId } = await pullSetup(prom.url.replace("http:", "https:"));
    await expectPullFails(editor, drillId, /TLS with 127\.0\.0\.1:\d+ failed/, "tls");
  });

  it("verifies TLS by default: a self-signed certificate fails until its CA is given", async () => {
    const { admin, editor, drillId, dataSourceId } = await pullSetup(tls.url);
    await expectPullFails(editor, drillId, /TLS with 127\.0\.0\.1:\d+ failed: .*(self[- ]signed|SELF_SIGNED)/i, "tls");
    await updateDataSource(admin, dataSourceId, dataSourcePatchSchema.parse({ caPem: cert.certPem }));
    expect(await testDataSource(admin, dataSourceId)).toMatchObject({ ok: true });
    expect((await pullDrillMetrics(editor, drillId)).queries.filter((q) => q.status === "ok")).toHaveLength(7);
  });

  it("wrong credentials get 401; the right ones work, and the password is stored encrypted and never audited", async () => {
    const { admin, editor, drillId, dataSourceId } = await pullSetup(
      guarded.url,
      {},
      {},
      { authKind: "basic", username: "drillbook", secret: "wrong-password" },
    );
    await expectPullFails(editor, drillId, /answered 401: the credentials were refused/, "unauthorized");
    const test = await testDataSource(admin, dataSourceId);
    expect(test).toMatchObject({ ok: false, kind: "unauthorized" });

    await updateDataSource(admin, dataSourceId, dataSourcePatchSchema.parse({ secret: PASSWORD }));
    expect(await testDataSource(admin, dataSourceId)).toMatchObject({ ok: true, version: expect.stringMatching(/^2\.42/) });
    const result = await pullDrillMetrics(editor, drillId);
    expect(result.queries.filter((q) => q.status === "ok")).toHaveLength(7);

    const db = await getDb();
    const row = await db.dataSource.findUniqueOrThrow({ where: { id: dataSourceId } });
    expect(row.secretBox).toMatch(/^v1\./);
    expect(row.secretBox).not.toContain(PASSWORD);
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { entityType: "data_source" }, select: { before: true, after: true } }));
    expect(audit).not.toContain(PASSWORD);
    expect(audit).not.toContain("wrong-password");
    expect(audit).toContain("credentials changed");
  });

  it("a token the gateway knows but does not allow gets 403; the allowed token reads through it", async () => {
    const { admin, editor, drillId, dataSourceId } = await pullSetup(gatewayUrl, {}, {}, { authKind: "bearer", secret: "billing-reader" });
    await expectPullFails(editor, drillId, /answered 403: these credentials may not read this API/, "forbidden");
    expect(await testDataSource(admin, dataSourceId)).toMatchObject({ ok: false, kind: "forbidden" });
    await updateDataSource(admin, dataSourceId, dataSourcePatchSchema.parse({ secret: "payments-reader" }));
    expect(await testDataSource(admin, dataSourceId)).toMatchObject({ ok: true, version: expect.stringMatching(/^2\.42/) });
    expect((await pullDrillMetrics(editor, drillId)).queries.filter((q) => q.status === "ok")).toHaveLength(7);
  });

  it("a query Prometheus refuses (bad_data) fails the pull and keeps the previous pull as it was", async () => {
    const { editor, drillId, clusterId, dataSourceId } = await pullSetup(prom.url);
    await pullDrillMetrics(editor, drillId);
    const db = await getDb();
    const before = await db.metricImport.findMany({ where: { drillId }, select: { id: true }, orderBy: { id: "asc" } });
    const drillBefore = await db.drill.findUniqueOrThrow({ where: { id: drillId } });
    await setClusterMetricsSource(
      editor,
      clusterId,
      metricsSourceInputSchema.parse({
        dataSourceId,
        matchers: 'cluster="payments-prod"',
        queries: { recoveryTraffic: "sum(rate(kafka_server_brokertopicmetrics_replicationbytesin_total{…}[1x]))" },
      }),
    );
    const error = await pullDrillMetrics(editor, drillId).catch((e) => e);
    expect(error).toBeInstanceOf(PullFailedError);
    expect(error.message).toMatch(/1 of 8 queries failed\. Replication traffic in \(bytes\/s\) — Prometheus refused the query \(bad_data\)/);
    expect(await db.metricImport.findMany({ where: { drillId }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(before);
    expect((await db.drill.findUniqueOrThrow({ where: { id: drillId } })).version).toBe(drillBefore.version);
  });

  it("a server that never answers times out", async () => {
    const { editor, drillId } = await pullSetup(`http://127.0.0.1:${silentPort}`, {}, {}, { timeoutSeconds: "1" });
    const started = Date.now();
    await expectPullFails(editor, drillId, /no answer from 127\.0\.0\.1:\d+ within 1 s \(timeout\)/, "timeout");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("matchers that select nothing: every required query reports an empty result", async () => {
    const { editor, drillId } = await pullSetup(prom.url, {}, { matchers: 'cluster="no-such-cluster"' });
    const error = await expectPullFails(editor, drillId, /no series matched in the window: check the cluster's matchers/, "empty");
    expect(error.queries.filter((q) => q.status === "failed").map((q) => q.key)).toEqual([
      "leadership",
      "replicas",
      "underMinIsr",
      "consumerLag",
      "recoveryTraffic",
    ]);
    expect(error.queries.filter((q) => q.status === "skipped").map((q) => q.key)).toEqual(["producerErrors", "activeControllers", "leaderElections"]);
  });

  it("a NaN sample names the series and time", async () => {
    const { editor, drillId } = await pullSetup(withNaN.url);
    await expectPullFails(editor, drillId, /Under-min-ISR partitions \(acks=all writes fail\) — sample NaN at 2026-11-30T10:02:20\.000Z/, "not_finite");
  });

  it("an answer over the size cap is refused", async () => {
    const conn = { baseUrl: prom.url, auth: { kind: "none" as const }, headers: {}, tlsVerify: true, caPem: null, timeoutSeconds: 5 };
    const error = await queryRange(
      conn,
      'kafka_consumergroup_lag{cluster="payments-prod"}',
      (pullTruth.drillStartSec - 600) * 1000,
      pullTruth.drillEndSec * 1000,
      5,
      10_000,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PrometheusError);
    expect(error.kind).toBe("too_large");
    expect(error.message).toMatch(/larger than/);
  });

  it("refuses non-http(s) URLs and credentials in the URL, and only admins manage data sources", async () => {
    expect(dataSourceInputSchema.safeParse({ name: "x", baseUrl: "file:///etc/passwd" }).error?.issues[0].message).toBe(
      "Only http:// and https:// URLs are allowed",
    );
    expect(dataSourceInputSchema.safeParse({ name: "x", baseUrl: "http://u:p@prom:9090" }).error?.issues[0].message).toMatch(/not in the URL/);
    const editor = await createTestUser("editor");
    await expect(createDataSource(editor, dataSourceInputSchema.parse({ name: "x", baseUrl: prom.url }))).rejects.toThrow("Only admins manage data sources.");
  });
});
