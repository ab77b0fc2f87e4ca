/**
 * The drill, evidence and scorecard endpoints of the JSON API, called through their route
 * handlers with real tokens: 201s that write everything in one transaction, 400s that write
 * nothing, 401/403 for missing tokens, wrong scopes and demoted creators, 404s.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { createApiToken } from "@/lib/tokens/mutations";
import type { ApiScope } from "@/lib/tokens/scopes";
import { POST as createDrill } from "@/app/api/v1/drills/route";
import { GET as getScorecard } from "@/app/api/v1/scorecards/[id]/route";
import { POST as addEvidence } from "@/app/api/v1/scorecards/[id]/items/[itemKey]/evidence/route";
import { requestReview } from "@/lib/reviews/mutations";
import { requestReviewSchema } from "@/lib/reviews/schema";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Body = Record<string, unknown> & { error?: string; issues?: { path: string; message: string }[]; data?: Record<string, unknown> };

async function call(
  handler: Handler,
  init: { method?: string; path: string; token?: string; body?: unknown; params?: Record<string, string>; contentType?: string },
) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  const response = await handler(new Request(`http://127.0.0.1:3000/api/v1${init.path}`, { method: init.method ?? "POST", headers, body }), {
    params: Promise.resolve(init.params ?? {}),
  });
  return { status: response.status, json: (await response.json()) as Body };
}

async function tokenFor(user: CurrentUser, scopes: ApiScope[]) {
  return (await createApiToken(user, { name: `t-${scopes.join("+")}`, scopes, expiresInDays: 30 })).token;
}

async function setup() {
  await installTemplates();
  const admin = await createTestUser("admin", "Ada Admin");
  const cluster = await createTestCluster(admin, "orders-prod");
  const { id: scorecardId } = await startScorecard(admin, cluster.id);
  return { admin, clusterId: cluster.id, scorecardId };
}

const startedAt = new Date(Date.now() - 3_600_000);
const drillBody = (clusterId: string, extra: Record<string, unknown> = {}) => ({
  clusterId,
  scenario: "broker_kill",
  title: "Kill broker 3 at peak",
  startedAt: startedAt.toISOString(),
  endedAt: new Date(startedAt.getTime() + 900_000).toISOString(),
  realisticTraffic: true,
  leadershipSettledSec: 14,
  lagRecoveredSec: 360,
  producerErrorCount: 0,
  ...extra,
});
const t = (offsetSec: number) => Math.round(startedAt.getTime() / 1000) + offsetSec;

describe("POST /api/v1/drills", () => {
  it("creates a drill with measurements, a points series and a CSV import in one go (201)", async () => {
    const { admin, clusterId } = await setup();
    const token = await tokenFor(admin, ["write:drills"]);
    const csv = `timestamp,metric,value\n${t(0)},under_replicated_partitions,12\n${t(60)},under_replicated_partitions,0\n`;
    const created = await call(createDrill, {
      path: "/drills",
      token,
      body: drillBody(clusterId, {
        series: [
          {
            format: "points",
            metric: "consumer_lag",
            unit: "records",
            threshold: 1000,
            points: [
              [t(60), 800],
              [t(0), 5000],
            ],
          },
          { format: "csv", sourceName: "urp.csv", text: csv },
        ],
      }),
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      clusterId,
      scenario: "broker_kill",
      realisticTraffic: true,
      measurements: { leadershipSettledSec: 14, lagRecoveredSec: 360, producerErrorCount: 0, peakConsumerLag: null },
      imports: [
        { format: "points", sourceName: "JSON points", pointCount: 2, series: [{ metric: "consumer_lag", unit: "records", threshold: 1000 }] },
        { format: "csv", sourceName: "urp.csv", pointCount: 2, series: [{ metric: "under_replicated_partitions" }] },
      ],
    });
    const db = await getDb();
    const series = await db.metricSeries.findFirstOrThrow({ where: { metric: "consumer_lag" } });
    expect(series.timesMs).toEqual([t(0) * 1000, t(60) * 1000]);
    const audit = await db.auditEvent.findMany({
      where: { clusterId, action: { in: ["create", "import_metrics"] }, entityType: { in: ["drill", "metric_import"] } },
    });
    expect(audit.map((a) => a.actorLabel)).toEqual(Array(3).fill(expect.stringMatching(/via API token dbk_/)));
  });

  it("answers 400 naming the field or series at fault and stores nothing", async () => {
    const { admin, clusterId } = await setup();
    const token = await tokenFor(admin, ["write:drills"]);
    const db = await getDb();
    const invalid = await call(createDrill, { path: "/drills", token, body: drillBody(clusterId, { scenario: "meteor", leadershipSettledSec: -1 }) });
    expect(invalid.status).toBe(400);
    expect(invalid.json.issues).toEqual(
      expect.arrayContaining([
        { path: "scenario", message: "Choose a valid scenario" },
        { path: "leadershipSettledSec", message: "Time to leadership settled cannot be negative" },
      ]),
    );
    const badCsv = await call(createDrill, {
      path: "/drills",
      token,
      body: drillBody(clusterId, { series: [{ format: "csv", sourceName: "x.csv", text: "timestamp,metric,value\nnope,lag,1\n" }] }),
    });
    expect(badCsv.status).toBe(400);
    expect(badCsv.json.issues?.[0]).toMatchObject({ path: "series.0.text", message: expect.stringContaining("line 2") });
    const duplicate = await call(createDrill, {
      path: "/drills",
      token,
      body: drillBody(clusterId, {
        series: [
          {
            format: "points",
            metric: "lag",
            points: [
              [t(0), 1],
              [t(0), 2],
            ],
          },
        ],
      }),
    });
    expect(duplicate.json.issues?.[0]).toMatchObject({ path: "series.0.points" });
    const farAway = await call(createDrill, {
      path: "/drills",
      token,
      body: drillBody(clusterId, { series: [{ format: "points", metric: "lag", points: [[t(-10 * 86_400), 1]] }] }),
    });
    expect(farAway.status).toBe(400);
    expect(farAway.json.issues?.[0]).toMatchObject({ path: "series.0", message: expect.stringContaining("no sample lies within a day of the drill") });
    expect((await call(createDrill, { path: "/drills", token, body: "{" })).status).toBe(400);
    expect((await call(createDrill, { path: "/drills", token, body: drillBody("no-such-cluster") })).status).toBe(404);
    expect(await db.drill.count()).toBe(0);
    expect(await db.metricImport.count()).toBe(0);
  });

  it("answers 401 without a token and 403 for a wrong scope or a demoted creator", async () => {
    const { admin, clusterId } = await setup();
    expect((await call(createDrill, { path: "/drills", body: drillBody(clusterId) })).status).toBe(401);
    const reader = await tokenFor(admin, ["read", "write:evidence"]);
    const refused = await call(createDrill, { path: "/drills", token: reader, body: drillBody(clusterId) });
    expect(refused).toMatchObject({ status: 403, json: { error: "This token lacks the scope needed here (“write:drills”)." } });
    const writer = await tokenFor(admin, ["write:drills"]);
    const db = await getDb();
    await db.user.update({ where: { id: admin.id }, data: { role: "viewer" } });
    expect((await call(createDrill, { path: "/drills", token: writer, body: drillBody(clusterId) })).status).toBe(403);
    expect(await db.drill.count()).toBe(0);
  });
});

describe("POST /api/v1/scorecards/{id}/items/{itemKey}/evidence", () => {
  const path = (id: string, key: string) => ({ path: `/scorecards/${id}/items/${key}/evidence`, params: { id, itemKey: key } });
  const today = new Date().toISOString().slice(0, 10);

  it("attaches a link, a drill and a base64 file, each bumping the version (201)", async () => {
    const { admin, clusterId, scorecardId } = await setup();
    const token = await tokenFor(admin, ["write:evidence", "write:drills"]);
    const db = await getDb();
    const version = async () => (await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId } })).version;
    const v0 = await version();
    const link = await call(addEvidence, {
      ...path(scorecardId, "observability"),
      token,
      body: { kind: "link", title: "Recovery dashboard", url: "https://grafana.example.com/d/r", capturedAt: today, realisticTraffic: true },
    });
    expect(link.status).toBe(201);
    expect(link.json.data).toMatchObject({
      scorecardId,
      itemKey: "observability",
      kind: "link",
      url: "https://grafana.example.com/d/r",
      realisticTraffic: true,
      file: null,
      scorecardVersion: v0 + 1,
    });

    const drill = await call(createDrill, { path: "/drills", token, body: drillBody(clusterId) });
    const drillRef = await call(addEvidence, {
      ...path(scorecardId, "failure-drill"),
      token,
      body: { kind: "drill", drillId: (drill.json.data as { id: string }).id },
    });
    expect(drillRef).toMatchObject({ status: 201, json: { data: { kind: "drill", title: "Kill broker 3 at peak" } } });
    // a day later than the cited drill's start is a 400 naming the field
    const lateDay = await call(addEvidence, {
      ...path(scorecardId, "failure-drill"),
      token,
      body: { kind: "drill", drillId: (drill.json.data as { id: string }).id, capturedAt: "2099-01-01" },
    });
    expect(lateDay.status).toBe(400);
    expect(JSON.stringify(lateDay.json)).toMatch(/capturedAt/);

    const csv = "timestamp,metric,value\n1,lag,2\n";
    const file = await call(addEvidence, {
      ...path(scorecardId, "storage-path"),
      token,
      body: { kind: "file", capturedAt: today, file: { name: "urp.csv", contentBase64: Buffer.from(csv).toString("base64") } },
    });
    expect(file.status).toBe(201);
    expect(file.json.data).toMatchObject({ kind: "file", title: "urp.csv", file: { filename: "urp.csv", mimeType: "text/csv", size: csv.length } });
    expect(await version()).toBe(v0 + 3);
  });

  it("answers 400 for invalid evidence, a bad or disguised file, 404 for an unknown scorecard or item, 403 for a wrong scope", async () => {
    const { admin, scorecardId } = await setup();
    const token = await tokenFor(admin, ["write:evidence"]);
    const db = await getDb();
    const noUrl = await call(addEvidence, { ...path(scorecardId, "observability"), token, body: { kind: "link", title: "x", capturedAt: today } });
    expect(noUrl).toMatchObject({ status: 400, json: { issues: [{ path: "url", message: "Enter the address of the evidence" }] } });
    const badBase64 = await call(addEvidence, {
      ...path(scorecardId, "storage-path"),
      token,
      body: { kind: "file", capturedAt: today, file: { name: "a.pdf", contentBase64: "%%%" } },
    });
    expect(badBase64.json.issues).toEqual([{ path: "file.contentBase64", message: "The content is not valid base64" }]);
    const disguised = await call(addEvidence, {
      ...path(scorecardId, "storage-path"),
      token,
      body: { kind: "file", capturedAt: today, file: { name: "report.pdf", contentBase64: Buffer.from("MZ not a pdf").toString("base64") } },
    });
    expect(disguised.status).toBe(400);
    expect(disguised.json.issues?.[0].path).toBe("file");
    const wrongKind = await call(addEvidence, { ...path(scorecardId, "observability"), token, body: { kind: "drill", drillId: "x", capturedAt: today } });
    expect(wrongKind.status).toBe(400);
    expect(
      (await call(addEvidence, { ...path(scorecardId, "no-such-item"), token, body: { kind: "note", title: "n", body: "b", capturedAt: today } })).status,
    ).toBe(404);
    expect(
      (await call(addEvidence, { ...path("no-such-scorecard", "observability"), token, body: { kind: "note", title: "n", body: "b", capturedAt: today } })).json
        .error,
    ).toBe("No scorecard has this id.");
    const reader = await tokenFor(admin, ["read"]);
    expect(
      (await call(addEvidence, { ...path(scorecardId, "observability"), token: reader, body: { kind: "note", title: "n", body: "b", capturedAt: today } }))
        .status,
    ).toBe(403);
    expect(await db.evidence.count()).toBe(0);
  });
});

describe("GET /api/v1/scorecards/{id}", () => {
  it("returns items, outcome, reasons and sign-offs; 404 for an unknown id; 403 for a token without read", async () => {
    const { admin, scorecardId } = await setup();
    const approver = await createTestUser("approver", "Sam SRE");
    await requestReview(admin, requestReviewSchema.parse({ scorecardId, slots: [{ role: "sre", required: true, signerIds: [approver.id] }] }));
    const token = await tokenFor(admin, ["read"]);
    const got = await call(getScorecard, { method: "GET", path: `/scorecards/${scorecardId}`, token, params: { id: scorecardId } });
    expect(got.status).toBe(200);
    const data = got.json.data as unknown as Record<string, unknown> & { items: { key: string }[]; outcome: { reasons: { itemKey: string | null }[] } };
    expect(data).toMatchObject({
      id: scorecardId,
      state: "in_review",
      cluster: { name: "orders-prod" },
      outcome: { outcome: "not_ready" },
      review: { requiredCount: 1, approvedCount: 0, slots: [{ role: "sre", status: "awaiting", decision: null, signers: [{ name: "Sam SRE" }] }] },
    });
    expect(data.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(data.items.map((i) => i.key)).toContain("failure-drill");
    expect(data.outcome.reasons).toContainEqual(expect.objectContaining({ severity: "blocker", itemKey: "failure-drill" }));
    expect((await call(getScorecard, { method: "GET", path: "/scorecards/nope", token, params: { id: "nope" } })).status).toBe(404);
    const drillsOnly = await tokenFor(admin, ["write:drills"]);
    expect((await call(getScorecard, { method: "GET", path: `/scorecards/${scorecardId}`, token: drillsOnly, params: { id: scorecardId } })).status).toBe(403);
    expect((await call(getScorecard, { method: "GET", path: `/scorecards/${scorecardId}`, params: { id: scorecardId } })).status).toBe(401);
  });
});
