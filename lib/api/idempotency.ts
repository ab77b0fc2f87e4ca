/**
 * Idempotency keys of the JSON API, as Stripe has them: a POST may carry an
 * `Idempotency-Key` header (any printable ASCII, up to 255 characters, unique per caller). The
 * first request with a key claims it inside the transaction of its write
 * (lib/write/transaction.ts), as the last step before the commit, so the claim commits exactly
 * when the write does: a claimed key always means "this request was carried out". Its answer
 * is stored right after, retried a few times with a short backoff (a database that restarts
 * just after the commit usually answers again within seconds).
 *
 * A retry with the same key and the same request gets the stored answer again (same status
 * and body, header `Idempotent-Replayed: true`) and writes nothing; the same key with another
 * request is refused with 422. A claim without an answer is either still being answered (it
 * is younger than IN_FLIGHT_MS, far more than building and storing an answer takes): 409,
 * retry in a moment with the same key; or its answer was lost (older): 409 with code
 * `idempotent_answer_lost` and `committedAt`, saying the request WAS carried out, so the
 * client looks the result up and does not send it again. Neither ever writes a second time.
 * Keys expire after 24 hours: then the key is free and a request with it is carried out as
 * a new one; the portfolio sweep deletes expired keys (purgeExpiredIdempotencyKeys). A
 * request refused before it wrote (4xx) claims nothing, so it can be corrected and sent
 * again with the same key.
 */
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiRequestError, jsonResponse } from "@/lib/http/respond";

export const IDEMPOTENCY_HEADER = "idempotency-key";

/** How long a claim without an answer counts as still being answered (then: answer lost). */
export const IN_FLIGHT_MS = 60_000;

/** The code of the 409 for a request that was carried out but whose answer was lost. */
export const ANSWER_LOST_CODE = "idempotent_answer_lost";

/** Delays between the attempts to store an answer (4 retries, about 4 s in all). */
const STORE_RETRY_DELAYS_MS = [250, 500, 1_000, 2_000];

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
  /** when the key was claimed: just before the write committed */
  claimedAt: Date;
}

/** The live (unexpired) record of a key, if any. */
export async function findIdempotentAnswer(principal: string, key: string, now = new Date()): Promise<StoredAnswer | null> {
  const db = await getDb();
  const row = await db.idempotencyKey.findUnique({
    where: { principal_key: { principal, key } },
    select: { requestHash: true, status: true, response: true, createdAt: true, expiresAt: true },
  });
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return { requestHash: row.requestHash, status: row.status, response: row.response, claimedAt: row.createdAt };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stores the answer of the request that claimed the key (nothing when it claimed none),
 * retrying a failed store after each of STORE_RETRY_DELAYS_MS; throws the last error.
 */
export async function storeIdempotentAnswer(
  principal: string,
  key: string,
  status: number,
  response: unknown,
  delaysMs = STORE_RETRY_DELAYS_MS,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const db = await getDb();
      await db.idempotencyKey.updateMany({ where: { principal, key, status: null }, data: { status, response: response as Prisma.InputJsonValue } });
      return;
    } catch (error) {
      if (attempt >= delaysMs.length) throw error;
      await sleep(delaysMs[attempt]);
    }
  }
}

/** Waits a little for the answer of a request that claimed the key first (a concurrent duplicate). */
export async function awaitIdempotentAnswer(principal: string, key: string, attempts = 20, delayMs = 100): Promise<StoredAnswer | null> {
  for (let i = 0; i < attempts; i++) {
    const found = await findIdempotentAnswer(principal, key);
    if (found?.status != null) return found;
    await sleep(delayMs);
  }
  return findIdempotentAnswer(principal, key);
}

/** The stored answer of an earlier request with the same key, or why it cannot be given. */
export function replayAnswer(earlier: StoredAnswer, requestHash: string, headers: Record<string, string>, now = new Date()): Response {
  if (earlier.requestHash !== requestHash) {
    throw new ApiRequestError("This Idempotency-Key was already used with a different request. Use a new key for a new request.", 422, [
      { path: "Idempotency-Key", message: "Already used with another method, path or body" },
    ]);
  }
  if (earlier.status !== null) return jsonResponse(earlier.response, earlier.status, { ...headers, "Idempotent-Replayed": "true" });
  if (now.getTime() - earlier.claimedAt.getTime() < IN_FLIGHT_MS) {
    throw new ApiRequestError("A request with this Idempotency-Key is still being processed. Retry in a moment with the same key to get its answer.", 409, [], {
      "Retry-After": "1",
    });
  }
  const committedAt = earlier.claimedAt.toISOString();
  const error =
    `The request with this Idempotency-Key was carried out (committed at ${committedAt}), but its answer was not kept. ` +
    "Look the result up instead of sending the request again.";
  return jsonResponse({ error, code: ANSWER_LOST_CODE, committedAt }, 409, headers);
}
