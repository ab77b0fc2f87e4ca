/** Writes to clusters: validated input in, audit event recorded in the same transaction. */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, isUniqueViolation } from "@/lib/errors";
import type { ClusterInput } from "./schema";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { resolveOwnerTeam, type OwnerTeam } from "@/lib/teams/owner";
import { lockCluster } from "@/lib/write/locks";
import { writeTransaction, type Tx } from "@/lib/write/transaction";

/** The owner-team part of a cluster write and of its audit event (naming a team it created). */
function ownerFields({ teamId, ownerTeam, created }: OwnerTeam) {
  return { data: { teamId, ownerTeam }, audit: created ? { teamId, ownerTeam, newTeam: ownerTeam } : { teamId, ownerTeam } };
}

function duplicateName(name: string) {
  return new DomainError("A cluster with this name already exists.", { name: [`“${name}” is already taken; choose another name`] }, 409);
}

/**
 * Creates a cluster. Names are unique (case-sensitive, as Kafka cluster names are). The owner
 * team is found by its normalized name (created when new, refused when archived) and stored
 * under the team's own spelling.
 */
export async function createCluster<V = undefined>(
  user: CurrentUser,
  input: ClusterInput,
  readBack?: (tx: Tx, id: string) => Promise<V>,
): Promise<{ id: string; view: V }> {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  try {
    return await writeTransaction(async (tx) => {
      const owner = ownerFields(await resolveOwnerTeam(tx, input.ownerTeam));
      const cluster = await tx.cluster.create({ data: { ...input, ...owner.data, createdById: user.id } });
      await recordAudit(tx, {
        actor: user,
        action: "create",
        entityType: "cluster",
        entityId: cluster.id,
        clusterId: cluster.id,
        after: { ...input, ...owner.audit },
      });
      // an API answer is read in the transaction that wrote it: never a failed read after a commit
      return { id: cluster.id, view: (await readBack?.(tx, cluster.id)) as V };
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
export async function updateCluster(user: CurrentUser, id: string, revision: number, input: ClusterInput): Promise<{ id: string; revision: number }> {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  try {
    return await writeTransaction(async (tx) => {
      if (!(await lockCluster(tx, id))) throw new NotFoundError("This cluster no longer exists.");
      const before = await tx.cluster.findUnique({ where: { id } });
      if (!before) throw new NotFoundError("This cluster no longer exists.");
      const owner = ownerFields(await resolveOwnerTeam(tx, input.ownerTeam, before.teamId));
      const { count } = await tx.cluster.updateMany({
        where: { id, revision },
        data: { ...input, ...owner.data, revision: { increment: 1 } },
      });
      if (count === 0) {
        // re-read: the row we read first may itself be older than the save that beat us
        const current = (await tx.cluster.findUnique({ where: { id } })) ?? before;
        throw new ConflictError(
          `Someone else saved this cluster after you opened it (now at revision ${current.revision}). Review their values, then save again.`,
          current,
        );
      }
      await recordAudit(tx, { actor: user, action: "update", entityType: "cluster", entityId: id, clusterId: id, before, after: { ...input, ...owner.audit } });
      // the freshness window is a fact of the cluster and moves every outcome on it
      await afterClusterChange(tx, id);
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
  await writeTransaction(async (tx) => {
    if (!(await lockCluster(tx, id))) throw new NotFoundError("This cluster no longer exists.");
    const before = await tx.cluster.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("This cluster no longer exists.");
    await tx.cluster.delete({ where: { id } });
    await recordAudit(tx, { actor: user, action: "delete", entityType: "cluster", entityId: id, clusterId: id, before });
  });
}
