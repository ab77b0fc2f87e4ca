/**
 * The CSRF rule inside the app, not only in proxy.ts: a server-action call made with the
 * session cookie must come from Drillbook's own origin. The replayed createClusterAction
 * with the cookie and no Origin header ran before; now it is refused and writes nothing.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { idleState } from "@/lib/action-state";
import { signedInUser } from "@/test/support/sessions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

const { createClusterAction } = await import("@/lib/actions/clusters");

const fields = {
  name: "forged",
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
function form(extra: Record<string, string> = {}) {
  const data = new FormData();
  for (const [k, v] of Object.entries({ ...fields, ...extra })) data.append(k, v);
  return data;
}

beforeEach(() => {
  request.headers = new Headers();
});

describe("server actions and the Origin header", () => {
  it.each([
    ["no Origin", {}],
    ["another site's Origin", { origin: "https://evil.example" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
  ])("refuse a call with the session cookie and %s, writing nothing", async (_what, extra) => {
    const editor = await signedInUser("editor");
    request.headers = new Headers({ cookie: editor.cookie, host: "localhost:3000", "next-action": "x", ...extra });
    const db = await getDb();
    const before = await Promise.all([db.cluster.count(), db.auditEvent.count()]);
    const state = await createClusterAction(idleState, form());
    expect(state).toMatchObject({ status: "error" });
    expect(state.status === "error" && state.message).toMatch(/Origin header|another site/);
    expect(await Promise.all([db.cluster.count(), db.auditEvent.count()])).toEqual(before);
  });

  it.each([
    ["a same-origin Origin", { origin: "http://localhost:3000" }],
    ["Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin" }],
  ])("run a call with %s", async (_what, extra) => {
    const editor = await signedInUser("editor");
    request.headers = new Headers({ cookie: editor.cookie, host: "localhost:3000", "next-action": "x", ...extra });
    await expect(createClusterAction(idleState, form({ name: `ok-${Object.keys(extra)[0]}` }))).rejects.toThrow("NEXT_REDIRECT");
  });
});
