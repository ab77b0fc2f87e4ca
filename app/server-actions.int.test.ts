/**
 * Server actions called directly, as a forged request would (not through the UI): each one
 * authenticates from the request's session cookie and refuses what the role does not allow,
 * writing nothing. next/headers is replaced so the actions see a real better-auth session.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { idleState, type ActionState } from "@/lib/action-state";
import { signedInUser } from "@/test/support/sessions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

const { createClusterAction, updateClusterAction, deleteClusterAction } = await import("@/lib/actions/clusters");
const { createUserAction, setRoleAction } = await import("@/lib/actions/users");
const { createTokenAction, revokeTokenAction } = await import("@/lib/actions/tokens");
const { verifyAuditChainAction } = await import("@/lib/actions/audit");

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState<unknown>>;

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) data.append(k, value);
  return data;
}

const clusterFields = {
  name: "forged-cluster",
  environment: "production",
  architecture: "apache_kafka",
  distribution: "Apache Kafka",
  version: "3.9.0",
  metadataMode: "kraft",
  brokerCount: "6",
  availabilityZones: "3",
  cloud: "aws",
  region: "eu-west-1",
  replicationFactor: "3",
  partitionCount: "600",
  retentionHours: "72",
  peakIngressMBps: "40",
  peakEgressMBps: "90",
  ownerTeam: "orders",
};

async function counts() {
  const db = await getDb();
  const [clusters, users, tokens, audit] = await Promise.all([db.cluster.count(), db.user.count(), db.apiToken.count(), db.auditEvent.count()]);
  return { clusters, users, tokens, audit };
}

/** Every state-changing action with input that would succeed for an admin. */
async function writes(targetUserId: string, clusterId: string, tokenId: string): Promise<[string, Action, FormData][]> {
  return [
    ["create cluster", createClusterAction, form(clusterFields)],
    ["update cluster", updateClusterAction, form({ ...clusterFields, id: clusterId, revision: "1" })],
    ["delete cluster", deleteClusterAction, form({ id: clusterId })],
    ["create user", createUserAction, form({ name: "Mallory", email: "mallory@test.drillbook", password: "a-long-enough-password", role: "admin" })],
    ["change role", setRoleAction, form({ userId: targetUserId, role: "admin" })],
    ["create token", createTokenAction as Action, form({ name: "stolen", scopes: ["read", "write:clusters"], expiresInDays: "365" })],
    ["revoke token", revokeTokenAction, form({ id: tokenId })],
  ];
}

async function fixtures() {
  const admin = await signedInUser("admin");
  request.headers = new Headers({ cookie: admin.cookie });
  await expect(createClusterAction(idleState, form({ ...clusterFields, name: "existing" }))).rejects.toThrow("NEXT_REDIRECT");
  const created = await createTokenAction(idleState, form({ name: "ci", scopes: "read", expiresInDays: "30" }));
  if (created.status !== "ok") throw new Error(JSON.stringify(created));
  const db = await getDb();
  const cluster = await db.cluster.findFirstOrThrow({ select: { id: true } });
  return { admin, clusterId: cluster.id, tokenId: created.data.id };
}

beforeEach(() => {
  request.headers = new Headers();
});

