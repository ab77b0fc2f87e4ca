/**
 * The data migration that re-dates drill evidence, on a database seeded the old way (drill
 * evidence dated by the day it was cited): dates, audit, readiness refresh, idempotence.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { evidenceInputSchema } from "./schema";
import { addEvidence } from "./mutations";
import { redateDrillEvidence } from "./redate";
import { drillForm } from "@/test/support/drills";
import { drillInputSchema } from "@/lib/drills/schema";
import { createDrill, updateDrill } from "@/lib/drills/mutations";

beforeEach(async () => {
  await installTemplates();
});

describe("re-dating drill evidence", () => {
  it("moves old-style drill evidence to its drill's start, audited as Drillbook, and refreshes the cluster", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const db = await getDb();
    const startedAt = new Date(Date.now() - 153 * 86_400_000);
    const drill = await db.drill.create({
      data: { clusterId: cluster.id, scenario: "broker_kill", title: "Kill broker 2 in July", startedAt, realisticTraffic: true },
    });
    await addEvidence(editor, evidenceInputSchema.parse({ itemId: item("failure-drill").id, kind: "drill", drillId: drill.id, realisticTraffic: "on" }));
    // seeded the old way: dated by the day it was cited
    const today = new Date(new Date().toISOString().slice(0, 10));
    await db.evidence.updateMany({ where: { drillId: drill.id }, data: { capturedAt: today } });
    // …and the signals computed from that date (nothing stale)
    await db.cluster.update({ where: { id: cluster.id }, data: { staleEvidenceCount: 0 } });

    expect(await redateDrillEvidence()).toEqual({ evidence: 1, clusters: 1 });
    const stored = await db.evidence.findFirstOrThrow({ where: { drillId: drill.id }, select: { id: true, capturedAt: true } });
    expect(stored.capturedAt).toEqual(startedAt);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "redate_evidence", entityId: stored.id }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ actorLabel: expect.stringContaining("Drillbook"), clusterId: cluster.id, scorecardId: id });
    // the cluster's signals were recomputed with the true date: the evidence is stale now
    const after = await db.cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: { staleEvidenceCount: true } });
    expect(after.staleEvidenceCount).toBe(1);
    const { item: page } = await loadPage(editor, id);
    expect(page("failure-drill").evidence[0]).toMatchObject({ stale: true });

    expect(await redateDrillEvidence()).toEqual({ evidence: 0, clusters: 0 });
  });

  it("moves the evidence citing a drill when the drill's start is edited, audited, and refreshes the cluster", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const db = await getDb();
    const recent = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 16);
    const drill = await createDrill(editor, drillInputSchema.parse(drillForm(cluster.id, { startedAt: recent, endedAt: "" })));
    await addEvidence(editor, evidenceInputSchema.parse({ itemId: item("failure-drill").id, kind: "drill", drillId: drill.id, realisticTraffic: "on" }));
    expect((await loadPage(editor, id)).item("failure-drill").evidence[0]).toMatchObject({ stale: false });

    // the drill really ran 153 days ago: its evidence is dated by that start, and so stale
    const old = new Date(Date.now() - 153 * 86_400_000).toISOString().slice(0, 16);
    await updateDrill(editor, drill.id, 1, drillInputSchema.parse(drillForm(cluster.id, { startedAt: old, endedAt: "" })));
    const stored = await db.evidence.findFirstOrThrow({ where: { drillId: drill.id }, select: { id: true, capturedAt: true } });
    expect(stored.capturedAt.toISOString().slice(0, 16)).toBe(old);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "redate_evidence", entityId: stored.id } });
    expect(audit).toMatchObject({ clusterId: cluster.id, scorecardId: id });
    expect((await loadPage(editor, id)).item("failure-drill").evidence[0]).toMatchObject({ stale: true });
    expect(await redateDrillEvidence()).toEqual({ evidence: 0, clusters: 0 });
  });
});
