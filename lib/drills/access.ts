/**
 * Permission checks and the row lock shared by the drill mutations. Kept apart so each
 * mutations file authorizes and locks the same way.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { lockClusterOf } from "@/lib/write/locks";

export function assertDrillRead(user: CurrentUser) {
  if (!can(user.role, "drill:read")) throw new ForbiddenError();
}

export function assertDrillWrite(user: CurrentUser) {
  if (!can(user.role, "drill:write")) throw new ForbiddenError();
}

/**
 * Locks the drill's cluster, then the drill row, for the rest of the transaction (lock order,
 * lib/write/locks.ts: a drill write refreshes the cluster's signals, so it must hold the
 * cluster first like every other writer) and returns what audit events need.
 */
export async function lockDrill(tx: Prisma.TransactionClient, drillId: string): Promise<{ id: string; clusterId: string; title: string }> {
  await lockClusterOf(tx, { drillId }, "This drill no longer exists.");
  const rows = await tx.$queryRaw<{ id: string; clusterId: string; title: string }[]>`
    SELECT id, "clusterId", title FROM drill WHERE id = ${drillId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("This drill no longer exists.");
  return rows[0];
}
