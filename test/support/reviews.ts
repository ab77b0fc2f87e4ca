/** Integration-test helpers of the design review: a scorecard under review and terse sign-offs. */
import type { CurrentUser } from "@/lib/auth/session";
import { createTestCluster, installTemplates, loadPage, startScorecard } from "@/test/support/scorecards";
import { createTestUser } from "@/test/support/users";
import { itemSaveSchema } from "@/lib/scorecards/schema";
import { saveScorecardItem } from "@/lib/scorecards/mutations";
import { requestReview, signOff } from "@/lib/reviews/mutations";
import { getScorecardReview } from "@/lib/reviews/queries";
import { requestReviewSchema, signOffSchema } from "@/lib/reviews/schema";

/** An editor-owned scorecard with SRE (sre1) and Security (sec1) as required roles and FinOps optional. */
export async function scorecardInReview() {
  await installTemplates();
  const admin = await createTestUser("admin", "Ada Admin");
  const editor = await createTestUser("editor", "Eve Editor");
  const sre = await createTestUser("approver", "Sam SRE");
  const security = await createTestUser("approver", "Sue Security");
  const finops = await createTestUser("approver", "Fin Ops");
  const cluster = await createTestCluster(admin);
  const { id } = await startScorecard(editor, cluster.id);
  await requestReview(
    editor,
    requestReviewSchema.parse({
      scorecardId: id,
      slots: [
        { role: "sre", required: true, signerIds: [sre.id] },
        { role: "security", required: true, signerIds: [security.id] },
        { role: "finops", required: false, signerIds: [finops.id] },
      ],
    }),
  );
  return { admin, editor, sre, security, finops, clusterId: cluster.id, scorecardId: id };
}

export async function slotOf(user: CurrentUser, scorecardId: string, role: string) {
  const review = (await getScorecardReview(user, scorecardId))!;
  return review.slots.find((s) => s.role === role)!;
}

/** Signs `role` as `user` on the version the review shows now. */
export async function sign(
  user: CurrentUser,
  scorecardId: string,
  role: string,
  decision: "approved" | "approved_with_conditions" | "changes_requested" = "approved",
  extra: { comment?: string; conditions?: { what: string; owner: string; dueDate: string }[]; version?: number; now?: Date } = {},
) {
  const review = (await getScorecardReview(user, scorecardId))!;
  const slot = review.slots.find((s) => s.role === role)!;
  const input = signOffSchema.parse({
    slotId: slot.id,
    version: extra.version ?? review.version,
    decision,
    comment: extra.comment ?? "",
    conditions: extra.conditions ?? [],
  });
  return signOff(user, input, extra.now);
}

/** Changes one item's status (a content change: the version goes up). */
export async function changeItem(user: CurrentUser, scorecardId: string, key: string, status: string) {
  const { item } = await loadPage(user, scorecardId);
  const it = item(key);
  return saveScorecardItem(
    user,
    itemSaveSchema.parse({ itemId: it.id, version: it.version, status, notes: it.notes, justification: "", ownerRole: it.ownerRole ?? "" }),
  );
}
