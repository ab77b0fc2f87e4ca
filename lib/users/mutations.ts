/** Admin operations on accounts: create (with an initial password) and change role. */
import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { getAuth } from "@/lib/auth/auth";
import { can, type Role } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { writeTransaction } from "@/lib/write/transaction";

/** Creates an account; the admin hands the initial password over out of band. */
export async function createUserAccount(actor: CurrentUser, input: { name: string; email: string; password: string; role: Role }): Promise<{ id: string }> {
  if (!can(actor.role, "user:manage")) throw new ForbiddenError();
  const db = await getDb();
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError("An account with this email already exists.", { email: ["This email already has an account"] }, 409);
  }
  const auth = await getAuth();
  const { user } = await auth.api.createUser({ body: input, headers: await headers() });
  await writeTransaction((tx) =>
    recordAudit(tx, { actor, action: "create", entityType: "user", entityId: user.id, after: { name: input.name, email: input.email, role: input.role } }),
  );
  return { id: user.id };
}

/** Changes a user's role. An admin cannot demote themselves (someone must stay admin). */
export async function setUserRole(actor: CurrentUser, userId: string, role: Role): Promise<void> {
  if (!can(actor.role, "user:manage")) throw new ForbiddenError();
  if (userId === actor.id && role !== "admin") {
    throw new DomainError("You cannot remove your own admin role; ask another admin.", { role: ["Ask another admin to change your role"] });
  }
  await writeTransaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, email: true } });
    if (!before) throw new NotFoundError("This user no longer exists.");
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, { actor, action: "update", entityType: "user", entityId: userId, before, after: { role, email: before.email } });
  });
}
