/** User listing for the admin page (never returns password hashes or sessions). */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";

export async function listUsers(actor: CurrentUser) {
  if (!can(actor.role, "user:manage")) throw new ForbiddenError();
  const db = await getDb();
  const users = await db.user.findMany({
    select: { id: true, name: true, email: true, role: true, createdAt: true, banned: true },
    orderBy: { createdAt: "asc" },
  });
  return users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }));
}
