/**
 * The portfolio sweep: staleness, expired exemptions and lapsed conditions change outcomes
 * without anybody writing, so a periodic job refreshes every cluster whose
 * `nextSignalChangeAt` (kept by refreshClusterSignals) has passed, and records each approval
 * condition that lapsed (its approval turns back to "changes requested"). One runner at a time
 * across app servers (PostgreSQL advisory lock); also available as `npm run portfolio:sweep`.
 */
import "server-only";
import { runExclusively } from "@/lib/db/advisory-lock";
import { purgeExpiredIdempotencyKeys } from "@/lib/write/transaction";
import { findClustersDue, findClustersWithLapsedConditions, refreshClusterForSweep } from "./mutations";

/** Advisory lock key of the sweep (any constant distinct from the app's other lock keys). */
export const SWEEP_LOCK_KEY = 4_242_101;
const BATCH_SIZE = 100;
/** Upper bound per run so one sweep cannot run for ever; the rest waits for the next run. */
const MAX_CLUSTERS_PER_RUN = 5_000;

export interface SweepResult {
  /** false when another runner held the lock. */
  ran: boolean;
  refreshed: number;
  regressed: string[];
  busy: number;
  failed: number;
  durationMs: number;
}

/** Runs one sweep now (skipped when another server is sweeping). */
export async function runPortfolioSweep(now: Date = new Date()): Promise<SweepResult> {
  const started = Date.now();
  const run = await runExclusively(SWEEP_LOCK_KEY, async () => {
    // refreshed clusters move their boundary into the future; the others stay due, so skip them in this run
    const skipped: string[] = [];
    let processed = 0;
    const result = { refreshed: 0, regressed: [] as string[], busy: 0, failed: 0 };
    const lapsing = new Set(await findClustersWithLapsedConditions(now, BATCH_SIZE, skipped));
    while (processed < MAX_CLUSTERS_PER_RUN) {
      const due = [...new Set([...lapsing, ...(await findClustersDue(now, BATCH_SIZE, [...skipped, ...lapsing]))])];
      lapsing.clear();
      if (due.length === 0) break;
      for (const id of due) {
        processed += 1;
        try {
          const outcome = await refreshClusterForSweep(id, now);
          if (outcome === "busy") {
            result.busy += 1;
            skipped.push(id);
          } else if (outcome !== "gone") result.refreshed += 1;
          if (outcome === "regressed") result.regressed.push(id);
        } catch (error) {
          // one broken cluster must not stop the others; it stays due and is retried next time
          result.failed += 1;
          skipped.push(id);
          console.error(`[sweep] refreshing cluster ${id} failed`, error);
        }
      }
    }
    // expired Idempotency-Keys are no use to anyone: drop them while we are here
    await purgeExpiredIdempotencyKeys(now).catch((error) => console.error("[sweep] purging expired idempotency keys failed", error));
    return result;
  });
  const durationMs = Date.now() - started;
  if (!run.ran) return { ran: false, refreshed: 0, regressed: [], busy: 0, failed: 0, durationMs };
  return { ran: true, ...run.value, durationMs };
}

/** Starts the periodic sweep (from instrumentation). Returns a stop function. */
export function startPortfolioSweep(intervalSeconds: number): () => void {
  const tick = () => {
    runPortfolioSweep()
      .then((r) => {
        if (r.ran && (r.refreshed || r.failed)) {
          console.log(`[sweep] refreshed ${r.refreshed} cluster(s), ${r.regressed.length} regressed, ${r.busy} busy, ${r.failed} failed in ${r.durationMs} ms`);
        }
      })
      .catch((error) => console.error("[sweep] failed", error));
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, intervalSeconds * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
