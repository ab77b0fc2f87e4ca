/**
 * The one way to open a write transaction. It
 * - waits up to 15 s for a pooled connection and lets the work run up to 60 s (Prisma's
 *   defaults, 2 s and 5 s, turned a burst of 50 parallel posts into "Unable to start a
 *   transaction in the given time");
 * - bounds each lock wait (lock_timeout), answering 409 "busy" rather than hanging;
 * - buffers audit events and appends them at the end (lock order step 4, ./locks.ts);
 * - claims the request's Idempotency-Key, if any, in the same transaction as the write;
 * - retries the whole transaction, a bounded number of times with jittered backoff, when
 *   PostgreSQL aborts it for a deadlock (40P01) or a serialization failure (40001), or a
 *   connection could not be had in time. The function may therefore run more than once: it
 *   must do nothing outside the transaction that cannot be repeated.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { beginAuditBuffer, flushAuditBuffer } from "@/lib/audit/record";
import { DomainError } from "@/lib/errors";
import { currentRequestContext, IdempotencyKeyTakenError } from "./request-context";

export type Tx = Prisma.TransactionClient;

const MAX_ATTEMPTS = 5;
const LOCK_TIMEOUT_MS = 20_000;
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export interface WriteOptions {
  /** longest the work may run once started (default 60 s) */
  timeoutMs?: number;
}

/** A deadlock, serialization failure or connection wait that a retry can get past. */
export function isTransientWriteError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: { code?: string } } | null;
  if (!e || typeof e !== "object") return false;
  if (e.code === "P2034") return true;
  if (e.code === "P2028" && /unable to start a transaction/i.test(e.message ?? "")) return true;
  const text = `${e.meta?.code ?? ""} ${e.message ?? ""}`;
  return /\b40P01\b|\b40001\b|deadlock detected|could not serialize access/i.test(text);
}

/** A lock wait that ran past lock_timeout (55P03): another writer holds the cluster for long. */
function isLockTimeout(error: unknown): boolean {
  const e = error as { message?: string; meta?: { code?: string } } | null;
  return /\b55P03\b|lock timeout|canceling statement due to lock timeout/i.test(`${e?.meta?.code ?? ""} ${e?.message ?? ""}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` in one write transaction (see the module comment). */
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const db = await getDb();
  const context = currentRequestContext();
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT_MS}ms'`);
          beginAuditBuffer(tx);
          const value = await fn(tx);
          if (context?.idempotency && !context.claimed) await claimIdempotencyKey(tx, context.idempotency);
          await flushAuditBuffer(tx);
          return value;
        },
        { maxWait: 15_000, timeout: options.timeoutMs ?? 60_000 },
      );
      if (context) {
        if (context.idempotency) context.claimed = true;
        context.committedWrites += 1;
      }
      return result;
    } catch (error) {
      if (isLockTimeout(error)) throw new DomainError("Someone else is changing this cluster right now. Nothing was changed; try again in a moment.", {}, 409);
      if (attempt >= MAX_ATTEMPTS || !isTransientWriteError(error)) throw error;
      await sleep(Math.min(1_000, 25 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

async function claimIdempotencyKey(tx: Tx, claim: { principal: string; key: string; requestHash: string; endpoint: string }): Promise<void> {
  // claimed at the end of the work, so createdAt is (nearly) the commit time: lib/api/idempotency.ts
  // tells a claim still being answered from one whose answer was lost by its age
  const claimedAt = new Date();
  // a concurrent request with the same key blocks here until the first commits, then conflicts
  const inserted = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "idempotency_key" ("principal", "key", "requestHash", "endpoint", "createdAt", "expiresAt")
    VALUES (${claim.principal}, ${claim.key}, ${claim.requestHash}, ${claim.endpoint}, ${claimedAt}, ${new Date(claimedAt.getTime() + IDEMPOTENCY_TTL_MS)})
    ON CONFLICT ("principal", "key") DO UPDATE
      SET "requestHash" = EXCLUDED."requestHash", "endpoint" = EXCLUDED."endpoint", "status" = NULL, "response" = NULL,
          "createdAt" = EXCLUDED."createdAt", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "idempotency_key"."expiresAt" <= CURRENT_TIMESTAMP
    RETURNING "key"`;
  if (inserted.length === 0) throw new IdempotencyKeyTakenError();
}

/** Deletes expired Idempotency-Keys (the portfolio sweep calls it on each run). */
export async function purgeExpiredIdempotencyKeys(now = new Date()): Promise<number> {
  const db = await getDb();
  return (await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
