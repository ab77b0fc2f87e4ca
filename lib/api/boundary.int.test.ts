/**
 * Reproducers of the inputs that were answered with a 500 (issue 14, section 2), through the
 * real route handlers with a real token: each is now a 4xx with a field message and writes
 * nothing.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { apiClusterBody, createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { createApiToken } from "@/lib/tokens/mutations";
import { env } from "@/lib/env";
import { POST as createCluster } from "@/app/api/v1/clusters/route";
import { GET as getCluster } from "@/app/api/v1/clusters/[id]/route";
import { GET as listScorecards } from "@/app/api/v1/scorecards/route";
import { POST as addEvidence } from "@/app/api/v1/scorecards/[id]/items/[itemKey]/evidence/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, token: string, body?: string, params: Record<string, string> = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(new Request(`http://127.0.0.1:3000/api/v1${path}`, { method: body === undefined ? "GET" : "POST", headers, body }), {
    params: Promise.resolve(params),
  });
  return { status: response.status, json: (await response.json()) as { error?: string; issues?: { path: string; message: string }[] } };
}

const cluster = apiClusterBody({ name: "boundary-prod" });

async function setup() {
  await installTemplates();
  const admin = await createTestUser("admin");
  const token = (await createApiToken(admin, { name: "b", scopes: ["read", "write:clusters", "write:evidence"], expiresInDays: 1 })).token;
  const { id: clusterId } = await createTestCluster(admin, "orders-prod");
  const { id: scorecardId } = await startScorecard(admin, clusterId);
  return { token, scorecardId };
}

async function rows() {
  const db = await getDb();
  const [clusters, evidence, files, audit] = await Promise.all([db.cluster.count(), db.evidence.count(), db.evidenceFile.count(), db.auditEvent.count()]);
  return { clusters, evidence, files, audit };
}

describe("inputs that used to answer 500", () => {
  it.each([
    ["a NUL in a text field", JSON.stringify({ ...cluster, ownerTeam: "orders\u0000" }), "ownerTeam", "Owner team must not contain a NUL character"],
    ["a lone surrogate in a text field", JSON.stringify({ ...cluster, notes: "note \ud800" }), "notes", "must be valid Unicode text"],
    ["a NUL in a list item", JSON.stringify({ ...cluster, tags: ["a\u0000"] }), "tags", "without NUL characters"],
    ["a NUL in a field no schema names", JSON.stringify({ ...cluster, extra: "\u0000" }), "extra", "This text must not contain a NUL character"],
    ["a top-level __proto__ key", `{"__proto__": {"x": 1}, ${JSON.stringify(cluster).slice(1)}`, "__proto__", 'The field name "__proto__" is not allowed'],
  ])("POST /clusters with %s → 400 on the field", async (_what, body, path, message) => {
    const { token } = await setup();
    const before = await rows();
    const answer = await call(createCluster, "/clusters", token, body);
    expect(answer.status).toBe(400);
    expect(answer.json.issues?.find((i) => i.path.startsWith(path))?.message).toContain(message);
    expect(await rows()).toEqual(before);
  });

  it("a NUL in a path or query parameter → 400, not a failed query", async () => {
    const { token } = await setup();
    expect((await call(getCluster, "/clusters/x", token, undefined, { id: "x\u0000" })).status).toBe(400);
    expect((await call(listScorecards, "/scorecards?cluster=a%00b", token)).status).toBe(400);
  });

  it("evidence captured on 0000-01-01 → 400 with the field's message", async () => {
    const { token, scorecardId } = await setup();
    const answer = await call(addEvidence, "/x", token, JSON.stringify({ kind: "note", title: "t", body: "b", capturedAt: "0000-01-01" }), {
      id: scorecardId,
      itemKey: "failure-drill",
    });
    expect(answer.status).toBe(400);
    expect(answer.json.issues).toContainEqual({ path: "capturedAt", message: "Captured on must be between 1970-01-01 and 9999-12-31" });
  });

  it("a 4 MB file in base64 is checked without a stack overflow, and limit + 1 byte answers 413", async () => {
    const { token, scorecardId } = await setup();
    const params = { id: scorecardId, itemKey: "failure-drill" };
    const post = (bytes: Buffer, extra = "") =>
      call(
        addEvidence,
        "/x",
        token,
        JSON.stringify({
          kind: "metric_export",
          title: "metrics",
          capturedAt: "2025-01-01",
          file: { name: "metrics.csv", contentBase64: bytes.toString("base64") + extra },
        }),
        params,
      );
    const before = await rows();
    const fourMb = Buffer.alloc(4 * 1024 * 1024, "a,1\n");
    const broken = await post(fourMb, "!!!!");
    expect(broken.status).toBe(400);
    expect(broken.json.issues).toContainEqual({ path: "file.contentBase64", message: "The content is not valid base64" });
    const tooLarge = await post(Buffer.alloc(env().DRILLBOOK_MAX_UPLOAD_BYTES + 1, "a,1\n"));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.issues?.[0]).toMatchObject({ path: "file" });
    expect(await rows()).toEqual(before);
    const stored = await post(fourMb);
    expect(stored.json).toMatchObject({ data: { kind: "metric_export" } });
    expect(stored.status).toBe(201);
  }, 60_000);
});
