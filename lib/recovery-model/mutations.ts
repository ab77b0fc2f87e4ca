/** Saves a cluster's recovery-model knobs (optimistic concurrency on the cluster revision). */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RecoverySettingsInput } from "./settings-schema";
import { writeTransaction } from "@/lib/write/transaction";

const FIELDS = ["brokerNetworkMBps", "reassignmentThrottleMBps", "crossZonePricePerGb"] as const;

/** Stores NIC capacity, reassignment throttle and cross-zone price on the cluster. */
export async function saveRecoverySettings(user: CurrentUser, input: RecoverySettingsInput): Promise<{ id: string; revision: number }> {
  if (!can(user.role, "cluster:write")) throw new ForbiddenError();
  return writeTransaction(async (tx) => {
    const select = { name: true, revision: true, brokerNetworkMBps: true, reassignmentThrottleMBps: true, crossZonePricePerGb: true } as const;
    const before = await tx.cluster.findUnique({ where: { id: input.id }, select });
    if (!before) throw new NotFoundError("This cluster no longer exists.");
    const data = Object.fromEntries(FIELDS.map((f) => [f, input[f]])) as Pick<RecoverySettingsInput, (typeof FIELDS)[number]>;
    const { count } = await tx.cluster.updateMany({ where: { id: input.id, revision: input.revision }, data: { ...data, revision: { increment: 1 } } });
    if (count === 0) {
      const current = (await tx.cluster.findUnique({ where: { id: input.id }, select })) ?? before;
      throw new ConflictError(
        `Someone else changed this cluster after you opened it (now at revision ${current.revision}). Check the values, then save again.`,
        current,
      );
    }
    await recordAudit(tx, {
      actor: user,
      action: "update",
      entityType: "cluster",
      entityId: input.id,
      clusterId: input.id,
      before: { name: before.name, ...Object.fromEntries(FIELDS.map((f) => [f, before[f]])) },
      after: { name: before.name, ...data },
    });
    return { id: input.id, revision: input.revision + 1 };
  });
}
