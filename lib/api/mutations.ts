/**
 * Per-caller rate limiting of the JSON API: a sliding-window counter in PostgreSQL, so every
 * app server behind a load balancer counts against the same limit. One UPSERT per request
 * increments the caller's row for the current window (windows are aligned on the database
 * clock, so servers with skewed clocks still agree). A request is allowed while the current
 * window's count plus the previous window's, weighted by how much of it still lies within the
 * last `windowSeconds`, stays within the limit: with fixed windows alone a caller could send
 * twice the limit across a window boundary (and the e2e burst that straddled one was let
 * through). This is the approximation Cloudflare describes for its limiter; written here
 * because it has to count in the shared database, not in one process's memory. The first
 * request of a window deletes that caller's rows older than the previous window, which keeps
 * the table at about two rows per active caller.
 */
import "server-only";
import { getDb } from "@/lib/db/client";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** allowed: seconds until the current window ends; refused: seconds until a request would be allowed again */
  resetSeconds: number;
}

/** The weighted count and, when over the limit, the wait, from the two windows' counts (pure). */
export function slidingWindow(input: { previous: number; current: number; elapsed: number; limit: number; windowSeconds: number }) {
  const { previous, current, elapsed, limit, windowSeconds: w } = input;
  const estimate = previous * (1 - elapsed / w) + current;
  if (estimate <= limit) return { allowed: true, remaining: Math.max(0, Math.floor(limit - estimate)), wait: w - elapsed };
  // the next request is allowed once the weighted count with it stays within the limit:
  // later in this window (the previous window's weight falls), or in the next one (this one's does)
  const sameWindow = previous > 0 && current + 1 <= limit ? w * (1 - (limit - current - 1) / previous) - elapsed : Infinity;
  const nextWindow = w - elapsed + (current > limit - 1 ? w * (1 - (limit - 1) / current) : 0);
  return { allowed: false, remaining: 0, wait: Math.min(sameWindow < w - elapsed ? sameWindow : Infinity, nextWindow) };
}

/**
 * Counts one request for `key` ("token:<id>" or "user:<id>") and says whether it is allowed.
 * `at` replaces the database clock (tests only).
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number, at?: Date): Promise<RateLimitResult> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ count: number; previous: number; window_epoch: number; now_epoch: number }[]>`
    WITH clock AS (SELECT COALESCE(${at ?? null}::timestamptz, clock_timestamp()) AS now),
    upsert AS (
      INSERT INTO "api_rate_limit" ("key", "windowStart", "count")
      SELECT ${key}, to_timestamp(floor(extract(epoch FROM clock.now) / ${windowSeconds}::int) * ${windowSeconds}::int) AT TIME ZONE 'UTC', 1 FROM clock
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "api_rate_limit"."count" + 1
      RETURNING "count", "windowStart"
    )
    SELECT upsert."count",
      COALESCE((SELECT p."count" FROM "api_rate_limit" p
                WHERE p."key" = ${key} AND p."windowStart" = upsert."windowStart" - make_interval(secs => ${windowSeconds}::int)), 0) AS previous,
      extract(epoch FROM (upsert."windowStart" AT TIME ZONE 'UTC'))::float8 AS window_epoch,
      extract(epoch FROM clock.now)::float8 AS now_epoch
    FROM upsert, clock`;
  const windowEpoch = Number(row.window_epoch);
  if (row.count === 1) {
    await db.$executeRaw`DELETE FROM "api_rate_limit" WHERE "key" = ${key} AND "windowStart" < to_timestamp(${windowEpoch - windowSeconds}::float8) AT TIME ZONE 'UTC'`;
  }
  const result = slidingWindow({
    previous: Number(row.previous),
    current: Number(row.count),
    elapsed: Number(row.now_epoch) - windowEpoch,
    limit,
    windowSeconds,
  });
  return { allowed: result.allowed, limit, remaining: result.remaining, resetSeconds: Math.max(1, Math.ceil(result.wait)) };
}
