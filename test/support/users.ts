/** Test helper: a user row of the given role (integration tests only). */
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";

export async function createTestUser(role: Role, name = `${role} user`): Promise<CurrentUser> {
  const db = await getDb();
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@test.drillbook`;
  await db.user.create({ data: { id, name, email, role } });
  return { id, name, email, role };
}
