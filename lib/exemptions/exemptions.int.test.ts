import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { itemSaveSchema } from "@/lib/scorecards/schema";
import { saveScorecardItem } from "@/lib/scorecards/mutations";
import { decideExemptionSchema, requestExemptionSchema } from "./schema";
import { decideExemption, requestExemption } from "./mutations";
import { listPendingExemptions } from "./queries";

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

async function setUp() {
  await installTemplates();
  const editor = await createTestUser("editor", "Erin Editor");
  const approver = await createTestUser("approver", "Ada Approver");
  const cluster = await createTestCluster(editor);
  const { id } = await startScorecard(editor, cluster.id);
  const { item } = await loadPage(editor, id);
  // everything passes except the rollback, which is what the exemption is about
  for (const key of ["failure-drill"]) {
    await saveScorecardItem(editor, itemSaveSchema.parse({ itemId: item(key).id, version: 1, status: "pass" }));
  }
  return { editor, approver, cluster, scorecardId: id, rollback: item("rollback") };
}

describe("exemptions", () => {
  it("waives an item while granted and unexpired, and puts it back in play when it expires", async () => {
    const { editor, approver, cluster, scorecardId, rollback } = await setUp();
    const request = requestExemptionSchema.parse({
      itemId: rollback.id,
      justification: "Rollback is rehearsed by the vendor",
      approverId: approver.id,
      expiresOn: inDays(30),
    });
    const { id } = await requestExemption(editor, request);
    expect((await loadPage(editor, scorecardId)).page.outcome.outcome).toBe("not_ready");
    expect(await listPendingExemptions(approver)).toMatchObject([{ id, itemTitle: "Rollback", requestedBy: "Erin Editor" }]);
    expect(await listPendingExemptions(editor)).toEqual([]);

    await decideExemption(approver, decideExemptionSchema.parse({ exemptionId: id, decision: "granted", comment: "Until the vendor drill" }));
    const { page, item } = await loadPage(editor, scorecardId);
    expect(page.outcome.outcome).toBe("limited_workload");
    expect(item("rollback").outcome).toMatchObject({ exempted: true, effectiveStatus: "not_applicable" });
    expect(item("rollback").exemptions[0]).toMatchObject({ status: "granted", active: true, expired: false, approver: { name: "Ada Approver" } });
    const db = await getDb();
    expect(await db.cluster.findUnique({ where: { id: cluster.id }, select: { outcome: true } })).toEqual({ outcome: "limited_workload" });

    // 31 days later it has expired: the item is in play again, without any write
    const later = new Date(Date.now() + 31 * DAY);
    const expired = await loadPage(editor, scorecardId, later);
    expect(expired.page.outcome.outcome).toBe("not_ready");
    expect(expired.item("rollback").exemptions[0]).toMatchObject({ expired: true, active: false });
    expect(expired.page.outcome.reasons.map((r) => r.text)).toContainEqual(
      expect.stringMatching(/^Rollback is blocking and not passed yet \(not started\) \(its exemption expired on \d{4}-\d{2}-\d{2}\)$/),
    );
  });

  it("only lets the named approver or an admin decide, never the requester, and only once", async () => {
    const { editor, approver, rollback } = await setUp();
    const other = await createTestUser("approver", "Otto Other");
    const admin = await createTestUser("admin");
    const { id } = await requestExemption(
      editor,
      requestExemptionSchema.parse({ itemId: rollback.id, justification: "Vendor rehearses it", approverId: approver.id, expiresOn: inDays(10) }),
    );
    const deny = decideExemptionSchema.parse({ exemptionId: id, decision: "denied", comment: "Rehearse it yourselves" });
    await expect(decideExemption(editor, deny)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideExemption(other, deny)).rejects.toThrow("Only the named approver");
    await decideExemption(admin, deny);
    await expect(decideExemption(approver, { ...deny, decision: "granted" })).rejects.toBeInstanceOf(ConflictError);

    // an approver who asks cannot decide their own request, even when named
    await expect(
      requestExemption(approver, requestExemptionSchema.parse({ itemId: rollback.id, justification: "x", approverId: approver.id, expiresOn: inDays(3) })),
    ).rejects.toMatchObject({ fieldErrors: { approverId: ["You cannot approve your own request; choose someone else"] } });
  });

  it("refuses a past expiry, a non-approver, and a second open request", async () => {
    const { editor, approver, rollback } = await setUp();
    const base = { itemId: rollback.id, justification: "Reason", approverId: approver.id };
    await expect(requestExemption(editor, requestExemptionSchema.parse({ ...base, expiresOn: inDays(-1) }))).rejects.toMatchObject({
      fieldErrors: { expiresOn: ["The expiry date must be in the future"] },
    });
    const viewer = await createTestUser("viewer");
    await expect(requestExemption(editor, requestExemptionSchema.parse({ ...base, approverId: viewer.id, expiresOn: inDays(5) }))).rejects.toMatchObject({
      fieldErrors: { approverId: ["Choose an approver or admin"] },
    });
    await requestExemption(editor, requestExemptionSchema.parse({ ...base, expiresOn: inDays(5) }));
    await expect(requestExemption(editor, requestExemptionSchema.parse({ ...base, expiresOn: inDays(5) }))).rejects.toBeInstanceOf(DomainError);
    expect(await (await getDb()).exemption.count()).toBe(1);
    expect(requestExemptionSchema.safeParse({ ...base, justification: "  ", expiresOn: inDays(5) }).error?.issues[0].message).toBe(
      "Explain why this item can be waived",
    );
  });
});
