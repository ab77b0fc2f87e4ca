/**
 * Recovery targets per disruption type on a cluster (for example broker kill: leadership
 * settled within 30 s). New drills copy them as their SLO targets; changing a target later
 * does not rewrite the targets recorded on past drills.
 */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RecoveryTargetInput } from "./schema";
import { writeTransaction } from "@/lib/write/transaction";

function assertWrite(user: CurrentUser) {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
}

/** Creates or replaces the cluster's targets for one scenario. */
export async function saveRecoveryTarget(user: CurrentUser, input: RecoveryTargetInput): Promise<{ id: string; created: boolean }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: input.clusterId }, select: { id: true } });
    if (!cluster) throw new DomainError("This cluster no longer exists.", {}, 404);
    const { clusterId, scenario, ...values } = input;
    const before = await tx.recoveryTarget.findUnique({ where: { clusterId_scenario: { clusterId, scenario } } });
    const saved = await tx.recoveryTarget.upsert({
      where: { clusterId_scenario: { clusterId, scenario } },
      create: { clusterId, scenario, ...values },
      update: values,
    });
    await recordAudit(tx, {
      actor: user,
      action: before ? "update" : "create",
      entityType: "recovery_target",
      entityId: saved.id,
      clusterId,
      before,
      after: input,
    });
    return { id: saved.id, created: !before };
  });
}

/** Removes the cluster's targets for one scenario. */
export async function deleteRecoveryTarget(user: CurrentUser, id: string): Promise<{ clusterId: string }> {
  assertWrite(user);
  return writeTransaction(async (tx) => {
    const before = await tx.recoveryTarget.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("These targets were already removed.");
    await tx.recoveryTarget.delete({ where: { id } });
    await recordAudit(tx, { actor: user, action: "delete", entityType: "recovery_target", entityId: id, clusterId: before.clusterId, before });
    return { clusterId: before.clusterId };
  });
}
