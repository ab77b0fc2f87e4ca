import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/test/support/users";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { createApiToken, markApiTokenUsed, revokeApiToken } from "./mutations";
import { findTokenByHash, listApiTokens } from "./queries";
import { hashApiToken } from "./rules";

describe("API tokens", () => {
  it("stores only the hash, lists tokens without secrets and audits the creation", async () => {
    const admin = await createTestUser("admin", "Ada Admin");
    const created = await createApiToken(admin, { name: "chaos pipeline", scopes: ["read", "write:drills"], expiresInDays: 90 });
    expect(created.token).toMatch(/^dbk_/);
    const db = await getDb();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(row.prefix).toBe(created.token.slice(0, 12));
    expect(Math.round((row.expiresAt!.getTime() - Date.now()) / 86_400_000)).toBe(90);

    const [listed] = await listApiTokens(admin);
    expect(listed).toMatchObject({
      name: "chaos pipeline",
      prefix: row.prefix,
      scopes: ["read", "write:drills"],
      state: "active",
      createdBy: "Ada Admin",
      lastUsedAt: null,
    });
    expect(Object.keys(listed)).not.toContain("tokenHash");
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);

    const [event] = await db.auditEvent.findMany({ where: { entityType: "api_token" } });
    expect(event).toMatchObject({ action: "create", actorId: admin.id, entityId: created.id });
    expect(event.after).toMatchObject({ name: "chaos pipeline", prefix: row.prefix, scopes: ["read", "write:drills"] });
    const text = JSON.stringify({ ...event, seq: String(event.seq) });
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(row.tokenHash);

    const found = await findTokenByHash(hashApiToken(created.token));
    expect(found).toMatchObject({ token: { id: created.id, state: "active" }, creator: { id: admin.id, role: "admin", banned: false } });
    expect(await findTokenByHash(hashApiToken(`${created.token}x`))).toBeNull();
  });

  it("revokes once, audits it, and refuses a second revocation even when two race", async () => {
    const admin = await createTestUser("admin");
    const { id } = await createApiToken(admin, { name: "ci", scopes: ["read"], expiresInDays: 7 });
    const results = await Promise.allSettled([revokeApiToken(admin, id), revokeApiToken(admin, id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(DomainError);
    expect(failed.reason.status).toBe(409);
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { entityType: "api_token", action: "revoke" } })).toBe(1);
    expect((await listApiTokens(admin))[0].state).toBe("revoked");
    await expect(revokeApiToken(admin, "missing")).rejects.toThrow("no longer exists");
  });

  it("records the last use at most once a minute", async () => {
    const admin = await createTestUser("admin");
    const { id } = await createApiToken(admin, { name: "ci", scopes: ["read"], expiresInDays: 7 });
    await markApiTokenUsed(id);
    const db = await getDb();
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await markApiTokenUsed(id);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
  });

  it("lets only admins list, create and revoke", async () => {
    const admin = await createTestUser("admin");
    const { id } = await createApiToken(admin, { name: "ci", scopes: ["read"], expiresInDays: 7 });
    for (const role of ["none", "viewer", "editor", "approver"] as const) {
      const user = await createTestUser(role);
      await expect(listApiTokens(user)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createApiToken(user, { name: "x", scopes: ["read"], expiresInDays: 7 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeApiToken(user, id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await (await getDb()).apiToken.count()).toBe(1);
  });
});
