import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard, templateId } from "@/test/support/scorecards";
import { BUILTIN_TEMPLATES } from "@/lib/templates/builtin";
import { evidenceInputSchema } from "@/lib/evidence/schema";
import { addEvidence } from "@/lib/evidence/mutations";
import type { CurrentUser } from "@/lib/auth/session";
import type { ItemView } from "./page-view";
import { itemSaveSchema } from "./schema";
import { addComment, saveScorecardItem } from "./mutations";
import { listClusterScorecards, listScorecards } from "./queries";

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

async function save(user: CurrentUser, item: ItemView, values: Record<string, string>) {
  const input = itemSaveSchema.parse({
    itemId: item.id,
    version: item.version,
    status: item.status,
    notes: item.notes,
    justification: item.justification,
    ownerRole: item.ownerRole ?? "",
    ...values,
  });
  return saveScorecardItem(user, input);
}

async function insertDrill(clusterId: string, overrides: { startedAt?: Date; realisticTraffic?: boolean; red?: boolean } = {}) {
  const db = await getDb();
  return db.drill.create({
    data: {
      clusterId,
      scenario: "broker_kill",
      title: "Kill broker 3 at peak",
      startedAt: overrides.startedAt ?? new Date(Date.now() - 2 * DAY),
      endedAt: new Date(Date.now() - 2 * DAY + 3_600_000),
      realisticTraffic: overrides.realisticTraffic ?? true,
      answers: {
        create: [
          { question: "hidden_client_impact", answer: overrides.red ? "red" : "green" },
          { question: "rollback_known", answer: "green" },
        ],
      },
    },
  });
}

/** Evidence of the first kind the item accepts (a drill when that is all it takes). */
async function attachEvidence(user: CurrentUser, item: ItemView, drillId: string, capturedAt = new Date()) {
  const kind = (["link", "note", "metric_export", "drill"] as const).find((k) => item.evidenceKinds.includes(k))!;
  const input = evidenceInputSchema.parse({
    itemId: item.id,
    kind,
    title: `${item.title} evidence`,
    url: kind === "link" || kind === "metric_export" ? "https://grafana.example.com/d/recovery" : "",
    body: kind === "note" ? "Measured in the **drill**." : "",
    drillId: kind === "drill" ? drillId : "",
    capturedAt: day(capturedAt),
    realisticTraffic: "on",
  });
  return addEvidence(user, input);
}

