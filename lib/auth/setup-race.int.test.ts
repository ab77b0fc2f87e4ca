/**
 * First-run setup cannot be raced: 20 setups submitted at once on an empty database create
 * exactly one admin (8 concurrent submissions used to create 8); the others are refused
 * with 409 and write nothing.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { registerFirstAdmin } from "./accounts";

describe("first-run setup", () => {
  it("creates exactly one admin when 20 setups arrive at once", async () => {
    const db = await getDb();
    await db.session.deleteMany();
    await db.account.deleteMany();
    await db.user.deleteMany();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => registerFirstAdmin({ name: `Admin ${i}`, email: `admin${i}@setup.test`, password: `correct horse battery ${i}` })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).status).toBe(409);
    }
    expect(await db.user.count()).toBe(1);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "user", action: "create" } })).toBe(1);

    // and once set up, a late setup is refused too
    await expect(registerFirstAdmin({ name: "Late", email: "late@setup.test", password: "correct horse battery late" })).rejects.toMatchObject({ status: 409 });
    expect(await db.user.count()).toBe(1);
  }, 60_000);
});
