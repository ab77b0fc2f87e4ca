/**
 * Single-runner guard for periodic jobs across app servers: a PostgreSQL session-level
 * advisory lock taken with pg_try_advisory_lock on a dedicated connection (a pooled
 * connection could hand the unlock to a different session). If the process dies, the
 * connection closes and PostgreSQL releases the lock. The embedded database belongs to a
 * single process (see pglite-lock.ts), so there the in-process guard alone suffices.
 * Not for a check-then-write that must be atomic (the first-run setup): the lock is held on
 * a connection other than the write's, and is lost if that connection drops while `fn` runs.
 * Take pg_try_advisory_xact_lock inside the write's own transaction instead
 * (lib/auth/accounts.ts).
 */
import pg from "pg";
import { env } from "@/lib/env";

const running = new Set<number>();

export type LockedRun<T> = { ran: true; value: T } | { ran: false };

/** Runs `fn` unless another process (or this one) already runs the job with the same key. */
export async function runExclusively<T>(key: number, fn: () => Promise<T>): Promise<LockedRun<T>> {
  if (running.has(key)) return { ran: false };
  running.add(key);
  try {
    const url = env().DATABASE_URL;
    if (!url) return { ran: true, value: await fn() };
    const client = new pg.Client({ connectionString: url, application_name: "drillbook-job-lock" });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key]);
      if (!rows[0]?.locked) return { ran: false };
      try {
        return { ran: true, value: await fn() };
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
      }
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    running.delete(key);
  }
}
