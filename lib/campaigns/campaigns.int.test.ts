import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { addEvidence, makeCluster, makeScorecard, makeTemplate } from "@/test/support/portfolio-fixtures";
import { changeCampaignClusters, createCampaign, deleteCampaign, updateCampaign } from "./mutations";
import { getCampaign, listCampaigns } from "./queries";
import { campaignCreateSchema, campaignUpdateSchema } from "./schema";

const now = new Date("2026-06-01T12:00:00Z");
const form = (values: Record<string, string | string[]>) => campaignCreateSchema.parse(values);

describe("campaigns", () => {
  it("creates a campaign from a filter and shows progress and the clusters short of the target with reasons", async () => {
    const editor = await createTestUser("editor");
    const ready = await makeCluster({ name: "a-prod", environment: "production", outcome: "production_test", score: 100 });
    const short = await makeCluster({ name: "b-prod", environment: "production", outcome: "limited_workload", score: 50 });
    await makeCluster({ name: "c-staging", environment: "staging" });
    const tpl = await makeTemplate();
    const { items } = await makeScorecard(short.id, tpl, ["pass", "in_progress"]);
    await addEvidence(items[0].id, new Date("2026-05-20T00:00:00Z"));

    const { id } = await createCampaign(
      editor,
      form({ name: "Cutover Q3", targetOutcome: "production_test", dueDate: "2026-09-30", selectionMode: "filter", env: "production" }),
      now,
    );
    const campaign = await getCampaign(editor, id, now);
    expect(campaign).toMatchObject({ name: "Cutover Q3", selection: "Clusters in Production (2 when created)", status: "on_track" });
    expect(campaign!.progress).toMatchObject({ total: 2, atTarget: 1, percent: 50 });
    expect(campaign!.done.map((c) => c.name)).toEqual(["a-prod"]);
    expect(campaign!.short.map((c) => c.name)).toEqual(["b-prod"]);
    expect(campaign!.short[0].reasons).toEqual(expect.arrayContaining(["Observability is not passed yet (in progress)"]));

    const list = await listCampaigns(editor, now);
    expect(list).toHaveLength(1);
    expect(list[0].progress).toMatchObject({ total: 2, atTarget: 1 });
    expect(ready.id).toBeTruthy();

    const audit = await (await getDb()).auditEvent.findFirstOrThrow({ where: { entityType: "campaign", entityId: id } });
    expect(audit.action).toBe("create");
  });

  it("creates a campaign from picked clusters; a cluster without a scorecard says so", async () => {
    const editor = await createTestUser("editor");
    const c = await makeCluster({ name: "solo" });
    const { id } = await createCampaign(
      editor,
      form({ name: "Pick", targetOutcome: "limited_workload", dueDate: "2026-07-01", selectionMode: "pick", clusterIds: [c.id] }),
      now,
    );
    const campaign = await getCampaign(editor, id, now);
    expect(campaign!.selection).toBe("Picked by hand (1)");
    expect(campaign!.short[0].reasons![0]).toMatch(/^No scorecard yet/);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const editor = await createTestUser("editor");
    const parsed = campaignCreateSchema.safeParse({ name: "", targetOutcome: "perfect", dueDate: "2026-02-30", selectionMode: "pick" });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({
      name: "Name is required",
      targetOutcome: "Choose a valid target outcome",
      dueDate: "Due date is not a real date",
      clusterIds: "Pick at least one cluster",
    });

    await expect(
      createCampaign(editor, form({ name: "Past", targetOutcome: "not_ready", dueDate: "2026-05-01", selectionMode: "filter" }), now),
    ).rejects.toMatchObject({
      fieldErrors: { dueDate: ["Due date cannot be in the past"] },
    });
    await expect(
      createCampaign(editor, form({ name: "Empty", targetOutcome: "not_ready", dueDate: "2026-07-01", selectionMode: "filter", q: "nothing-matches" }), now),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      createCampaign(editor, form({ name: "Ghost", targetOutcome: "not_ready", dueDate: "2026-07-01", selectionMode: "pick", clusterIds: ["missing"] }), now),
    ).rejects.toMatchObject({
      fieldErrors: { clusterIds: [expect.stringContaining("deleted")] },
    });
    expect(await (await getDb()).campaign.count()).toBe(0);
  });

  it("lets only cluster writers create, edit and delete", async () => {
    const viewer = await createTestUser("viewer");
    const editor = await createTestUser("editor");
    const c = await makeCluster();
    await expect(
      createCampaign(viewer, form({ name: "x", targetOutcome: "not_ready", dueDate: "2026-07-01", selectionMode: "pick", clusterIds: [c.id] }), now),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await createCampaign(
      editor,
      form({ name: "x", targetOutcome: "not_ready", dueDate: "2026-07-01", selectionMode: "pick", clusterIds: [c.id] }),
      now,
    );
    await expect(deleteCampaign(viewer, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCampaign(await createTestUser("none"), id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("detects concurrent edits and changes membership", async () => {
    const editor = await createTestUser("editor");
    const [a, b] = [await makeCluster({ name: "a" }), await makeCluster({ name: "b" })];
    const { id } = await createCampaign(
      editor,
      form({ name: "v1", targetOutcome: "not_ready", dueDate: "2026-07-01", selectionMode: "pick", clusterIds: [a.id] }),
      now,
    );
    const edit = (name: string) => campaignUpdateSchema.parse({ id, revision: "1", name, targetOutcome: "limited_workload", dueDate: "2026-08-01" });
    await updateCampaign(editor, edit("first"));
    const lost = await updateCampaign(editor, edit("second")).catch((e) => e);
    expect(lost).toBeInstanceOf(ConflictError);
    expect((lost as ConflictError<{ name: string; dueDate: string }>).current).toMatchObject({ name: "first", dueDate: "2026-08-01" });

    expect(await changeCampaignClusters(editor, { id, add: [b.id, a.id], remove: [] })).toEqual({ added: 1, removed: 0 });
    expect(await changeCampaignClusters(editor, { id, add: [], remove: [a.id] })).toEqual({ added: 0, removed: 1 });
    expect((await getCampaign(editor, id, now))!.short.map((m) => m.name)).toEqual(["b"]);

    await deleteCampaign(editor, id);
    const db = await getDb();
    expect(await db.campaign.count()).toBe(0);
    expect(await db.cluster.count()).toBe(2);
    expect(await db.auditEvent.count({ where: { entityType: "campaign", entityId: id } })).toBe(5);
  });

  it("targets one assessment: counts that template's current outcome, in the list's aggregate and on the page", async () => {
    const editor = await createTestUser("editor");
    const db = await getDb();
    const tpl = await makeTemplate();
    const key = (await db.template.findUniqueOrThrow({ where: { id: tpl.template.id }, select: { key: true } })).key;
    const other = { templateKey: "leader-movement-recovery", templateName: "Leader movement", scorecardId: "x", state: "draft", score: 0 };
    // weakest overall is not ready, but this template's current scorecard is ready for production test
    const a = await makeCluster({ name: "a-prod", outcome: "not_ready", score: 10 });
    await db.cluster.update({
      where: { id: a.id },
      data: {
        templateOutcomes: [
          { templateKey: key, templateName: "T", scorecardId: "s", state: "approved", outcome: "production_test", score: 100 },
          { ...other, outcome: "not_ready" },
        ],
      },
    });
    const b = await makeCluster({ name: "b-prod", outcome: "limited_workload", score: 60 });
    await db.cluster.update({ where: { id: b.id }, data: { templateOutcomes: [{ ...other, outcome: "limited_workload" }] } });

    await expect(
      createCampaign(
        editor,
        form({
          name: "x",
          targetOutcome: "production_test",
          templateKey: "no-such-template",
          dueDate: "2026-09-30",
          selectionMode: "pick",
          clusterIds: [a.id],
        }),
        now,
      ),
    ).rejects.toMatchObject({ fieldErrors: { templateKey: ["Choose an assessment from the list"] } });
    const { id } = await createCampaign(
      editor,
      form({
        name: "Broker failure ready",
        targetOutcome: "production_test",
        templateKey: key,
        dueDate: "2026-09-30",
        selectionMode: "pick",
        clusterIds: [a.id, b.id],
      }),
      now,
    );
    const campaign = (await getCampaign(editor, id, now))!;
    expect(campaign.templateKey).toBe(key);
    expect(campaign.done.map((c) => [c.name, c.outcome])).toEqual([["a-prod", "production_test"]]);
    // b is not assessed against the template: it counts as having no scorecard for it
    expect(campaign.short.map((c) => [c.name, c.outcome])).toEqual([["b-prod", null]]);
    const listed = (await listCampaigns(editor, now)).find((c) => c.id === id)!;
    expect(listed.progress).toEqual(campaign.progress);
    expect(listed.progress).toMatchObject({ total: 2, atTarget: 1 });
  });
});
