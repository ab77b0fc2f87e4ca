/** Creating and revoking API tokens (admins: token:manage), each recorded in the audit log. */
import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { generateApiToken } from "./rules";
import type { CreateTokenInput } from "./schema";
import { writeTransaction } from "@/lib/write/transaction";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  expiresAt: string;
  /** the token itself: returned once, to show once; only its hash is stored */
  token: string;
}

/** Creates a token for `user` (its requests act as that user, limited to the scopes). */
export async function createApiToken(user: CurrentUser, input: CreateTokenInput): Promise<CreatedToken> {
  if (!can(user.role, "token:manage")) throw new ForbiddenError();
  const { token, prefix, hash } = generateApiToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  const created = await writeTransaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name: input.name, prefix, tokenHash: hash, scopes: input.scopes, expiresAt, createdById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "create",
      entityType: "api_token",
      entityId: row.id,
      after: { name: input.name, prefix, scopes: input.scopes, expiresAt },
    });
    return row;
  });
  return { id: created.id, name: input.name, prefix, expiresAt: expiresAt.toISOString(), token };
}

/** Revokes a token at once; requests with it are answered 401 from then on. */
export async function revokeApiToken(user: CurrentUser, id: string): Promise<{ id: string; name: string }> {
  if (!can(user.role, "token:manage")) throw new ForbiddenError();
  return writeTransaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id }, select: { name: true, prefix: true, scopes: true, revokedAt: true } });
    if (!before) throw new NotFoundError("This token no longer exists.");
    const revokedAt = new Date();
    // the guard on revokedAt makes two simultaneous revocations record one event, not two
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) throw new DomainError(`“${before.name}” was already revoked.`, {}, 409);
    await recordAudit(tx, {
      actor: user,
      action: "revoke",
      entityType: "api_token",
      entityId: id,
      before: { name: before.name, prefix: before.prefix, scopes: before.scopes, revokedAt: null },
      after: { revokedAt },
    });
    return { id, name: before.name };
  });
}

/**
 * Notes that a token was used. At most one write a minute per token: the listing shows
 * "last used" to the minute, and a write per request would add load for nothing.
 */
export async function markApiTokenUsed(id: string): Promise<void> {
  const db = await getDb();
  const now = new Date();
  await db.apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
}
