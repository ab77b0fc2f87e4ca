import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard, templateId } from "@/test/support/scorecards";
import { BUILTIN_TEMPLATES } from "./builtin";
import { installBuiltinTemplates } from "./install";
import { cloneTemplate, importTemplate, updateTemplate, TemplateValidationError } from "./mutations";
import { getTemplate, getTemplateDocument, listTemplates } from "./queries";

describe("built-in templates", () => {
  it("installs the three built-ins once, however often the server starts", async () => {
    const db = await getDb();
    const first = await installBuiltinTemplates(db);
    const second = await installBuiltinTemplates(db);
    expect(first.installed).toEqual(BUILTIN_TEMPLATES.map((t) => ({ key: t.key, version: 1 })));
    expect(second).toEqual({ installed: [], unchanged: BUILTIN_TEMPLATES.map((t) => t.key) });
    const rows = await db.template.findMany({ select: { key: true, version: true, builtIn: true, _count: { select: { items: true } } } });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.builtIn && r.version === 1)).toBe(true);
  });

  it("installs concurrently from two servers without duplicates", async () => {
    const db = await getDb();
    await Promise.all([installBuiltinTemplates(db), installBuiltinTemplates(db)]);
    expect(await db.template.count()).toBe(3);
  });

  it("exports a built-in exactly as shipped", async () => {
    await installTemplates();
    const viewer = await createTestUser("viewer");
    const exported = await getTemplateDocument(viewer, await templateId("leader-movement-recovery"));
    expect(exported?.document).toEqual(BUILTIN_TEMPLATES[1]);
  });
});

