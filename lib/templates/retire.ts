/**
 * Taking a template out of service, every version of its key together: archive (no new
 * scorecard or campaign can use it; scorecards started from it keep working and reports keep
 * naming it), restore, and delete — only when nothing refers to it (no scorecard of any
 * version, no campaign targeting its assessment) and it is not built in (built-ins are
 * installed again at every start; archive those instead). Each is audited.
 */
import "server-only";
import { deleteRefusal } from "./retire-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, NotFoundError } from "@/lib/errors";
import { writeTransaction } from "@/lib/write/transaction";
import { assertWrite } from "./mutations";

type Tx = Prisma.TransactionClient;

/** Locks every version of the template's key (lock order step 3) and reads what refers to it. */
async function lockKey(tx: Tx, id: string) {
  const template = await tx.template.findUnique({ where: { id }, select: { key: true } });
  if (!template) throw new NotFoundError("This template no longer exists.");
  await tx.$queryRaw`SELECT id FROM "template" WHERE key = ${template.key} ORDER BY id FOR UPDATE`;
  const versions = await tx.template.findMany({
    where: { key: template.key },
    orderBy: { version: "desc" },
    select: { id: true, name: true, version: true, builtIn: true, archivedAt: true, _count: { select: { scorecards: true } } },
  });
  if (versions.length === 0) throw new NotFoundError("This template no longer exists.");
  return { key: template.key, latest: versions[0], versions };
}

export async function setTemplateArchived(user: CurrentUser, id: string, archive: boolean, now = new Date()): Promise<{ key: string; changed: boolean }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const { key, latest, versions } = await lockKey(tx, id);
    if ((latest.archivedAt !== null) === archive) return { key, changed: false };
    await tx.template.updateMany({ where: { key }, data: { archivedAt: archive ? now : null } });
    await recordAudit(tx, {
      actor: user,
      action: archive ? "archive" : "restore",
      entityType: "template",
      entityId: latest.id,
      before: { archived: !archive },
      after: { archived: archive, key, name: latest.name, versions: versions.length },
    });
    return { key, changed: true };
  });
}

export async function deleteTemplate(user: CurrentUser, id: string): Promise<{ key: string; versions: number }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const { key, latest, versions } = await lockKey(tx, id);
    const campaigns = await tx.campaign.count({ where: { templateKey: key } });
    const refusal = deleteRefusal({
      builtIn: versions.some((v) => v.builtIn),
      scorecards: versions.reduce((n, v) => n + v._count.scorecards, 0),
      campaigns,
    });
    if (refusal) throw new DomainError(refusal, {}, 409);
    await tx.template.deleteMany({ where: { key } });
    await recordAudit(tx, {
      actor: user,
      action: "delete",
      entityType: "template",
      entityId: latest.id,
      before: { key, name: latest.name, versions: versions.map((v) => v.version) },
    });
    return { key, versions: versions.length };
  });
}
