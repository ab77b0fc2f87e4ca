import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken, looksLikeApiToken, tokenState } from "./rules";
import { scopeFor, scopesAllow } from "./scopes";
import { createTokenSchema } from "./schema";

describe("API tokens", () => {
  it("generates prefixed random tokens whose hash is their SHA-256", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).toMatch(/^dbk_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.prefix).toBe(a.token.slice(0, 12));
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token.slice(4));
    expect(looksLikeApiToken(a.token)).toBe(true);
  });

  it("refuses strings that cannot be tokens before any lookup", () => {
    for (const s of ["", "dbk_", "dbk_short", `xyz_${"a".repeat(43)}`, `dbk_${"a".repeat(43)}!`, `dbk_${"a".repeat(44)}`]) {
      expect(looksLikeApiToken(s)).toBe(false);
    }
  });

  it("knows active, expired and revoked tokens", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(tokenState({ expiresAt: new Date("2026-06-02T00:00:00Z"), revokedAt: null }, now)).toBe("active");
    expect(tokenState({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
    expect(tokenState({ expiresAt: new Date("2027-01-01T00:00:00Z"), revokedAt: now }, now)).toBe("revoked");
    expect(tokenState({ expiresAt: null, revokedAt: null }, now)).toBe("active");
  });

  it("maps scopes to permissions, and nothing else", () => {
    expect(scopesAllow(["read"], "cluster:read")).toBe(true);
    expect(scopesAllow(["read"], "scorecard:read")).toBe(true);
    expect(scopesAllow(["read"], "cluster:write")).toBe(false);
    expect(scopesAllow(["write:drills"], "drill:write")).toBe(true);
    expect(scopesAllow(["write:drills"], "drill:read")).toBe(false);
    expect(scopesAllow(["write:evidence"], "scorecard:write")).toBe(true);
    expect(scopesAllow(["write:clusters"], "cluster:write")).toBe(true);
    expect(scopesAllow(["admin", "write:everything"], "user:manage")).toBe(false);
    expect(scopeFor("cluster:read")).toBe("read");
    expect(scopeFor("user:manage")).toBeNull();
  });

  it("validates the creation form", () => {
    expect(createTokenSchema.parse({ name: " ci ", scopes: "read", expiresInDays: "30" })).toEqual({ name: "ci", scopes: ["read"], expiresInDays: 30 });
    expect(createTokenSchema.parse({ name: "ci", scopes: ["read", "write:drills", "read"], expiresInDays: "365" }).scopes).toEqual(["read", "write:drills"]);
    const bad = createTokenSchema.safeParse({ name: "", scopes: ["root"], expiresInDays: "9999" });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["expiresInDays", "name", "scopes"]);
    expect(createTokenSchema.safeParse({ name: "x", expiresInDays: "7" }).error?.issues[0].message).toBe("Choose at least one scope");
  });
});
