/**
 * Approvals with conditions against PostgreSQL, with an explicit clock: a condition counts
 * until its due day ends; then the approval reads as "changes requested", the portfolio sweep
 * records the lapse for good (state, audit, regression flag), and a new sign-off is needed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { createTestUser } from "@/test/support/users";
import { runPortfolioSweep } from "@/lib/portfolio/sweep";
import { markConditionMet } from "./mutations";
import { getScorecardReview, listReviewInbox } from "./queries";
import { changeItem, scorecardInReview, sign, slotOf } from "@/test/support/reviews";

const DAY = 86_400_000;
const dayString = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const daysLater = (days: number) => new Date(Date.now() + days * DAY);

async function approveWithCondition(offsetDays = 10) {
  const ctx = await scorecardInReview();
  await sign(ctx.sre, ctx.scorecardId, "sre");
  const result = await sign(ctx.security, ctx.scorecardId, "security", "approved_with_conditions", {
    comment: "Fine once the zone drill is done",
    conditions: [{ what: "Run a zone drill", owner: "payments-platform", dueDate: dayString(offsetDays) }],
  });
  const db = await getDb();
  const condition = await db.approvalCondition.findFirstOrThrow({ where: { approval: { id: result.approvalId } } });
  return { ...ctx, result, condition };
}

describe("approval conditions", () => {
  it("count until the due day ends; a lapse reads as changes requested and the sweep records it once", async () => {
    const { editor, security, scorecardId, clusterId, result, condition } = await approveWithCondition(10);
    expect(result.to).toBe("approved");
    expect(condition.dueDate.toISOString()).toBe(`${dayString(10)}T23:59:59.999Z`);

    const before = (await getScorecardReview(editor, scorecardId, daysLater(5)))!;
    expect(before.state).toBe("approved");
    expect(before.slots.find((s) => s.role === "security")).toMatchObject({
      status: "approved_with_conditions",
      current: { conditions: [{ what: "Run a zone drill", owner: "payments-platform", lapsed: false }] },
    });

    const later = daysLater(11);
    const read = (await getScorecardReview(editor, scorecardId, later))!;
    expect(read.state).toBe("changes_requested");
    const slot = read.slots.find((s) => s.role === "security")!;
    expect(slot.status).toBe("condition_lapsed");
    expect(slot.notice).toBe(
      `Condition lapsed: “Run a zone drill” (due ${dayString(10)}). The approval counts as changes requested until Security signs again.`,
    );
    expect((await listReviewInbox(security, {}, later)).awaiting.map((a) => a.slot.status)).toEqual(["condition_lapsed"]);
    await expect(markConditionMet(editor, { conditionId: condition.id }, later)).rejects.toThrow(/lapsed on .*has to sign again/);

    const db = await getDb();
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId } })).state).toBe("approved");
    const sweep = await runPortfolioSweep(later);
    expect(sweep.failed).toBe(0);
    const approval = await db.approval.findUniqueOrThrow({ where: { id: result.approvalId } });
    expect(approval.lapsedAt).toEqual(condition.dueDate);
    expect(approval.invalidatedAt).toBeNull();
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId } })).state).toBe("changes_requested");
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster.regressionReason).toContain("Approval condition lapsed: “Run a zone drill”");
    expect(cluster.pendingSignOffs).toBe(1);
    const lapses = await db.auditEvent.findMany({ where: { scorecardId, action: "lapse" } });
    expect(lapses).toHaveLength(1);
    expect(lapses[0]).toMatchObject({ actorId: null, actorLabel: "Drillbook", entityId: result.approvalId });

    await runPortfolioSweep(new Date(later.getTime() + 60_000));
    expect(await db.auditEvent.count({ where: { scorecardId, action: "lapse" } })).toBe(1);

    // the approver signs again: approved, with a second sign-off milestone
    expect((await sign(security, scorecardId, "security", "approved", { now: later })).to).toBe("approved");
    expect(await db.milestone.count({ where: { scorecardId, reason: "sign_off" } })).toBe(2);
  });

  it("never lapses once marked met, and only people who edit scorecards mark it", async () => {
    const { editor, scorecardId, condition } = await approveWithCondition(3);
    const viewer = await createTestUser("viewer");
    await expect(markConditionMet(viewer, { conditionId: condition.id })).rejects.toBeInstanceOf(ForbiddenError);
    await markConditionMet(editor, { conditionId: condition.id });
    await markConditionMet(editor, { conditionId: condition.id }); // twice is harmless
    const later = daysLater(20);
    expect((await slotOf(editor, scorecardId, "security")).current?.conditions[0].metAt).not.toBeNull();
    expect((await getScorecardReview(editor, scorecardId, later))!.state).toBe("approved");
    await runPortfolioSweep(later);
    const db = await getDb();
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: scorecardId } })).state).toBe("approved");
    expect(await db.auditEvent.count({ where: { scorecardId, action: "condition_met" } })).toBe(1);
  });

  it("records a lapse at the next sign-off even before the sweep ran", async () => {
    const { sre, scorecardId, result } = await approveWithCondition(1);
    const later = daysLater(3);
    expect((await sign(sre, scorecardId, "sre", "approved", { now: later })).to).toBe("changes_requested");
    const db = await getDb();
    expect((await db.approval.findUniqueOrThrow({ where: { id: result.approvalId } })).lapsedAt).not.toBeNull();
  });

  it("refuses a due day in the past, and conditions without what, owner or a valid day", async () => {
    const { security, scorecardId } = await scorecardInReview();
    await expect(
      sign(security, scorecardId, "security", "approved_with_conditions", { conditions: [{ what: "Zone drill", owner: "sre", dueDate: dayString(-1) }] }),
    ).rejects.toMatchObject({ fieldErrors: { "conditions.0.dueDate": ["The due date must be today or later"] } });
    await expect(
      sign(security, scorecardId, "security", "approved_with_conditions", { conditions: [{ what: "", owner: "", dueDate: "next week" }] }),
    ).rejects.toThrow(/Say what has to happen[\s\S]*Name who owns it[\s\S]*Due date must be a date like/);
    await expect(sign(security, scorecardId, "security", "approved_with_conditions", { conditions: [] })).rejects.toThrow(/Add at least one condition/);
    // due today is fine: it lasts until the day ends
    expect(
      (await sign(security, scorecardId, "security", "approved_with_conditions", { conditions: [{ what: "Zone drill", owner: "sre", dueDate: dayString(0) }] }))
        .to,
    ).toBe("in_review");
  });

  afterEach(() => {
    delete process.env.DRILLBOOK_WEBHOOK_URL;
    resetEnvForTests();
  });

  it("queues a “review needs action” message when a review is requested, changes are asked, sign-offs are voided and a condition lapses", async () => {
    process.env.DRILLBOOK_WEBHOOK_URL = "http://127.0.0.1:9/hook";
    resetEnvForTests();
    const { editor, sre, security, scorecardId } = await approveWithCondition(1);
    await sign(sre, scorecardId, "sre", "changes_requested", { comment: "Add the <rollback> owner" });
    await sign(sre, scorecardId, "sre");
    await changeItem(editor, scorecardId, "rollback", "pass");
    await sign(sre, scorecardId, "sre");
    await sign(security, scorecardId, "security", "approved_with_conditions", {
      conditions: [{ what: "Budget alert", owner: "finops", dueDate: dayString(1) }],
    });
    await runPortfolioSweep(daysLater(3));
    const db = await getDb();
    const texts = (await db.webhookDelivery.findMany({ where: { event: "review.needs_action" }, orderBy: { createdAt: "asc" } })).map(
      (d) => (d.payload as { text: string }).text,
    );
    expect(texts).toEqual([
      expect.stringMatching(/Readiness of broker-failure-recovery on .* needs your sign-off \(SRE, Security, FinOps\)$/),
      expect.stringMatching(/has changes requested \(SRE\)$/),
      expect.stringMatching(/lost a sign-off and needs it again \(SRE, Security\)$/),
      expect.stringMatching(/has an approval condition past its due date \(Security\)$/),
    ]);
  });
});
