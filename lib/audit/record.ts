/**
 * Appends audit events inside the caller's transaction. A transaction-scoped advisory lock
 * serializes appends so two concurrent changes cannot fork the hash chain. In a transaction
 * opened by writeTransaction (lib/write/transaction.ts) the events are buffered and appended
 * at its end, so the chain's lock is always the LAST lock a writer takes (see the lock order
 * in lib/write/locks.ts) and is held only for the few statements before commit.
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

type Tx = Prisma.TransactionClient;
type EventContent = ReturnType<typeof eventContent>;

const buffers = new WeakMap<Tx, EventContent[]>();

/** Makes recordAudit buffer this transaction's events until flushAuditBuffer. */
export function beginAuditBuffer(tx: Tx): void {
  buffers.set(tx, []);
}

/** Appends the buffered events (in the order they were recorded); call it last in the transaction. */
export async function flushAuditBuffer(tx: Tx): Promise<void> {
  const pending = buffers.get(tx) ?? [];
  buffers.delete(tx);
  if (pending.length) await appendEvents(tx, pending);
}

/** Records one event; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const content = eventContent(input);
  const pending = buffers.get(tx);
  if (pending) pending.push(content);
  else await appendEvents(tx, [content]);
}

async function appendEvents(tx: Tx, events: EventContent[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_ID})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  for (const content of events) {
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
    prevHash = hash;
  }
}

function eventContent(input: AuditInput) {
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
  return content;
}
