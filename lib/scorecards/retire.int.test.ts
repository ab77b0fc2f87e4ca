/** Deleting and archiving a scorecard: the current scorecard falls back to the previous one of its template, audited, never a regression. */
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { requestReview } from "@/lib/reviews/mutations";
import { requestReviewSchema } from "@/lib/reviews/schema";
import { createTestUser } from "@/test/support/users";
import { changeItem } from "@/test/support/reviews";
import { createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { countArchivedScorecards, listScorecards } from "./queries";
import { deleteScorecard, setScorecardArchived } from "./retire";

beforeEach(async () => {
  await installTemplates();
});

const current = async (clusterId: string) =>
  (await (await getDb()).scorecard.findMany({ where: { clusterId, isCurrent: true }, select: { id: true } })).map((s) => s.id);

describe("deleting a scorecard", () => {
  it("falls back to the previous scorecard of the template when the current one goes, audited, without a regression", async () => {
    const editor = await createTestUser("editor");
    const cluster = await createTestCluster(editor);
    const older = await startScorecard(editor, cluster.id);
    await changeItem(editor, older.id, "failure-drill", "in_progress");
    const newer = await startScorecard(editor, cluster.id);
    await changeItem(editor, newer.id, "failure-drill", "in_progress");
    expect(await current(cluster.id)).toEqual([newer.id]);

    expect(await deleteScorecard(editor, newer.id)).toEqual({ clusterId: cluster.id, fallbackId: older.id });
    expect(await current(cluster.id)).toEqual([older.id]);
    const db = await getDb();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "scorecard", entityId: newer.id, action: "delete" } });
    expect(audit.before).toMatchObject({ state: "draft", wasCurrent: true, template: { key: "broker-failure-recovery" } });
    expect(audit.after).toMatchObject({ currentScorecard: { id: older.id }, template: "broker-failure-recovery" });
    expect(await db.cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: { regressedAt: true } })).toEqual({ regressedAt: null });
  });

  it("keeps a reviewed scorecard current when a newer draft is deleted, and refuses to delete anything reviewed", async () => {
    const editor = await createTestUser("editor");
    const approver = await createTestUser("approver");
    const cluster = await createTestCluster(editor);
    const reviewed = await startScorecard(editor, cluster.id);
    await requestReview(editor, requestReviewSchema.parse({ scorecardId: reviewed.id, slots: [{ role: "sre", required: true, signerIds: [approver.id] }] }));
    const draft = await startScorecard(editor, cluster.id);
    expect(await current(cluster.id)).toEqual([reviewed.id]);

    expect(await deleteScorecard(editor, draft.id)).toEqual({ clusterId: cluster.id, fallbackId: null });
    expect(await current(cluster.id)).toEqual([reviewed.id]);
    const error = await deleteScorecard(editor, reviewed.id).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toMatch(/Only a draft nobody has signed can be deleted/);
    expect(await current(cluster.id)).toEqual([reviewed.id]);
    await expect(deleteScorecard(await createTestUser("viewer"), reviewed.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("archiving a scorecard", () => {
  it("takes a reviewed current scorecard out of readiness, falls back, hides it from lists, audited, and restores it", async () => {
    const editor = await createTestUser("editor");
    const approver = await createTestUser("approver");
    const cluster = await createTestCluster(editor);
    const older = await startScorecard(editor, cluster.id);
    await requestReview(editor, requestReviewSchema.parse({ scorecardId: older.id, slots: [{ role: "sre", required: true, signerIds: [approver.id] }] }));
    const newer = await startScorecard(editor, cluster.id);
    await requestReview(editor, requestReviewSchema.parse({ scorecardId: newer.id, slots: [{ role: "sre", required: true, signerIds: [approver.id] }] }));
    expect(await current(cluster.id)).toEqual([newer.id]);

    expect(await setScorecardArchived(editor, newer.id, true)).toEqual({ clusterId: cluster.id, changed: true, currentId: older.id });
    expect(await current(cluster.id)).toEqual([older.id]);
    expect((await listScorecards(editor, { clusterId: cluster.id })).map((r) => r.id)).toEqual([older.id]);
    expect((await listScorecards(editor, { clusterId: cluster.id, archived: true })).map((r) => r.id)).toEqual([newer.id]);
    expect(await countArchivedScorecards(editor, cluster.id)).toBe(1);
    const db = await getDb();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "scorecard", entityId: newer.id, action: "archive" } });
    expect(audit.after).toMatchObject({ archived: true, currentScorecard: { id: older.id } });
    expect(await db.cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: { regressedAt: true } })).toEqual({ regressedAt: null });
    // archiving twice changes nothing
    expect((await setScorecardArchived(editor, newer.id, true)).changed).toBe(false);

    expect(await setScorecardArchived(editor, newer.id, false)).toEqual({ clusterId: cluster.id, changed: true, currentId: newer.id });
    expect(await current(cluster.id)).toEqual([newer.id]);
    expect(await db.auditEvent.count({ where: { entityType: "scorecard", entityId: newer.id, action: "restore" } })).toBe(1);
    await expect(setScorecardArchived(await createTestUser("viewer"), newer.id, true)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