describe("template import, clone and edit", () => {
  beforeEach(async () => {
    await installTemplates();
  });

  it("imports a valid document as version 1 of a new, editable template", async () => {
    const editor = await createTestUser("editor");
    const doc = { ...structuredClone(BUILTIN_TEMPLATES[0]), key: "team-readiness", name: "Team readiness" };
    const { id } = await importTemplate(editor, JSON.stringify(doc));
    const detail = await getTemplate(editor, id);
    expect(detail).toMatchObject({ key: "team-readiness", version: 1, builtIn: false, isLatest: true });
    expect(detail!.document).toEqual(doc);
    expect((await listTemplates(editor)).map((t) => t.key)).toContain("team-readiness");
  });

  it("refuses a document with a top-level or nested __proto__ key, naming it, writing nothing", async () => {
    const editor = await createTestUser("editor");
    const db = await getDb();
    const before = await db.template.count();
    const doc = JSON.stringify({ ...structuredClone(BUILTIN_TEMPLATES[0]), key: "proto-test", name: "Proto test" });
    for (const text of [`{"__proto__": {"admin": true}, ${doc.slice(1)}`, doc.replace('"sections":[{', '"sections":[{"__proto__":{"x":1},')]) {
      const error = (await importTemplate(editor, text).catch((e) => e)) as TemplateValidationError;
      expect(error).toBeInstanceOf(TemplateValidationError);
      expect(error.errors.map((e) => e.message).join(" ")).toMatch(/__proto__/);
    }
    expect(await db.template.count()).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("refuses malformed JSON and schema errors with the path of each problem, writing nothing", async () => {
    const editor = await createTestUser("editor");
    const db = await getDb();
    const before = await db.template.count();
    await expect(importTemplate(editor, '{"format": "drillbook.template/v1",')).rejects.toMatchObject({
      errors: [{ path: "", message: expect.stringMatching(/^Invalid JSON/) }],
    });
    const doc = structuredClone(BUILTIN_TEMPLATES[0]) as unknown as { key: string; sections: { items: Record<string, unknown>[] }[] };
    doc.key = "broken";
    doc.sections[1].items[0].weight = -2;
    doc.sections[2].items[1].evidenceKinds = ["video"];
    const error = (await importTemplate(editor, JSON.stringify(doc)).catch((e) => e)) as TemplateValidationError;
    expect(error).toBeInstanceOf(TemplateValidationError);
    expect(error.errors).toEqual([
      { path: "sections[1].items[0].weight", message: "Weight must be greater than 0" },
      {
        path: "sections[2].items[1].evidenceKinds[0]",
        message: 'Unknown evidence kind "video"; expected one of link, note, file, drill, metric_export, kafka_snapshot, metric_check',
      },
    ]);
    await expect(importTemplate(editor, JSON.stringify(BUILTIN_TEMPLATES[0]))).rejects.toMatchObject({
      errors: [{ path: "key", message: expect.stringContaining('The key "broker-failure-recovery" is already used') }],
    });
    expect(await db.template.count()).toBe(before);
  });

  it("clones a built-in under a new key; built-ins themselves are read-only", async () => {
    const editor = await createTestUser("editor");
    const source = await templateId("broker-failure-recovery");
    const { id } = await cloneTemplate(editor, { sourceId: source, name: "Payments readiness", key: "payments-readiness" });
    const clone = (await getTemplate(editor, id))!;
    expect(clone).toMatchObject({ key: "payments-readiness", name: "Payments readiness", version: 1, builtIn: false, clonedFromId: source });
    expect(clone.document.sections).toEqual(BUILTIN_TEMPLATES[0].sections);
    const builtIn = (await getTemplate(editor, source))!;
    await expect(updateTemplate(editor, source, builtIn.fingerprint, builtIn.document)).rejects.toThrow("Built-in templates cannot be edited");
    const viewer = await createTestUser("viewer");
    await expect(cloneTemplate(viewer, { sourceId: source, name: "x", key: "x" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("edits an unused version in place, and a used one into the next version", async () => {
    const editor = await createTestUser("editor");
    const { id } = await cloneTemplate(editor, { sourceId: await templateId("broker-failure-recovery"), name: "Mine", key: "mine" });
    let t = (await getTemplate(editor, id))!;
    const doc = structuredClone(t.document);
    doc.sections[0].items[2].blocking = true;
    doc.sections[0].items[2].weight = 5;
    expect(await updateTemplate(editor, id, t.fingerprint, doc)).toEqual({ id, version: 1, mode: "in_place" });

    // a scorecard now uses version 1
    const cluster = await createTestCluster(editor);
    const db = await getDb();
    const { createScorecard } = await import("@/lib/scorecards/mutations");
    const { id: scorecardId } = await createScorecard(editor, {
      clusterId: cluster.id,
      templateId: id,
      title: "Uses v1",
      subject: "current",
      candidatePlatform: null,
      ownerId: editor.id,
      dueDate: null,
    });
    t = (await getTemplate(editor, id))!;
    const next = structuredClone(t.document);
    next.sections[0].items[2].title = "Renamed in v2";
    const saved = await updateTemplate(editor, id, t.fingerprint, next);
    expect(saved).toMatchObject({ version: 2, mode: "new_version" });
    expect(saved.id).not.toBe(id);
    // version 1 and the scorecard on it are untouched
    expect((await getTemplate(editor, id))!.document).toEqual(t.document);
    const { item } = await loadPage(editor, scorecardId);
    expect(item("leader-balance")).toMatchObject({ title: "Leader balance after recovery", blocking: true, weight: 5 });
    expect(await db.template.count({ where: { key: "mine" } })).toBe(2);

    // editing the old version after v2 exists, or from a stale copy, is a conflict
    await expect(updateTemplate(editor, id, t.fingerprint, next)).rejects.toBeInstanceOf(ConflictError);
    const v2 = (await getTemplate(editor, saved.id))!;
    await expect(updateTemplate(editor, saved.id, "stale-fingerprint", v2.document)).rejects.toBeInstanceOf(ConflictError);
    // the key cannot change
    await expect(updateTemplate(editor, saved.id, v2.fingerprint, { ...v2.document, key: "other" })).rejects.toMatchObject({
      errors: [{ path: "key", message: expect.stringContaining("The key cannot change") }],
    });
    await expect(updateTemplate(editor, saved.id, v2.fingerprint, { ...v2.document, sections: [] })).rejects.toBeInstanceOf(DomainError);
  });
});

describe("starting a scorecard from a template", () => {
  it("reads every version of a template in the list, latest first", async () => {
    await installTemplates();
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    await startScorecard(editor, cluster.id);
    const rows = await listTemplates(editor);
    expect(rows.map((r) => [r.key, r.version, r.scorecardCount])).toEqual([
      ["broker-failure-recovery", 1, 1],
      ["leader-movement-recovery", 1, 0],
      ["kafka-compatible-migration", 1, 0],
    ]);
  });
});
