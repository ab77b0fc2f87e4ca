/**
 * Appends an audit event inside the caller's transaction. A transaction-scoped advisory
 * lock serializes writers so two concurrent changes cannot fork the hash chain.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, hashEvent, toJsonValue } from "./chain";

/** Also taken (try-only) by the portfolio sweep so it never waits behind a user's transaction. */
export const AUDIT_LOCK_ID = 4_242_001;

export interface AuditInput {
  /** a person (CurrentUser; `apiToken` when acting through an API token) or a named system process */
  actor: { id: string; email?: string; name?: string; apiToken?: { prefix: string } } | { system: string };
  action: "create" | "update" | "delete" | string;
  entityType: string;
  entityId: string;
  clusterId?: string | null;
  scorecardId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Fields that must never reach the audit log. */
const SECRET_KEYS = new Set(["password", "tokenHash", "token", "secret", "accessToken", "refreshToken", "idToken", "data"]);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

function personLabel(actor: { id: string; email?: string; apiToken?: { prefix: string } }): string {
  const who = actor.email ?? actor.id;
  // the token's display prefix only, never the token (it is not known here anyway)
  return actor.apiToken ? `${who} via API token ${actor.apiToken.prefix}` : who;
}

/** Appends one event to the chain; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_ID})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const actorId = "system" in input.actor ? null : input.actor.id;
  const actorLabel = "system" in input.actor ? input.actor.system : personLabel(input.actor);
  const content = {
    // millisecond precision: what PostgreSQL timestamp(3) stores and gives back
    at: new Date(Math.floor(Date.now())),
    actorId,
    actorLabel,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    clusterId: input.clusterId ?? null,
    scorecardId: input.scorecardId ?? null,
    before: toJsonValue(redact(input.before ?? null)),
    after: toJsonValue(redact(input.after ?? null)),
  };
  const hash = hashEvent(prevHash, content);
  await tx.auditEvent.create({
    data: {
      ...content,
      before: content.before === null ? undefined : (content.before as Prisma.InputJsonValue),
      after: content.after === null ? undefined : (content.after as Prisma.InputJsonValue),
      prevHash,
      hash,
    },
  });
}
