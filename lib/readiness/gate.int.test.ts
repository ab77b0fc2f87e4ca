/**
 * The readiness gate through its real route handler, with API tokens: 200 when the required
 * outcome is met, 412 with the same body and the reasons when not, by id or by name, per
 * template or for the cluster as a whole; 404 for an unknown cluster or template.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { addDrill, addEvidence, daysBefore, makeCluster, makeScorecard, makeTemplate } from "@/test/support/portfolio-fixtures";
import { createApiToken } from "@/lib/tokens/mutations";
import { evaluateScorecard } from "./evaluate";
import { refreshClusterSignals } from "./refresh";
import { GET as gate } from "@/app/api/v1/clusters/[id]/readiness/route";
import { GET as badge } from "@/app/api/badges/clusters/[name]/route";
import { NextRequest } from "next/server";

async function ask(token: string, cluster: string, query = "") {
  const request = new Request(`http://127.0.0.1:3000/api/v1/clusters/${encodeURIComponent(cluster)}/readiness${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const response = await gate(request, { params: Promise.resolve({ id: cluster }) });
  return { status: response.status, body: (await response.json()) as { data: Record<string, unknown> & { reasons: { text: string }[] }; error?: string } };
}

async function refresh(clusterId: string) {
  const db = await getDb();
  await db.$transaction((tx) => refreshClusterSignals(tx, clusterId));
}

describe("readiness gate", () => {
  it("answers 200 when the outcome meets the requirement and 412 with the reasons when it does not", async () => {
    const admin = await createTestUser("admin");
    const { token } = await createApiToken(admin, { name: "pipeline", scopes: ["read"], expiresInDays: 30 });
    const now = new Date();
    const cluster = await makeCluster({ name: `gate-ready-${Date.now().toString(36)}` });
    const tpl = await makeTemplate();
    const { scorecard, items } = await makeScorecard(cluster.id, tpl, ["pass", "partial"]);
    for (const item of items) await addEvidence(item.id, daysBefore(now, 3));
    await addDrill(cluster.id, daysBefore(now, 5));
    await refresh(cluster.id);
    const expected = await evaluateScorecard(await getDb(), scorecard.id);
    expect(expected.outcome).toBe("limited_workload");

    // by name, for the cluster as a whole: limited workload is enough, production test is not
    const met = await ask(token, cluster.name, "?require=limited_workload");
    expect(met.status).toBe(200);
    expect(met.body.data).toMatchObject({
      pass: true,
      required: "limited_workload",
      outcome: "limited_workload",
      score: expected.score,
      reasons: [],
      cluster: { id: cluster.id, name: cluster.name },
      template: { key: tpl.template.key },
      scorecard: { id: scorecard.id, state: "draft" },
      version: 1,
    });
    const unmet = await ask(token, cluster.id, `?template=${tpl.template.key}&require=production_test`);
    expect(unmet.status).toBe(412);
    expect(unmet.body.data.pass).toBe(false);
    expect(unmet.body.data.outcome).toBe("limited_workload");
    const texts = unmet.body.data.reasons.map((r) => r.text);
    expect(texts[0]).toBe("“Ready for limited workload” does not meet the required “Ready for production test”.");
    // the rules' own reasons follow: the partial item is named
    expect(texts.slice(1)).toEqual(expected.reasons.map((r) => r.text));
    expect(texts.some((t) => t.includes("Observability"))).toBe(true);
    // the default requirement is production test
    expect((await ask(token, cluster.name)).status).toBe(412);

    // the outcome is computed at the request: the same scorecard now passing passes the gate
    const db = await getDb();
    await db.scorecardItem.update({ where: { id: items[1].id }, data: { status: "pass" } });
    const now2 = await ask(token, cluster.name);
    expect([now2.status, now2.body.data.outcome]).toEqual([200, "production_test"]);
  });

  it("says what is missing for a template the cluster was never assessed against, and 404s what does not exist", async () => {
    const admin = await createTestUser("admin");
    const { token } = await createApiToken(admin, { name: "pipeline", scopes: ["read"], expiresInDays: 30 });
    const cluster = await makeCluster({ name: `gate-new-${Date.now().toString(36)}` });
    const tpl = await makeTemplate();
    const none = await ask(token, cluster.name, `?template=${tpl.template.key}&require=limited_workload`);
    expect(none.status).toBe(412);
    expect(none.body.data).toMatchObject({ pass: false, outcome: null, scorecard: null, contentHash: null });
    expect(none.body.data.reasons).toEqual([
      { severity: "missing", text: `Cluster “${cluster.name}” has no scorecard of “Test template” yet; start one and assess it.` },
    ]);

    expect((await ask(token, "no-such-cluster")).status).toBe(404);
    const badTemplate = await ask(token, cluster.name, "?template=no-such-template");
    expect([badTemplate.status, badTemplate.body.error]).toEqual([404, "No template has the key “no-such-template”."]);
    const badOutcome = await ask(token, cluster.name, "?require=perfect");
    expect(badOutcome.status).toBe(400);
    // a token without the read scope is refused
    const { token: writer } = await createApiToken(admin, { name: "writer", scopes: ["write:drills"], expiresInDays: 30 });
    expect((await ask(writer, cluster.name)).status).toBe(403);
  });

  it("draws the badge with a badge-only token, which reads nothing else", async () => {
    const admin = await createTestUser("admin");
    const { token } = await createApiToken(admin, { name: "wiki badge", scopes: ["read:badge"], expiresInDays: 30 });
    const now = new Date();
    const cluster = await makeCluster({ name: `gate-badge-${Date.now().toString(36)}` });
    const tpl = await makeTemplate();
    const { items } = await makeScorecard(cluster.id, tpl, ["pass", "partial"]);
    for (const item of items) await addEvidence(item.id, daysBefore(now, 3));
    await addDrill(cluster.id, daysBefore(now, 5));
    await refresh(cluster.id);
    const draw = async (file: string, query: string) => {
      const response = await badge(new NextRequest(`http://127.0.0.1:3000/api/badges/clusters/${file}${query}`), { params: Promise.resolve({ name: file }) });
      return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
    };
    const ok = await draw(`${cluster.name}.svg`, `?token=${token}`);
    expect(ok.status).toBe(200);
    expect(ok.type).toBe("image/svg+xml; charset=utf-8");
    expect(ok.text).toMatch(/^<svg /);
    expect(ok.text).toContain("Ready for limited workload");
    expect((await draw(`${cluster.name}.svg`, `?template=${tpl.template.key}&token=${token}`)).text).toContain("readiness · Test template");
    const refused = await draw(`${cluster.name}.svg`, "?token=dbk_not-a-real-token");
    expect([refused.status, refused.text.includes("token not valid")]).toEqual([401, true]);
    expect((await draw("no-such-cluster.svg", `?token=${token}`)).status).toBe(404);
    // the badge scope opens nothing else
    expect((await ask(token, cluster.name)).status).toBe(403);
  });
});
