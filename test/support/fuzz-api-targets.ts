/**
 * What the boundary fuzz test (app/boundary-fuzz.int.test.ts) sends to every public API endpoint:
 * its route handler and one valid request built on the test's fixtures, which the test then
 * mutates into hostile ones. The test checks that this list covers every registered endpoint.
 */
import type { SignedInUser } from "./sessions";
import { apiClusterBody } from "./scorecards";

export interface Fixtures {
  admin: SignedInUser;
  token: string;
  clusterId: string;
  scorecardId: string;
  itemId: string;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ApiTarget {
  key: string;
  handler: () => Promise<Handler>;
  params?: (f: Fixtures) => Record<string, string>;
  query?: (f: Fixtures) => Record<string, unknown>;
  body?: (f: Fixtures) => Record<string, unknown>;
}

const hourAgo = new Date(Date.now() - 3_600_000);
export const API: ApiTarget[] = [
  { key: "GET /clusters", handler: async () => (await import("@/app/api/v1/clusters/route")).GET },
  {
    key: "POST /clusters",
    handler: async () => (await import("@/app/api/v1/clusters/route")).POST,
    body: () => apiClusterBody({ name: "fuzzed", tags: ["tier-1"] }),
  },
  { key: "GET /clusters/{id}", handler: async () => (await import("@/app/api/v1/clusters/[id]/route")).GET, params: (f) => ({ id: f.clusterId }) },
  {
    key: "POST /drills",
    handler: async () => (await import("@/app/api/v1/drills/route")).POST,
    body: (f) => ({
      clusterId: f.clusterId,
      scenario: "broker_kill",
      title: "Kill broker 3",
      startedAt: hourAgo.toISOString(),
      endedAt: new Date(hourAgo.getTime() + 900_000).toISOString(),
      realisticTraffic: true,
      leadershipSettledSec: 14,
      lagRecoveredSec: 360,
      producerErrorCount: 0,
    }),
  },
  {
    key: "GET /scorecards",
    handler: async () => (await import("@/app/api/v1/scorecards/route")).GET,
    query: (f) => ({ cluster: f.clusterId, state: "draft", outcome: "not_ready" }),
  },
  { key: "GET /scorecards/{id}", handler: async () => (await import("@/app/api/v1/scorecards/[id]/route")).GET, params: (f) => ({ id: f.scorecardId }) },
  // an id that names no scorecard, so no PDF is rendered 2,000 times
  {
    key: "GET /scorecards/{id}/report",
    handler: async () => (await import("@/app/api/v1/scorecards/[id]/report/route")).GET,
    params: () => ({ id: "no-such-scorecard" }),
    query: () => ({ format: "json" }),
  },
  {
    key: "POST /scorecards/{id}/items/{itemKey}/evidence",
    handler: async () => (await import("@/app/api/v1/scorecards/[id]/items/[itemKey]/evidence/route")).POST,
    params: (f) => ({ id: f.scorecardId, itemKey: "failure-drill" }),
    body: () => ({
      kind: "file",
      title: "Export",
      capturedAt: new Date().toISOString().slice(0, 10),
      file: { name: "lag.csv", contentBase64: Buffer.from("timestamp,lag\n1,2\n").toString("base64") },
    }),
  },
  { key: "GET /datasources", handler: async () => (await import("@/app/api/v1/datasources/route")).GET },
  {
    key: "POST /datasources",
    handler: async () => (await import("@/app/api/v1/datasources/route")).POST,
    // port 9 (discard) on loopback: adding a data source does not contact it
    body: () => ({ name: "fuzz prometheus", baseUrl: "http://127.0.0.1:9", authKind: "none", timeoutSeconds: 5, headers: "X-Scope-OrgID: fuzz" }),
  },
  // ids that name nothing, so no remote server (Prometheus, Kafka) is contacted thousands of times
  {
    key: "PATCH /datasources/{id}",
    handler: async () => (await import("@/app/api/v1/datasources/[id]/route")).PATCH,
    params: () => ({ id: "no-such-source" }),
    body: () => ({ name: "renamed" }),
  },
  {
    key: "DELETE /datasources/{id}",
    handler: async () => (await import("@/app/api/v1/datasources/[id]/route")).DELETE,
    params: () => ({ id: "no-such-source" }),
  },
  {
    key: "PUT /clusters/{id}/metrics-source",
    handler: async () => (await import("@/app/api/v1/clusters/[id]/metrics-source/route")).PUT,
    params: (f) => ({ id: f.clusterId }),
    body: () => ({ dataSourceId: "no-such-source", matchers: 'cluster="fuzz-prod"' }),
  },
  { key: "GET /drills/{id}", handler: async () => (await import("@/app/api/v1/drills/[id]/route")).GET, params: () => ({ id: "no-such-drill" }) },
  {
    key: "POST /drills/{id}/metrics/pull",
    handler: async () => (await import("@/app/api/v1/drills/[id]/metrics/pull/route")).POST,
    params: () => ({ id: "no-such-drill" }),
  },
  // a report naming the fixture's scorecard: the check reads, never writes
  {
    key: "POST /reports/verify",
    handler: async () => (await import("@/app/api/v1/reports/verify/route")).POST,
    body: (f) => ({
      scorecard: { id: f.scorecardId, version: 1, contentHash: "0".repeat(64) },
      content: { format: "drillbook.scorecard-content/v1", items: [] },
    }),
  },
  {
    key: "GET /clusters/{id}/readiness",
    handler: async () => (await import("@/app/api/v1/clusters/[id]/readiness/route")).GET,
    params: (f) => ({ id: f.clusterId }),
  },
  // the fuzzed cluster has no Kafka connection: both answer without a network call
  {
    key: "POST /clusters/{id}/kafka/snapshot",
    handler: async () => (await import("@/app/api/v1/clusters/[id]/kafka/snapshot/route")).POST,
    params: (f) => ({ id: f.clusterId }),
  },
  {
    key: "POST /clusters/{id}/kafka/test",
    handler: async () => (await import("@/app/api/v1/clusters/[id]/kafka/test/route")).POST,
    params: (f) => ({ id: f.clusterId }),
  },
];
