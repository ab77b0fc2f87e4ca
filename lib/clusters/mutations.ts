/** Writes to clusters: validated input in, audit event recorded in the same transaction. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, isUniqueViolation } from "@/lib/errors";
import type { ClusterInput } from "./schema";

function duplicateName(name: string) {
  return new DomainError("A cluster with this name already exists.", { name: [`“${name}” is already taken; choose another name`] }, 409);
}

/** Creates a cluster. Names are unique (case-sensitive, as Kafka cluster names are). */
export async function createCluster(user: CurrentUser, input: ClusterInput): Promise<{ id: string }> {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const cluster = await tx.cluster.create({ data: { ...input, createdById: user.id } });
      await recordAudit(tx, { actor: user, action: "create", entityType: "cluster", entityId: cluster.id, clusterId: cluster.id, after: input });
      return { id: cluster.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(input.name);
    throw error;
  }
}

/**
 * Updates a cluster if nobody changed it since `revision` was read; otherwise throws a
 * ConflictError carrying the current values so the form can show what changed.
 */
export async function updateCluster(
  user: CurrentUser,
  id: string,
  revision: number,
  input: ClusterInput,
): Promise<{ id: string; revision: number }> {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.cluster.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("This cluster no longer exists.");
      const { count } = await tx.cluster.updateMany({
        where: { id, revision },
        data: { ...input, revision: { increment: 1 } },
      });
      if (count === 0) {
        // re-read: the row we read first may itself be older than the save that beat us
        const current = (await tx.cluster.findUnique({ where: { id } })) ?? before;
        throw new ConflictError(
          `Someone else saved this cluster after you opened it (now at revision ${current.revision}). Review their values, then save again.`,
          current,
        );
      }
      await recordAudit(tx, { actor: user, action: "update", entityType: "cluster", entityId: id, clusterId: id, before, after: input });
      return { id, revision: revision + 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(input.name);
    throw error;
  }
}

/** Deletes a cluster and everything recorded for it (admins only; the UI asks first). */
export async function deleteCluster(user: CurrentUser, id: string): Promise<void> {
  if (!can(user.role, "cluster:delete")) throw new ForbiddenError();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.cluster.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("This cluster no longer exists.");
    await tx.cluster.delete({ where: { id } });
    await recordAudit(tx, { actor: user, action: "delete", entityType: "cluster", entityId: id, clusterId: id, before });
  });
}
