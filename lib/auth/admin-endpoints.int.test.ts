/** better-auth's admin HTTP endpoints: account-changing ones are off, create-user is audited. */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { signedInUser, type SignedInUser } from "@/test/support/sessions";
import { getAuth } from "./auth";

async function post(path: string, who: SignedInUser, body: unknown) {
  const auth = await getAuth();
  return auth.handler(
    new Request(`http://localhost:3000/api/auth${path}`, {
      method: "POST",
      headers: { cookie: who.cookie, origin: "http://localhost:3000", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

describe("better-auth admin endpoints over HTTP", () => {
  it("are switched off for changes that would bypass the audit log", async () => {
    const admin = await signedInUser("admin");
    const viewer = await signedInUser("viewer");
    const db = await getDb();
    const before = await db.auditEvent.count();
    for (const [path, body] of [
      ["/admin/set-role", { userId: viewer.id, role: "admin" }],
      ["/admin/impersonate-user", { userId: viewer.id }],
      ["/admin/set-user-password", { userId: viewer.id, newPassword: "another-long-password" }],
      ["/admin/remove-user", { userId: viewer.id }],
      ["/admin/ban-user", { userId: viewer.id }],
      ["/admin/update-user", { userId: viewer.id, data: { role: "admin" } }],
    ] as const) {
      expect((await post(path, admin, body)).status, path).toBe(404);
    }
    const row = await db.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(row).toMatchObject({ role: "viewer", banned: false });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("records an account an admin creates through create-user, and refuses non-admins", async () => {
    const admin = await signedInUser("admin");
    const created = await post("/admin/create-user", admin, {
      email: "http-made@test.drillbook",
      password: "a-long-enough-password",
      name: "Http Made",
      role: "editor",
    });
    expect(created.status).toBe(200);
    const db = await getDb();
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "user", action: "create" } });
    expect(event).toMatchObject({
      actorId: admin.id,
      actorLabel: admin.email,
      after: { email: "http-made@test.drillbook", name: "Http Made", role: "editor" },
    });
    expect(JSON.stringify(event.after)).not.toContain("a-long-enough-password");

    const editor = await signedInUser("editor");
    const refused = await post("/admin/create-user", editor, {
      email: "sneaky@test.drillbook",
      password: "a-long-enough-password",
      name: "Sneaky",
      role: "admin",
    });
    expect(refused.status).toBe(403);
    expect(await db.user.count({ where: { email: "sneaky@test.drillbook" } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(1);
  });
});
