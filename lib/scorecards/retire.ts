/**
 * Taking a scorecard out of service: delete (only a draft nobody signed and no milestone
 * recorded; anything reviewed is history that reports and sign-offs point at) or archive
 * (any scorecard: hidden from lists, kept with its reviews for history and reports, never a
 * current scorecard), and restore from the archive.
 *
 * When the scorecard was its template's current one, the readiness pipeline picks the
 * previous one of that template (the current-scorecard rule), and the audit event names that
 * fallback. Neither ever flags a regression (templateOutcomeDrops ignores scorecards that no
 * longer exist or are archived).
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, NotFoundError } from "@/lib/errors";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { lockClusterOf } from "@/lib/write/locks";
import { writeTransaction } from "@/lib/write/transaction";
import { assertWrite } from "./mutations";

type Tx = Prisma.TransactionClient;

const retireSelect = {
  id: true,
  title: true,
  clusterId: true,
  state: true,
  version: true,
  isCurrent: true,
  archivedAt: true,
  template: { select: { key: true, name: true, version: true } },
  _count: { select: { approvals: true, milestones: true } },
} as const;

async function loadLocked(tx: Tx, id: string, missing: string) {
  await lockClusterOf(tx, { scorecardId: id }, missing);
  const scorecard = await tx.scorecard.findUnique({ where: { id }, select: retireSelect });
  if (!scorecard) throw new NotFoundError(missing);
  return scorecard;
}

/** After the change: the current scorecard of the same template, as the audit event names it. */
async function currentOfTemplate(tx: Tx, clusterId: string, templateKey: string) {
  const current = await tx.scorecard.findFirst({
    where: { clusterId, isCurrent: true, template: { key: templateKey } },
    select: { id: true, title: true, version: true },
  });
  return current ? { id: current.id, title: current.title, version: current.version } : null;
}

export async function deleteScorecard(user: CurrentUser, id: string): Promise<{ clusterId: string; fallbackId: string | null }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const scorecard = await loadLocked(tx, id, "This scorecard was already deleted.");
    if (scorecard.state !== "draft" || scorecard._count.approvals > 0 || scorecard._count.milestones > 0) {
      throw new DomainError(
        "Only a draft nobody has signed can be deleted: this scorecard's reviews and milestones are history that stays. Archive it instead.",
      );
    }
    await tx.scorecard.delete({ where: { id } });
    await afterClusterChange(tx, scorecard.clusterId);
    const fallback = scorecard.isCurrent ? await currentOfTemplate(tx, scorecard.clusterId, scorecard.template.key) : null;
    await recordAudit(tx, {
      actor: user,
      action: "delete",
      entityType: "scorecard",
      entityId: id,
      clusterId: scorecard.clusterId,
      scorecardId: id,
      before: { title: scorecard.title, state: scorecard.state, version: scorecard.version, template: scorecard.template, wasCurrent: scorecard.isCurrent },
      after: scorecard.isCurrent ? { currentScorecard: fallback, template: scorecard.template.key } : null,
    });
    return { clusterId: scorecard.clusterId, fallbackId: fallback?.id ?? null };
  });
}

/**
 * Archives (`archive` true) or restores a scorecard. Restoring makes it a candidate for its
 * template's current scorecard again, by the usual rule (so a restored older scorecard does
 * not displace a newer reviewed one). Archiving what is already archived changes nothing.
 */
export async function setScorecardArchived(
  user: CurrentUser,
  id: string,
  archive: boolean,
  now = new Date(),
): Promise<{ clusterId: string; changed: boolean; currentId: string | null }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const scorecard = await loadLocked(tx, id, "This scorecard no longer exists.");
    if ((scorecard.archivedAt !== null) === archive) return { clusterId: scorecard.clusterId, changed: false, currentId: null };
    await tx.scorecard.update({ where: { id }, data: { archivedAt: archive ? now : null } });
    await afterClusterChange(tx, scorecard.clusterId, now);
    const current = await currentOfTemplate(tx, scorecard.clusterId, scorecard.template.key);
    await recordAudit(tx, {
      actor: user,
      action: archive ? "archive" : "restore",
      entityType: "scorecard",
      entityId: id,
      clusterId: scorecard.clusterId,
      scorecardId: id,
      before: { archived: !archive, state: scorecard.state, template: scorecard.template, wasCurrent: scorecard.isCurrent },
      after: { archived: archive, currentScorecard: current },
    });
    return { clusterId: scorecard.clusterId, changed: true, currentId: current?.id ?? null };
  });
}
