/** Archiving and deleting templates: every version together, refused while anything refers to it, audited. */
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { createCampaign } from "@/lib/campaigns/mutations";
import { campaignTemplates } from "@/lib/campaigns/queries";
import { campaignCreateSchema } from "@/lib/campaigns/schema";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, startScorecard, templateId } from "@/test/support/scorecards";
import { cloneTemplate } from "./mutations";
import { listStartableTemplates, listTemplates } from "./queries";
import { deleteTemplate, setTemplateArchived } from "./retire";

beforeEach(async () => {
  await installTemplates();
});

const clone = async (user: Awaited<ReturnType<typeof createTestUser>>, key: string) =>
  (await cloneTemplate(user, { sourceId: await templateId("broker-failure-recovery"), name: `Clone ${key}`, key })).id;

describe("archiving a template", () => {
  it("hides it from new scorecards and campaigns, keeps scorecards started from it, and restores it", async () => {
    const editor = await createTestUser("editor");
    const id = await clone(editor, "payments");
    const cluster = await createTestCluster(editor);
    const started = await startScorecard(editor, cluster.id, "payments");

    expect(await setTemplateArchived(editor, id, true)).toEqual({ key: "payments", changed: true });
    expect((await listStartableTemplates(editor)).map((t) => t.key)).not.toContain("payments");
    expect((await listTemplates(editor)).find((t) => t.key === "payments")?.archived).toBe(true);
    expect((await campaignTemplates(editor)).map((t) => t.key)).not.toContain("payments");
    expect((await campaignTemplates(editor, "payments")).map((t) => t.key)).toContain("payments");
    const refused = await startScorecard(editor, cluster.id, "payments").catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused.fieldErrors.templateId).toEqual(["This template is archived; pick another"]);
    const campaign = await createCampaign(
      editor,
      campaignCreateSchema.parse({ name: "Q1", targetOutcome: "production_test", templateKey: "payments", dueDate: "2027-03-31", selectionMode: "filter" }),
    ).catch((e) => e);
    expect(campaign.fieldErrors?.templateKey).toEqual(["This template is archived; choose another"]);
    const db = await getDb();
    expect(await db.scorecard.count({ where: { id: started.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "template", action: "archive" } })).toBe(1);

    expect((await setTemplateArchived(editor, id, false)).changed).toBe(true);
    expect((await listStartableTemplates(editor)).map((t) => t.key)).toContain("payments");
    await expect(setTemplateArchived(await createTestUser("viewer"), id, true)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("deleting a template", () => {
  it("deletes every version of an unused template, audited, and refuses a used or built-in one", async () => {
    const editor = await createTestUser("editor");
    const unused = await clone(editor, "unused");
    expect(await deleteTemplate(editor, unused)).toEqual({ key: "unused", versions: 1 });
    const db = await getDb();
    expect(await db.template.count({ where: { key: "unused" } })).toBe(0);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityType: "template", action: "delete" } })).toMatchObject({
      before: { key: "unused", versions: [1] },
    });

    const used = await clone(editor, "used");
    await startScorecard(editor, (await createTestCluster(editor)).id, "used");
    const inUse = await deleteTemplate(editor, used).catch((e) => e);
    expect(inUse).toBeInstanceOf(DomainError);
    expect(inUse.message).toBe("Used by 1 scorecard: a template that anything refers to stays for history; archive it instead.");

    const targeted = await clone(editor, "targeted");
    await createCampaign(
      editor,
      campaignCreateSchema.parse({ name: "Q2", targetOutcome: "production_test", templateKey: "targeted", dueDate: "2027-06-30", selectionMode: "filter" }),
    );
    expect((await deleteTemplate(editor, targeted).catch((e) => e)).message).toMatch(/^Used by 1 campaign/);

    const builtIn = await deleteTemplate(editor, await templateId("broker-failure-recovery")).catch((e) => e);
    expect(builtIn.message).toMatch(/^Built-in templates are installed again at every start/);
    expect(await db.template.count({ where: { key: { in: ["used", "targeted", "broker-failure-recovery"] } } })).toBe(3);
  });
});
