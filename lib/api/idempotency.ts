/**
 * Idempotency keys of the JSON API, as Stripe has them: a POST may carry an
 * `Idempotency-Key` header (any printable ASCII, up to 255 characters, unique per caller). The
 * first request with a key claims it inside the transaction of its write
 * (lib/write/transaction.ts), so the claim commits exactly when the write does, and stores
 * its answer once built. A retry with the same key and the same request gets the stored
 * answer again (header `Idempotent-Replayed: true`) and writes nothing; the same key with
 * another request is refused with 422; a retry while the first is still answering gets 409.
 * Keys expire after 24 hours. A request refused before it wrote (4xx) claims nothing, so it
 * can be corrected and sent again with the same key.
 */
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiRequestError } from "@/lib/http/respond";

export const IDEMPOTENCY_HEADER = "idempotency-key";

/** The request's key, or undefined without the header; 400 for a malformed one. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new ApiRequestError("The Idempotency-Key header must be 1 to 255 printable ASCII characters without spaces.", 400, [
      { path: "Idempotency-Key", message: "Use 1–255 printable ASCII characters, e.g. a UUID" },
    ]);
  }
  return value;
}

/** What makes two requests "the same": method, path and the exact body. */
export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");
}

export interface StoredAnswer {
  requestHash: string;
  status: number | null;
  response: unknown;
}

/** The live (unexpired) record of a key, if any. */
export async function findIdempotentAnswer(principal: string, key: string, now = new Date()): Promise<StoredAnswer | null> {
  const db = await getDb();
  const row = await db.idempotencyKey.findUnique({
    where: { principal_key: { principal, key } },
    select: { requestHash: true, status: true, response: true, expiresAt: true },
  });
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return { requestHash: row.requestHash, status: row.status, response: row.response };
}

/** Stores the answer of the request that claimed the key (nothing when it claimed none). */
export async function storeIdempotentAnswer(principal: string, key: string, status: number, response: unknown): Promise<void> {
  const db = await getDb();
  await db.idempotencyKey.updateMany({ where: { principal, key, status: null }, data: { status, response: response as Prisma.InputJsonValue } });
}

/** Waits a little for the answer of a request that claimed the key first (a concurrent duplicate). */
export async function awaitIdempotentAnswer(principal: string, key: string, attempts = 20, delayMs = 100): Promise<StoredAnswer | null> {
  for (let i = 0; i < attempts; i++) {
    const found = await findIdempotentAnswer(principal, key);
    if (found?.status != null) return found;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  return findIdempotentAnswer(principal, key);
}
