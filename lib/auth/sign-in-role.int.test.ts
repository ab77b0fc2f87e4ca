import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { applySignInRole } from "./mutations";
import { ssoDatabaseHooks } from "./sso";

const config = {
  issuer: "https://idp.example.com",
  clientId: "drillbook",
  clientSecret: "s3cret",
  roleClaim: "drillbook_role",
  defaultRole: "viewer" as const,
  providerName: "Example SSO",
};

describe("single sign-on role mapping", () => {
  it("records an account created by SSO with its mapped role", async () => {
    const user = await createTestUser("viewer");
    await applySignInRole(user.id, { role: "approver", created: true, via: "single sign-on (Example SSO)" });
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("approver");
    const [event] = await db.auditEvent.findMany();
    expect(event).toMatchObject({ action: "create", entityType: "user", entityId: user.id, actorId: null, actorLabel: "single sign-on (Example SSO)" });
    expect(event.after).toMatchObject({ email: user.email, role: "approver" });
  });

  it("audits a role the claim changes, and nothing when it stays", async () => {
    const user = await createTestUser("editor");
    await applySignInRole(user.id, { role: "editor", created: false, via: "sso" });
    await applySignInRole(user.id, { role: undefined, created: false, via: "sso" });
    const db = await getDb();
    expect(await db.auditEvent.count()).toBe(0);
    await applySignInRole(user.id, { role: "viewer", created: false, via: "sso" });
    const [event] = await db.auditEvent.findMany();
    expect(event).toMatchObject({ action: "update", before: { role: "editor", email: user.email }, after: { role: "viewer", email: user.email } });
  });

  it("keeps the identity provider's tokens out of the account table", async () => {
    const hooks = ssoDatabaseHooks(config);
    expect(await hooks.account.create.before()).toEqual({ data: { accessToken: null, refreshToken: null, idToken: null } });
    expect(await hooks.account.update.before()).toEqual({ data: { accessToken: null, refreshToken: null, idToken: null } });
  });
});
