/**
 * The design review against PostgreSQL: request, concurrent sign-offs, approval with a
 * milestone, invalidation by a content change and re-approval, the content hash, requests
 * for changes, and refusals (unassigned signer, owner approving their own, stale version).
 */
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { addComment } from "@/lib/scorecards/mutations";
import { commentSchema } from "@/lib/scorecards/schema";
import { requestReview } from "./mutations";
import { getScorecardReview, listReviewInbox } from "./queries";
import { requestReviewSchema } from "./schema";
import { currentContent } from "./workflow";
import { changeItem, scorecardInReview, sign, slotOf } from "@/test/support/reviews";

afterEach(() => {
  delete process.env.DRILLBOOK_ALLOW_SELF_APPROVAL;
  resetEnvForTests();
});

async function scorecardRow(id: string) {
  const db = await getDb();
  return db.scorecard.findUniqueOrThrow({
    where: { id },
    select: { state: true, version: true, cluster: { select: { pendingSignOffs: true, regressionReason: true } } },
  });
}

async function contentHash(id: string) {
  const db = await getDb();
  return db.$transaction((tx) => currentContent(tx, id));
}

describe("design review", () => {
  it("moves a draft to in review with the chosen roles and people, audited", async () => {
    const { editor, sre, scorecardId } = await scorecardInReview();
    const row = await scorecardRow(scorecardId);
    expect(row.state).toBe("in_review");
    expect(row.cluster.pendingSignOffs).toBe(2);
    const review = (await getScorecardReview(editor, scorecardId))!;
    expect(review.slots.map((s) => [s.label, s.required, s.signers.map((p) => p.name), s.status])).toEqual([
      ["SRE", true, ["Sam SRE"], "awaiting"],
      ["Security", true, ["Sue Security"], "awaiting"],
      ["FinOps", false, ["Fin Ops"], "awaiting"],
    ]);
    const inbox = await listReviewInbox(sre);
    expect(inbox.awaiting.map((a) => a.slot.label)).toEqual(["SRE"]);
    expect((await listReviewInbox(editor)).requested).toMatchObject([{ scorecardId, requiredCount: 2, approvedCount: 0 }]);
    const db = await getDb();
    const events = await db.auditEvent.findMany({ where: { scorecardId, action: { in: ["request_review", "review_state"] } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["request_review", editor.id],
      ["review_state", editor.id],
    ]);
  });

  it("approves once both required roles signed concurrently, with exactly one sign-off milestone", async () => {
    const { sre, security, scorecardId } = await scorecardInReview();
    const results = await Promise.all([sign(sre, scorecardId, "sre"), sign(security, scorecardId, "security")]);
    expect(results.map((r) => r.to).sort()).toEqual(["approved", "in_review"]);
    const row = await scorecardRow(scorecardId);
    expect(row.state).toBe("approved");
    expect(row.cluster.pendingSignOffs).toBe(0);
    const db = await getDb();
    const milestones = await db.milestone.findMany({ where: { scorecardId } });
    expect(milestones).toHaveLength(1);
    expect(milestones[0]).toMatchObject({ reason: "sign_off", scorecardVersion: row.version, name: `Approved at version ${row.version}` });
    // both decisions are bound to the same version and content hash
    const approvals = await db.approval.findMany({ where: { scorecardId } });
    const { contentHash: hash } = await contentHash(scorecardId);
    expect(approvals.map((a) => [a.scorecardVersion, a.contentHash])).toEqual([
      [row.version, hash],
      [row.version, hash],
    ]);
  });

  it("invalidates both sign-offs when an item changes, shows it, and re-approval approves again with a second milestone", async () => {
    const { editor, sre, security, scorecardId } = await scorecardInReview();
    await sign(sre, scorecardId, "sre");
    await sign(security, scorecardId, "security");
    const approvedAt = (await scorecardRow(scorecardId)).version;

    await changeItem(editor, scorecardId, "failure-drill", "in_progress");
    await changeItem(editor, scorecardId, "failure-drill", "pass");
    const row = await scorecardRow(scorecardId);
    expect(row.version).toBe(approvedAt + 2);
    expect(row.state).toBe("in_review");
    expect(row.cluster.pendingSignOffs).toBe(2);
    expect(row.cluster.regressionReason).toContain(`Sign-off invalidated: SRE sign-off (content changed (v${approvedAt} → v${approvedAt + 1}))`);

    const review = (await getScorecardReview(editor, scorecardId))!;
    expect(review.state).toBe("in_review");
    for (const role of ["sre", "security"]) {
      const slot = review.slots.find((s) => s.role === role)!;
      expect(slot.status).toBe("reapproval_needed");
      expect(slot.notice).toBe(`Approved v${approvedAt}, now v${approvedAt + 2}: re-approval needed`);
      expect(slot.history[0]).toMatchObject({ standing: "invalidated", invalidReason: `content changed (v${approvedAt} → v${approvedAt + 1})` });
    }
    const db = await getDb();
    const invalidations = await db.auditEvent.findMany({ where: { scorecardId, action: "invalidate" } });
    expect(invalidations.map((e) => e.actorId)).toEqual([editor.id, editor.id]);

    await sign(sre, scorecardId, "sre");
    expect((await sign(security, scorecardId, "security")).to).toBe("approved");
    expect(await db.milestone.count({ where: { scorecardId, reason: "sign_off" } })).toBe(2);
    expect((await scorecardRow(scorecardId)).cluster.regressionReason).toBeNull();
  });

  it("binds sign-offs to a content hash that changes with content but not with comments", async () => {
    const { editor, scorecardId } = await scorecardInReview();
    const before = await contentHash(scorecardId);
    const { item } = await loadPage(editor, scorecardId);
    await addComment(editor, commentSchema.parse({ itemId: item("failure-drill").id, body: "Looks good to me" }));
    expect(await contentHash(scorecardId)).toEqual(before);
    await changeItem(editor, scorecardId, "failure-drill", "partial");
    const after = await contentHash(scorecardId);
    expect(after.version).toBe(before.version + 1);
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("turns to changes requested on a request for changes, and back to in review once the author changes the content", async () => {
    const { editor, sre, security, scorecardId } = await scorecardInReview();
    await sign(sre, scorecardId, "sre");
    // the schema asks for a comment with a request for changes
    await expect(sign(security, scorecardId, "security", "changes_requested")).rejects.toThrow(/Say what needs to change/);
    expect((await sign(security, scorecardId, "security", "changes_requested", { comment: "Add the IAM policy review" })).to).toBe("changes_requested");
    expect((await scorecardRow(scorecardId)).state).toBe("changes_requested");
    await changeItem(editor, scorecardId, "storage-path", "pass");
    expect((await scorecardRow(scorecardId)).state).toBe("in_review");
    expect((await slotOf(editor, scorecardId, "security")).status).toBe("awaiting");
    expect((await slotOf(editor, scorecardId, "sre")).status).toBe("reapproval_needed");
  });

  it("lets a signer replace their decision; the replaced one stays as history", async () => {
    const { sre, security, scorecardId } = await scorecardInReview();
    await sign(security, scorecardId, "security");
    await sign(sre, scorecardId, "sre", "changes_requested", { comment: "Missing zone drill" });
    expect((await sign(sre, scorecardId, "sre")).to).toBe("approved");
    const slot = await slotOf(sre, scorecardId, "sre");
    expect(slot.history.map((d) => [d.decision, d.standing])).toEqual([
      ["approved", "current"],
      ["changes_requested", "replaced"],
    ]);
  });

  it("refuses a signer who is not assigned to the role, even an admin, and writes nothing", async () => {
    const { admin, sre, security, finops, scorecardId } = await scorecardInReview();
    const outsider = await createTestUser("approver", "Otto Outsider");
    const db = await getDb();
    const before = { approvals: await db.approval.count(), audit: await db.auditEvent.count() };
    for (const [user, role] of [
      [outsider, "sre"],
      [admin, "security"],
      [security, "sre"],
      [finops, "sre"],
      [sre, "finops"],
    ] as const) {
      await expect(sign(user, scorecardId, role)).rejects.toThrow(/not assigned to sign/);
    }
    expect({ approvals: await db.approval.count(), audit: await db.auditEvent.count() }).toEqual(before);
    const editor = await createTestUser("editor");
    await expect(sign(editor, scorecardId, "sre")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a decision on a version that changed while the signer was reviewing", async () => {
    const { editor, sre, scorecardId } = await scorecardInReview();
    const seen = (await getScorecardReview(sre, scorecardId))!.version;
    await changeItem(editor, scorecardId, "rollback", "pass");
    await expect(sign(sre, scorecardId, "sre", "approved", { version: seen })).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps an owner from approving their own scorecard unless DRILLBOOK_ALLOW_SELF_APPROVAL is set", async () => {
    await installTemplates();
    const admin = await createTestUser("admin");
    const owner = await createTestUser("approver", "Olga Owner");
    const other = await createTestUser("approver", "Pat Peer");
    const cluster = await createTestCluster(admin);
    const { id } = await startScorecard(owner, cluster.id);
    const request = (signerIds: string[]) =>
      requestReview(owner, requestReviewSchema.parse({ scorecardId: id, slots: [{ role: "sre", required: true, signerIds }] }));
    await expect(request([owner.id, other.id])).rejects.toMatchObject({
      fieldErrors: { "slots.0.signerIds": ["The scorecard's owner cannot approve it; choose someone else"] },
    });

    process.env.DRILLBOOK_ALLOW_SELF_APPROVAL = "true";
    resetEnvForTests();
    await request([owner.id, other.id]);
    delete process.env.DRILLBOOK_ALLOW_SELF_APPROVAL;
    resetEnvForTests();
    await expect(sign(owner, id, "sre")).rejects.toThrow(/You own this scorecard, so you cannot approve it yourself/);
    await expect(sign(owner, id, "sre", "approved_with_conditions", { conditions: [{ what: "x", owner: "y", dueDate: "2099-01-01" }] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await sign(owner, id, "sre", "changes_requested", { comment: "I found a gap myself" })).to).toBe("changes_requested");

    process.env.DRILLBOOK_ALLOW_SELF_APPROVAL = "1";
    resetEnvForTests();
    expect((await sign(owner, id, "sre")).to).toBe("approved");
  });

  it("changes reviewers without losing decisions, and refuses to drop a role that has decisions", async () => {
    const { editor, sre, security, finops, scorecardId } = await scorecardInReview();
    await sign(sre, scorecardId, "sre");
    const change = (slots: unknown[]) => requestReview(editor, requestReviewSchema.parse({ scorecardId, slots }));
    await expect(change([{ role: "security", required: true, signerIds: [security.id] }])).rejects.toMatchObject({
      fieldErrors: { slots: [expect.stringContaining("SRE already has decisions")] },
    });
    const result = await change([
      { role: "sre", required: true, signerIds: [sre.id] },
      { role: "security", required: false, signerIds: [security.id, finops.id] },
      { role: "Data protection", required: false, signerIds: [finops.id] },
    ]);
    // SRE's approval still counts, and it is now the only required role
    expect(result.state).toBe("approved");
    const review = (await getScorecardReview(editor, scorecardId))!;
    expect(review.slots.map((s) => [s.label, s.required, s.status])).toEqual([
      ["SRE", true, "approved"],
      ["Security", false, "awaiting"],
      ["Data protection", false, "awaiting"],
    ]);
  });

  it("refuses reviewers who cannot sign, and viewers and people of no role", async () => {
    const { editor, scorecardId } = await scorecardInReview();
    const viewerSigner = await createTestUser("editor");
    await expect(
      requestReview(editor, requestReviewSchema.parse({ scorecardId, slots: [{ role: "sre", required: true, signerIds: [viewerSigner.id] }] })),
    ).rejects.toMatchObject({ fieldErrors: { "slots.0.signerIds": ["Only approvers and admins can sign off; choose from the list"] } });
    const viewer = await createTestUser("viewer");
    const none = await createTestUser("none");
    const input = requestReviewSchema.parse({ scorecardId, slots: [{ role: "sre", required: true, signerIds: [viewer.id] }] });
    await expect(requestReview(viewer, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getScorecardReview(none, scorecardId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listReviewInbox(none)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getScorecardReview(viewer, scorecardId))!.slots).toHaveLength(3);
  });
});
