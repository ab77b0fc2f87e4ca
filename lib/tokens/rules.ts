/**
 * API tokens (pure): how tokens are generated and hashed, and a token's state (scopes are
 * in ./scopes.ts, which client components import too). A token is "dbk_" + 32 random bytes in
 * base64url; only its SHA-256 is stored, with a short prefix so people can tell tokens
 * apart. The token itself is shown once, when it is created.
 */
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "dbk_";
/** characters of the token kept for display: "dbk_" and 8 more */
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
const TOKEN_PATTERN = /^dbk_[A-Za-z0-9_-]{43}$/;

/** SHA-256 (hex) of a token: what is stored and looked up. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random token with its display prefix and hash. */
export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiToken(token) };
}

/** Cheap format check before any database lookup. */
export function looksLikeApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export type TokenState = "active" | "expired" | "revoked";

export function tokenState(token: { expiresAt: Date | null; revokedAt: Date | null }, now = new Date()): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
