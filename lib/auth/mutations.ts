/** Writes made by signing in (not by a signed-in person), each recorded in the audit log. */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Role } from "@/lib/access/permissions";
import { writeTransaction } from "@/lib/write/transaction";

/**
 * Finishes a single sign-on: records the account created by the sign-in and applies the
 * role the identity provider's claim maps to. Not an action of a signed-in person (the
 * identity provider authenticated them), so the audit actor is the sign-on itself.
 */
export async function applySignInRole(userId: string, input: { role: Role | undefined; created: boolean; via: string }): Promise<void> {
  await writeTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true, role: true } });
    if (!user) return;
    const role = input.role ?? user.role;
    if (role !== user.role) await tx.user.update({ where: { id: userId }, data: { role } });
    if (input.created) {
      await recordAudit(tx, {
        actor: { system: input.via },
        action: "create",
        entityType: "user",
        entityId: userId,
        after: { email: user.email, name: user.name, role },
      });
    } else if (role !== user.role) {
      await recordAudit(tx, {
        actor: { system: input.via },
        action: "update",
        entityType: "user",
        entityId: userId,
        before: { email: user.email, role: user.role },
        after: { email: user.email, role },
      });
    }
  });
}

/** Audits an account an admin created through better-auth's HTTP endpoint (see ./admin-endpoints.ts). */
export async function recordAccountCreatedOverHttp(
  actor: { id: string; email: string } | null,
  user: { id: string; email: string; name: string; role: string | null },
): Promise<void> {
  await writeTransaction((tx) =>
    recordAudit(tx, {
      actor: actor ?? { system: "auth API" },
      action: "create",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role },
    }),
  );
}
