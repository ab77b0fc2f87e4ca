/** Reading API tokens: the admin listing (never the hash) and the lookup behind Bearer auth. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can, toRole, type Role } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { tokenState, type TokenState } from "./rules";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdBy: string;
  state: TokenState;
}

/** Every token, active ones first, newest first (admins: token:manage). */
export async function listApiTokens(user: CurrentUser): Promise<TokenRow[]> {
  if (!can(user.role, "token:manage")) throw new ForbiddenError();
  const db = await getDb();
  const tokens = await db.apiToken.findMany({
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  const now = new Date();
  const order: Record<TokenState, number> = { active: 0, expired: 1, revoked: 2 };
  return tokens
    .map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      scopes: t.scopes,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      createdBy: t.createdBy.name || t.createdBy.email,
      state: tokenState(t, now),
    }))
    .sort((a, b) => order[a.state] - order[b.state]);
}

export interface TokenPrincipal {
  token: { id: string; name: string; prefix: string; scopes: string[]; state: TokenState };
  /** the person who created the token, with their role as it is now */
  creator: { id: string; name: string; email: string; role: Role; banned: boolean };
}

/**
 * The token with this SHA-256 and its creator, or null when no token has it. This is the
 * authentication step itself, so it takes no user; the caller rejects revoked and expired
 * tokens (the state is returned so the answer can say which).
 */
export async function findTokenByHash(tokenHash: string): Promise<TokenPrincipal | null> {
  const db = await getDb();
  const t = await db.apiToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { id: true, name: true, email: true, role: true, banned: true } },
    },
  });
  if (!t) return null;
  return {
    token: { id: t.id, name: t.name, prefix: t.prefix, scopes: t.scopes, state: tokenState(t) },
    creator: { ...t.createdBy, role: toRole(t.createdBy.role), banned: Boolean(t.createdBy.banned) },
  };
}
