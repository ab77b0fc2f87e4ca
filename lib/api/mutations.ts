/**
 * Per-caller rate limiting of the JSON API: a fixed-window counter in PostgreSQL, so every
 * app server behind a load balancer counts against the same limit. One UPSERT per request
 * increments the caller's row for the current window (windows are aligned on the database
 * clock, so servers with skewed clocks still agree); the first request of a window deletes
 * that caller's older rows, which keeps the table at about one row per active caller.
 */
import "server-only";
import { getDb } from "@/lib/db/client";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** seconds until the window resets */
  resetSeconds: number;
}

/** Counts one request for `key` ("token:<id>" or "user:<id>") and says whether it is allowed. */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ count: number; window_epoch: number; now_epoch: number }[]>`
    INSERT INTO "api_rate_limit" ("key", "windowStart", "count")
    VALUES (
      ${key},
      to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${windowSeconds}::int) * ${windowSeconds}::int) AT TIME ZONE 'UTC',
      1
    )
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "api_rate_limit"."count" + 1
    RETURNING "count",
      extract(epoch FROM ("windowStart" AT TIME ZONE 'UTC'))::float8 AS window_epoch,
      extract(epoch FROM clock_timestamp())::float8 AS now_epoch`;
  if (row.count === 1) {
    await db.$executeRaw`DELETE FROM "api_rate_limit" WHERE "key" = ${key} AND "windowStart" < to_timestamp(${row.window_epoch}::float8) AT TIME ZONE 'UTC'`;
  }
  const resetSeconds = Math.max(1, Math.ceil(Number(row.window_epoch) + windowSeconds - Number(row.now_epoch)));
  return { allowed: row.count <= limit, limit, remaining: Math.max(0, limit - row.count), resetSeconds };
}