describe("server actions refuse what the role does not allow", () => {
  it.each(["viewer", "none"] as const)("a %s cannot change anything", async (role) => {
    const { admin, clusterId, tokenId } = await fixtures();
    const user = await signedInUser(role);
    request.headers = new Headers({ cookie: user.cookie });
    const before = await counts();
    for (const [name, action, data] of await writes(admin.id, clusterId, tokenId)) {
      const state = await action(idleState, data);
      expect(state, name).toMatchObject({ status: "error", message: "You do not have permission to do that." });
    }
    const verify = await verifyAuditChainAction(idleState, form({}));
    expect(verify).toMatchObject({ status: "error", message: "You do not have permission to do that." });
    expect(await counts()).toEqual(before);
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).toBeNull();
  });

  it("an editor writes clusters but cannot manage users, tokens or read the audit log", async () => {
    const { admin, tokenId } = await fixtures();
    const editor = await signedInUser("editor");
    request.headers = new Headers({ cookie: editor.cookie });
    await expect(createClusterAction(idleState, form({ ...clusterFields, name: "editors-cluster" }))).rejects.toThrow("NEXT_REDIRECT");
    const before = await counts();
    const refused: [Action, FormData][] = [
      [createUserAction, form({ name: "M", email: "m@test.drillbook", password: "a-long-enough-password", role: "admin" })],
      [setRoleAction, form({ userId: editor.id, role: "admin" })],
      [createTokenAction as Action, form({ name: "x", scopes: "read", expiresInDays: "7" })],
      [revokeTokenAction, form({ id: tokenId })],
      [verifyAuditChainAction as Action, form({})],
      [deleteClusterAction, form({ id: "anything" })],
    ];
    for (const [action, data] of refused)
      expect(await action(idleState, data)).toMatchObject({ status: "error", message: "You do not have permission to do that." });
    expect(await counts()).toEqual(before);
    expect((await (await getDb()).user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("editor");
    expect(admin.role).toBe("admin");
  });

  it("an admin's account creation and role change are each audited once", async () => {
    const { admin } = await fixtures();
    request.headers = new Headers({ cookie: admin.cookie });
    const created = await createUserAction(idleState, form({ name: "Nora", email: "nora@test.drillbook", password: "a-long-enough-password", role: "viewer" }));
    expect(created.status).toBe("ok");
    const db = await getDb();
    const nora = await db.user.findUniqueOrThrow({ where: { email: "nora@test.drillbook" } });
    expect(await setRoleAction(idleState, form({ userId: nora.id, role: "approver" }))).toMatchObject({ status: "ok" });
    const events = await db.auditEvent.findMany({ where: { entityType: "user", entityId: nora.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["create", admin.id],
      ["update", admin.id],
    ]);
    expect(events[1]).toMatchObject({ before: { role: "viewer" }, after: { role: "approver" } });
  });

  it("without a session every action asks to sign in", async () => {
    const { admin, clusterId, tokenId } = await fixtures();
    request.headers = new Headers({ cookie: "better-auth.session_token=forged.value" });
    const before = await counts();
    for (const [name, action, data] of await writes(admin.id, clusterId, tokenId)) {
      expect(await action(idleState, data), name).toMatchObject({ status: "error", message: "Please sign in." });
    }
    expect(await counts()).toEqual(before);
  });
});

describe("reads refuse a user of no role", () => {
  it("every query and API read answers 403 to role none, and a session cannot write through the API", async () => {
    const { listClusters, getCluster, countClusters } = await import("@/lib/clusters/queries");
    const { listUsers } = await import("@/lib/users/queries");
    const { listApiTokens } = await import("@/lib/tokens/queries");
    const { listAuditEvents, auditFilterOptions, verifyAuditLog } = await import("@/lib/audit/queries");
    const { listScorecardSummaries } = await import("@/lib/api/queries");
    const { auditFilterSchema } = await import("@/lib/audit/schema");
    const { ForbiddenError } = await import("@/lib/errors");
    const api = await import("@/app/api/v1/clusters/route");
    const scorecardsApi = await import("@/app/api/v1/scorecards/route");
    const { clusterId } = await fixtures();

    const none = await signedInUser("none");
    const user = { id: none.id, name: "none person", email: none.email, role: "none" as const };
    const reads: [string, () => Promise<unknown>][] = [
      ["listClusters", () => listClusters(user)],
      ["getCluster", () => getCluster(user, clusterId)],
      ["countClusters", () => countClusters(user)],
      ["listScorecardSummaries", () => listScorecardSummaries(user, { limit: 10, offset: 0 })],
      ["listUsers", () => listUsers(user)],
      ["listApiTokens", () => listApiTokens(user)],
      ["listAuditEvents", () => listAuditEvents(user, auditFilterSchema.parse({}))],
      ["auditFilterOptions", () => auditFilterOptions(user)],
      ["verifyAuditLog", () => verifyAuditLog(user)],
    ];
    for (const [name, read] of reads) await expect(read(), name).rejects.toBeInstanceOf(ForbiddenError);

    const ctx = { params: Promise.resolve({}) };
    const get = (path: string, cookie: string) => new Request(`http://127.0.0.1:3000/api/v1${path}`, { headers: { cookie } });
    expect((await api.GET(get("/clusters", none.cookie), ctx)).status).toBe(403);
    expect((await scorecardsApi.GET(get("/scorecards", none.cookie), ctx)).status).toBe(403);

    // a viewer's browser session reads through the API, but never writes
    const viewer = await signedInUser("viewer");
    const read = await api.GET(get("/clusters", viewer.cookie), ctx);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { data: unknown[] }).data).toHaveLength(1);
    const admin = await signedInUser("admin");
    const write = await api.POST(
      new Request("http://127.0.0.1:3000/api/v1/clusters", {
        method: "POST",
        headers: { cookie: admin.cookie, "content-type": "application/json" },
        body: JSON.stringify(clusterFields),
      }),
      ctx,
    );
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: string }).error).toMatch(/use an API token to write/);
  });
});