describe("scorecards", () => {
  beforeEach(async () => {
    await installTemplates();
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))("starts a scorecard from %s with one item per template item", async (key, template) => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id, key);
    const { page } = await loadPage(editor, id);
    const expected = template.sections.flatMap((s) => s.items);
    expect(page.total).toBe(expected.length);
    expect(page.sections.map((s) => s.key)).toEqual(template.sections.map((s) => s.key));
    expect(page.sections.flatMap((s) => s.items.map((i) => [i.key, i.ownerRole, i.blocking, i.weight]))).toEqual(
      expected.map((i) => [i.key, i.defaultOwnerRole ?? null, i.blocking, i.weight]),
    );
    expect(page.outcome.outcome).toBe("not_ready");
    expect(page.template).toMatchObject({ key, version: 1 });
    const audit = await (await getDb()).auditEvent.findMany({ where: { scorecardId: id } });
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("moves not ready → limited workload → production test, and back when evidence goes stale", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    let { page, item } = await loadPage(editor, id);
    expect(page.outcome.reasons.map((r) => r.text)).toEqual([
      "Failure drill is blocking and not passed yet (not started)",
      "Rollback is blocking and not passed yet (not started)",
    ]);

    await save(editor, item("failure-drill"), { status: "pass" });
    await save(editor, item("rollback"), { status: "pass" });
    ({ page, item } = await loadPage(editor, id));
    expect(page.outcome.outcome).toBe("limited_workload");
    expect(page.outcome.reasons.map((r) => r.text)).toContain("No drill has been recorded for this cluster yet");
    const db = await getDb();
    expect(await db.cluster.findUnique({ where: { id: cluster.id }, select: { outcome: true } })).toEqual({ outcome: "limited_workload" });

    const drill = await insertDrill(cluster.id);
    for (const section of page.sections) {
      for (const it of section.items) {
        await save(editor, item(it.key), { status: "pass" });
        await attachEvidence(editor, it, drill.id);
      }
    }
    ({ page, item } = await loadPage(editor, id));
    expect(page.outcome).toMatchObject({ outcome: "production_test", score: 100, highRisks: 0, mediumRisks: 0, reasons: [] });
    expect(page.qualifyingDrill?.id).toBe(drill.id);
    const cached = await db.scorecard.findUnique({ where: { id }, select: { outcome: true, score: true, version: true } });
    expect(cached).toMatchObject({ outcome: "production_test", score: 100 });
    expect(cached!.version).toBeGreaterThan(20);

    // 120 days later every piece of evidence and the drill are stale: the blocking items count
    // as partial, so the scorecard is not ready; computed on read, no write needed
    const later = new Date(Date.now() + 120 * DAY);
    ({ page } = await loadPage(editor, id, later));
    expect(page.outcome.outcome).toBe("not_ready");
    expect(page.staleEvidence).toHaveLength(page.total);
    expect(page.outcome.reasons.map((r) => r.text)).toEqual([
      "Failure drill has only stale evidence (older than 90 days); it is blocking, so it needs fresh evidence",
      "Rollback has only stale evidence (older than 90 days); it is blocking, so it needs fresh evidence",
    ]);
    const [row] = await listClusterScorecards(editor, cluster.id, later);
    expect(row.outcome).toBe("not_ready");
  });

  it("does not reach production test while the only recent drill has a red answer", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id, "leader-movement-recovery");
    const drill = await insertDrill(cluster.id, { red: true });
    const { page: started, item } = await loadPage(editor, id);
    for (const it of started.sections.flatMap((s) => s.items)) {
      await save(editor, item(it.key), { status: "pass" });
      await attachEvidence(editor, it, drill.id);
    }
    const { page } = await loadPage(editor, id);
    expect(page.outcome.outcome).toBe("limited_workload");
    expect(page.outcome.reasons.map((r) => r.text)).toEqual(["Drill 'Kill broker 3 at peak' has a red answer in its decision matrix"]);
  });

  it("needs a justification for not applicable and lists the scorecard with its progress", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const bad = itemSaveSchema.safeParse({ itemId: item("leader-balance").id, version: 1, status: "not_applicable", justification: "  " });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["justification"], message: "Explain why this item does not apply before marking it not applicable" });
    await save(editor, item("leader-balance"), { status: "not_applicable", justification: "Single-partition topics only" });
    await save(editor, item("storage-path"), { status: "in_progress", notes: "Draft *notes*" });
    const [row] = await listScorecards(editor);
    expect(row).toMatchObject({ id, assessed: 2, total: 13, clusterName: expect.any(String), templateVersion: 1 });
    const { item: after } = await loadPage(editor, id);
    expect(after("leader-balance")).toMatchObject({ status: "not_applicable", justification: "Single-partition topics only", version: 2 });
    expect(after("storage-path")).toMatchObject({ notes: "Draft *notes*", updatedBy: editor.name });
  });

  it("saving identical values writes nothing and never conflicts", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const first = await save(editor, item("rollback"), { notes: "same" });
    const again = await saveScorecardItem(
      editor,
      itemSaveSchema.parse({ itemId: item("rollback").id, version: 1, status: "not_started", notes: "same", ownerRole: "sre" }),
    );
    expect(first).toMatchObject({ version: 2, changed: true });
    expect(again).toMatchObject({ version: 2, changed: false });
  });

  it("lets viewers read but not write, and keeps role none out", async () => {
    const editor = await createTestUser("editor");
    const viewer = await createTestUser("viewer");
    const nobody = await createTestUser("none");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(viewer, id);
    await expect(save(viewer, item("rollback"), { status: "pass" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addComment(viewer, { itemId: item("rollback").id, body: "hi" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadPage(nobody, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startScorecard(viewer, cluster.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("keeps a scorecard on the template version it started from", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const v1 = await templateId("broker-failure-recovery");
    const { id } = await startScorecard(editor, cluster.id);
    // a new Drillbook release changes the built-in template: it becomes version 2
    const changed = structuredClone(BUILTIN_TEMPLATES[0]);
    changed.sections[0].items[1].title = "Leader election and metadata refresh";
    const { installBuiltinTemplates } = await import("@/lib/templates/install");
    const report = await installBuiltinTemplates(await getDb(), [changed]);
    expect(report.installed).toEqual([{ key: "broker-failure-recovery", version: 2 }]);
    const { page, item } = await loadPage(editor, id);
    expect(page.template).toMatchObject({ id: v1, version: 1 });
    expect(item("leader-election-and-metadata").title).toBe("Leader election and metadata propagation");
  });
});
