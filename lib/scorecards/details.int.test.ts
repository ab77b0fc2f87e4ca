/** Editing a scorecard's details: audited, never a content change, the subject only while a draft. */
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { requestReview } from "@/lib/reviews/mutations";
import { requestReviewSchema } from "@/lib/reviews/schema";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, startScorecard } from "@/test/support/scorecards";
import { updateScorecardDetails } from "./details";
import { scorecardDetailsSchema } from "./schema";

beforeEach(async () => {
  await installTemplates();
});

const details = (id: string, fields: Record<string, string>) =>
  scorecardDetailsSchema.parse({ id, title: "Readiness of broker-failure-recovery", subject: "current", dueDate: "", ...fields });

describe("editing a scorecard's details", () => {
  it("changes title, owner and due date without a new version, audited with only what changed", async () => {
    const editor = await createTestUser("editor");
    const other = await createTestUser("approver");
    const cluster = await createTestCluster(editor);
    const scorecard = await startScorecard(editor, cluster.id);
    const db = await getDb();
    const before = await db.scorecard.findUniqueOrThrow({ where: { id: scorecard.id }, select: { version: true, contentHash: true } });

    const saved = await updateScorecardDetails(
      editor,
      details(scorecard.id, { title: "Broker failure, Q1", ownerId: other.id, dueDate: "2026-12-20" }),
      new Date("2026-12-01T10:00:00Z"),
    );
    expect(saved.changed).toEqual(["title", "ownerId", "dueDate"]);
    const row = await db.scorecard.findUniqueOrThrow({
      where: { id: scorecard.id },
      select: { title: true, ownerId: true, dueDate: true, version: true, contentHash: true },
    });
    expect(row).toMatchObject({ title: "Broker failure, Q1", ownerId: other.id, version: before.version, contentHash: before.contentHash });
    expect(row.dueDate?.toISOString()).toBe("2026-12-20T00:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "scorecard", entityId: scorecard.id, action: "update" } });
    expect(audit.before).toEqual({ title: "Readiness of broker-failure-recovery", ownerId: { id: editor.id, name: editor.name }, dueDate: null });
    expect(audit.after).toEqual({ title: "Broker failure, Q1", ownerId: { id: other.id, name: other.name }, dueDate: "2026-12-20" });

    // saving the same values again writes nothing
    const again = await updateScorecardDetails(editor, details(scorecard.id, { title: "Broker failure, Q1", ownerId: other.id, dueDate: "2026-12-20" }));
    expect(again.changed).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityType: "scorecard", entityId: scorecard.id, action: "update" } })).toBe(1);
  });

  it("refuses a past due date, an owner who cannot edit, a subject change after review, and a viewer, writing nothing", async () => {
    const editor = await createTestUser("editor");
    const approver = await createTestUser("approver");
    const viewer = await createTestUser("viewer");
    const cluster = await createTestCluster(editor);
    const scorecard = await startScorecard(editor, cluster.id);
    const refused = async (p: Promise<unknown>): Promise<DomainError> => {
      try {
        await p;
      } catch (error) {
        return error as DomainError;
      }
      throw new Error("expected the edit to be refused");
    };

    const past = await refused(updateScorecardDetails(editor, details(scorecard.id, { ownerId: editor.id, dueDate: "2026-01-01" }), new Date("2026-12-01")));
    expect(past).toBeInstanceOf(DomainError);
    expect(past.fieldErrors.dueDate).toEqual(["The due date is in the past; pick today or a later day"]);
    const notEditor = await refused(updateScorecardDetails(editor, details(scorecard.id, { ownerId: viewer.id })));
    expect(notEditor.fieldErrors.ownerId).toEqual(["The owner must be someone who can edit scorecards"]);
    await expect(updateScorecardDetails(viewer, details(scorecard.id, { ownerId: editor.id }))).rejects.toBeInstanceOf(ForbiddenError);

    // a draft may change its subject
    await updateScorecardDetails(editor, details(scorecard.id, { ownerId: editor.id, subject: "candidate", candidatePlatform: "AutoMQ 1.4" }));
    await requestReview(editor, requestReviewSchema.parse({ scorecardId: scorecard.id, slots: [{ role: "sre", required: true, signerIds: [approver.id] }] }));
    const locked = await refused(updateScorecardDetails(editor, details(scorecard.id, { ownerId: editor.id, subject: "current" })));
    expect(locked.fieldErrors.subject?.[0]).toMatch(/only while the scorecard is a draft/);
    // the title still can change while in review
    expect(
      (
        await updateScorecardDetails(
          editor,
          details(scorecard.id, { ownerId: editor.id, subject: "candidate", candidatePlatform: "AutoMQ 1.4", title: "Renamed" }),
        )
      ).changed,
    ).toEqual(["title"]);
    const db = await getDb();
    const row = await db.scorecard.findUniqueOrThrow({
      where: { id: scorecard.id },
      select: { subject: true, candidatePlatform: true, dueDate: true, state: true },
    });
    expect(row).toEqual({ subject: "candidate", candidatePlatform: "AutoMQ 1.4", dueDate: null, state: "in_review" });
  });
});
