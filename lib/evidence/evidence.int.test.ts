import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { evidenceInputSchema } from "./schema";
import { addEvidence, removeEvidence } from "./mutations";
import { getEvidenceFile, listDrillOptions } from "./queries";

const today = new Date().toISOString().slice(0, 10);

describe("evidence", () => {
  beforeEach(async () => {
    await installTemplates();
  });

  it("stores a file with its checksum and MIME type, serves it to readers only, and removes it", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const content = new TextEncoder().encode("timestamp,metric,value\n1717000000,consumer_lag,1200\n");
    const input = evidenceInputSchema.parse({
      itemId: item("storage-path").id,
      kind: "file",
      title: "",
      capturedAt: today,
      realisticTraffic: "on",
      hasFile: "true",
    });
    const { id: evidenceId } = await addEvidence(editor, input, { name: "lag export.csv", bytes: content });

    const { page, item: after } = await loadPage(editor, id);
    const [evidence] = after("storage-path").evidence;
    expect(evidence).toMatchObject({
      id: evidenceId,
      kind: "file",
      title: "lag export.csv",
      realisticTraffic: true,
      stale: false,
      capturedBy: editor.name,
      file: { filename: "lag export.csv", mimeType: "text/csv", size: content.length, sha256: createHash("sha256").update(content).digest("hex") },
    });
    expect(page.version).toBe(2);

    const viewer = await createTestUser("viewer");
    const file = await getEvidenceFile(viewer, evidenceId);
    expect(Buffer.from(file!.data).toString()).toBe(Buffer.from(content).toString());
    await expect(getEvidenceFile(await createTestUser("none"), evidenceId)).rejects.toBeInstanceOf(ForbiddenError);

    await expect(removeEvidence(viewer, evidenceId)).rejects.toBeInstanceOf(ForbiddenError);
    await removeEvidence(editor, evidenceId);
    const db = await getDb();
    expect(await db.evidenceFile.count()).toBe(0);
    expect(await getEvidenceFile(viewer, evidenceId)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { entityType: "evidence" }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "delete"]);
    // the bytes never reach the audit log
    expect(JSON.stringify(audit.map((a) => a.after))).not.toContain("consumer_lag");
  });

  it("links a drill of the same cluster only, and lists the cluster's drills for the picker", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor, "alpha");
    const other = await createTestCluster(editor, "beta");
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const db = await getDb();
    const startedAt = new Date(Date.now() - 86_400_000);
    const mine = await db.drill.create({ data: { clusterId: cluster.id, scenario: "broker_kill", title: "Kill broker 2", startedAt, realisticTraffic: true } });
    const theirs = await db.drill.create({ data: { clusterId: other.id, scenario: "zone_impairment", title: "Zone B down", startedAt } });
    expect(await listDrillOptions(editor, cluster.id)).toEqual([
      { id: mine.id, title: "Kill broker 2", scenario: "broker_kill", startedAt: startedAt.toISOString(), realisticTraffic: true },
    ]);

    const base = { itemId: item("failure-drill").id, kind: "drill", title: "", capturedAt: today, realisticTraffic: "on" };
    await expect(addEvidence(editor, evidenceInputSchema.parse({ ...base, drillId: theirs.id }))).rejects.toMatchObject({
      fieldErrors: { drillId: ["Choose one of this cluster's drills"] },
    });
    // the drill started yesterday: citing it today cannot make it today's evidence
    await expect(addEvidence(editor, evidenceInputSchema.parse({ ...base, drillId: mine.id }))).rejects.toMatchObject({
      fieldErrors: { capturedAt: [expect.stringContaining("dated by the drill's start")] },
    });
    await addEvidence(editor, evidenceInputSchema.parse({ ...base, capturedAt: "", drillId: mine.id }));
    const { item: after } = await loadPage(editor, id);
    expect(after("failure-drill").evidence[0]).toMatchObject({ kind: "drill", title: "Kill broker 2", drill: { id: mine.id, scenario: "broker_kill" } });
    const stored = await db.evidence.findFirstOrThrow({ where: { drillId: mine.id }, select: { capturedAt: true } });
    expect(stored.capturedAt).toEqual(startedAt);
  });

  it("dates evidence by what it proves: an old drill's evidence is stale at once, an export by its newest sample", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const db = await getDb();
    const startedAt = new Date(Date.now() - 153 * 86_400_000);
    const old = await db.drill.create({
      data: { clusterId: cluster.id, scenario: "broker_kill", title: "Kill broker 2 in July", startedAt, realisticTraffic: true },
    });
    await addEvidence(editor, evidenceInputSchema.parse({ itemId: item("failure-drill").id, kind: "drill", drillId: old.id, realisticTraffic: "on" }));
    const { item: after } = await loadPage(editor, id);
    expect(after("failure-drill").evidence[0]).toMatchObject({ capturedAt: startedAt.toISOString(), stale: true });

    const csv = "timestamp,metric,value\n2026-03-01T10:00:00Z,under_replicated_partitions,12\n2026-03-01T10:20:00Z,under_replicated_partitions,0\n";
    const base = { itemId: item("replication-health").id, kind: "metric_export", title: "URP during drill", hasFile: "true" };
    await expect(
      addEvidence(editor, evidenceInputSchema.parse({ ...base, capturedAt: "2026-03-02" }), { name: "urp.csv", bytes: new TextEncoder().encode(csv) }),
    ).rejects.toMatchObject({ fieldErrors: { capturedAt: ["The export's data ends on 2026-03-01; the captured day cannot be later than that"] } });
    await addEvidence(editor, evidenceInputSchema.parse(base), { name: "urp.csv", bytes: new TextEncoder().encode(csv) });
    const exported = await db.evidence.findFirstOrThrow({ where: { kind: "metric_export" }, select: { capturedAt: true } });
    expect(exported.capturedAt.toISOString()).toBe("2026-03-01T10:20:00.000Z");
  });

  it("takes a metric export as a link or a file, and needs one of them", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const { id } = await startScorecard(editor, cluster.id);
    const { item } = await loadPage(editor, id);
    const base = { itemId: item("replication-health").id, kind: "metric_export", title: "URP during drill", capturedAt: today };
    expect(evidenceInputSchema.safeParse(base).error?.issues[0]).toMatchObject({ path: ["file"], message: "Upload the exported metrics or link to them" });
    await addEvidence(editor, evidenceInputSchema.parse({ ...base, url: "https://prometheus.example.com/graph?g0.expr=urp" }));
    await addEvidence(editor, evidenceInputSchema.parse({ ...base, hasFile: "true" }), {
      name: "urp.json",
      bytes: new TextEncoder().encode('{"status":"success","data":{"result":[]}}'),
    });
    const { item: after } = await loadPage(editor, id);
    expect(after("replication-health").evidence.map((e) => [e.url !== null, e.file?.mimeType ?? null])).toEqual(
      expect.arrayContaining([
        [true, null],
        [false, "application/json"],
      ]),
    );
  });
});
