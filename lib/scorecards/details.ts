/**
 * Editing a scorecard's own facts after it was started: title, subject, owner and due date.
 * None of them is part of the hashed content (lib/readiness/content-hash.ts), so an edit is
 * not a content change: the version stays and sign-offs keep counting. The subject is what
 * reviewers signed off, so it changes only while the scorecard is a draft.
 */
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, NotFoundError } from "@/lib/errors";
import { lockClusterOf } from "@/lib/write/locks";
import { writeTransaction } from "@/lib/write/transaction";
import { assertWrite, refusePastDueDate, requireEligibleOwner } from "./mutations";
import type { ScorecardDetailsInput } from "./schema";

type Details = { title: string; subject: "current" | "candidate"; candidatePlatform: string | null; ownerId: string | null; dueDate: Date | null };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The fields whose value differs, as audit-friendly values (dates as days). */
function changedFields(before: Details, after: Details): (keyof Details)[] {
  return (Object.keys(after) as (keyof Details)[]).filter((key) => {
    const a = before[key];
    const b = after[key];
    return a instanceof Date || b instanceof Date ? day(a as Date | null) !== day(b as Date | null) : a !== b;
  });
}

export async function updateScorecardDetails(user: CurrentUser, input: ScorecardDetailsInput, now = new Date()): Promise<{ id: string; changed: string[] }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const clusterId = await lockClusterOf(tx, { scorecardId: input.id }, "This scorecard no longer exists.");
    const row = await tx.scorecard.findUnique({
      where: { id: input.id },
      select: { title: true, subject: true, candidatePlatform: true, ownerId: true, dueDate: true, state: true, owner: { select: { name: true } } },
    });
    if (!row) throw new NotFoundError("This scorecard no longer exists.");
    const before: Details = { title: row.title, subject: row.subject, candidatePlatform: row.candidatePlatform, ownerId: row.ownerId, dueDate: row.dueDate };
    const after: Details = {
      title: input.title,
      subject: input.subject,
      candidatePlatform: input.subject === "candidate" ? input.candidatePlatform : null,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
    };
    const changed = changedFields(before, after);
    if (changed.length === 0) return { id: input.id, changed };
    if ((changed.includes("subject") || changed.includes("candidatePlatform")) && row.state !== "draft") {
      throw new DomainError("Please correct the highlighted fields.", {
        subject: ["The subject can change only while the scorecard is a draft: reviewers signed off what it assesses. Start a new scorecard instead."],
      });
    }
    if (changed.includes("dueDate")) refusePastDueDate(after.dueDate, now);
    const owner = changed.includes("ownerId") ? await requireEligibleOwner(tx, input.ownerId) : null;
    await tx.scorecard.update({ where: { id: input.id }, data: after });
    const pick = (d: Details, ownerName: string | null | undefined) =>
      Object.fromEntries(changed.map((k) => [k, k === "dueDate" ? day(d.dueDate) : k === "ownerId" ? { id: d.ownerId, name: ownerName ?? null } : d[k]]));
    await recordAudit(tx, {
      actor: user,
      action: "update",
      entityType: "scorecard",
      entityId: input.id,
      clusterId,
      scorecardId: input.id,
      before: pick(before, row.owner?.name),
      after: pick(after, owner?.name),
    });
    return { id: input.id, changed };
  });
}
