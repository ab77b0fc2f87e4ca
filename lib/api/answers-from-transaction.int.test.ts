/**
 * Answers built from the write's own transaction (issue: a POST answered 500 "Nothing was
 * changed" for a change that was committed, because the answer was read after the commit and
 * PostgreSQL restarted in between). Each write here runs with a database that goes away right
 * after its commit: the answer is still the full, schema-valid answer of the stored change.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { makeCluster } from "@/test/support/drills";
import { createApiToken } from "@/lib/tokens/mutations";
import type { ApiScope } from "@/lib/tokens/scopes";
import { createDataSourceEndpoint, putMetricsSourceEndpoint, updateDataSourceEndpoint } from "@/lib/api/endpoints/datasources";
import { getClusterMetricsSource } from "@/lib/prometheus/datasource-queries";
import { GET as listSources, POST as createSource } from "@/app/api/v1/datasources/route";
import { PATCH as patchSource } from "@/app/api/v1/datasources/[id]/route";
import { PUT as putMetricsSource } from "@/app/api/v1/clusters/[id]/metrics-source/route";
import { faults, resetFaults } from "@/test/support/db-faults";
import { callRoute } from "@/test/support/route-call";

vi.mock("@/lib/db/client", async (importOriginal) => (await import("@/test/support/db-faults")).faultyClientModule(await importOriginal()));
afterEach(resetFaults);

/** Runs `request` with the database going away right after its write commits. */
async function withDatabaseGoneAfterCommit<T>(request: () => Promise<T>): Promise<T> {
  faults.goneAfterCommit = true;
  try {
    return await request();
  } finally {
    expect(faults.gone).toBe(true); // the write did commit, and the database was gone after it
    faults.gone = false;
  }
}

const tokenFor = async (user: CurrentUser, scopes: ApiScope[]) =>
  (await createApiToken(user, { name: `t-${scopes.join("+")}`, scopes, expiresInDays: 1 })).token;

describe("answers built from the transaction, not read after the commit", () => {
  it("POST /datasources, PATCH /datasources/{id} and PUT /clusters/{id}/metrics-source answer the stored change even when the database goes away right after the commit", async () => {
    const admin = await createTestUser("admin");
    const { id: clusterId } = await makeCluster(admin, "payments-prod");
    const adminToken = await tokenFor(admin, ["admin:datasources"]);
    const writer = await tokenFor(admin, ["write:clusters"]);
    const db = await getDb();

    const created = await withDatabaseGoneAfterCommit(() =>
      callRoute(createSource, {
        method: "POST",
        path: "/datasources",
        token: adminToken,
        body: { name: "Thanos", baseUrl: "http://127.0.0.1:39999", authKind: "bearer", secret: "tok-secret", headers: "X-Scope-OrgID: tenant-a" },
      }),
    );
    expect(created.status).toBe(201);
    expect(createDataSourceEndpoint.response.parse(created.json)).toEqual(created.json);
    expect(created.json.data).toMatchObject({ name: "Thanos", authKind: "bearer", hasSecret: true, headerNames: ["X-Scope-OrgID"], clusters: [] });
    expect(JSON.stringify(created.json)).not.toContain("tok-secret");
    const dataSourceId = created.json.data.id as string;
    expect(await db.dataSource.count()).toBe(1);

    const linked = await withDatabaseGoneAfterCommit(() =>
      callRoute(putMetricsSource, {
        method: "PUT",
        path: `/clusters/${clusterId}/metrics-source`,
        token: writer,
        params: { id: clusterId },
        body: { dataSourceId, matchers: 'cluster="payments-prod"', lagThresholdRecords: 5_000 },
      }),
    );
    expect(linked.status).toBe(200);
    expect(putMetricsSourceEndpoint.response.parse(linked.json)).toEqual(linked.json);
    // exactly what a read of the stored link gives, as the API shows it
    const stored = await getClusterMetricsSource(admin, clusterId);
    expect(linked.json).toEqual(putMetricsSourceEndpoint.response.parse({ data: stored }));
    expect(linked.json.data).toMatchObject({ dataSourceName: "Thanos", lagThresholdRecords: 5_000 });

    const patched = await withDatabaseGoneAfterCommit(() =>
      callRoute(patchSource, {
        method: "PATCH",
        path: `/datasources/${dataSourceId}`,
        token: adminToken,
        params: { id: dataSourceId },
        body: { name: "Thanos (global)", authKind: "none", timeoutSeconds: 30 },
      }),
    );
    expect(patched.status).toBe(200);
    expect(updateDataSourceEndpoint.response.parse(patched.json)).toEqual(patched.json);
    expect(patched.json.data).toMatchObject({ name: "Thanos (global)", authKind: "none", hasSecret: false, timeoutSeconds: 30, clusters: ["payments-prod"] });

    // the answers are the stored rows, as the list shows them
    const list = await callRoute(listSources, { method: "GET", path: "/datasources", token: adminToken });
    expect(list.json.data).toEqual([patched.json.data]);
  });

  it("a refused write still answers its 4xx and stores nothing", async () => {
    const admin = await createTestUser("admin");
    const { id: clusterId } = await makeCluster(admin, "payments-prod");
    const writer = await tokenFor(admin, ["write:clusters"]);
    const missing = await callRoute(putMetricsSource, {
      method: "PUT",
      path: `/clusters/${clusterId}/metrics-source`,
      token: writer,
      params: { id: clusterId },
      body: { dataSourceId: "no-such-source", matchers: 'cluster="payments-prod"' },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.issues).toEqual([{ path: "dataSourceId", message: "Choose an existing data source" }]);
    expect(await (await getDb()).clusterMetricsSource.count()).toBe(0);
  });
});
