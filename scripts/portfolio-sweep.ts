/**
 * npm run portfolio:sweep — runs one portfolio sweep now against the configured database
 * (DATABASE_URL, or the embedded one; stop the app first when it uses the embedded one) and
 * prints what changed. The app also sweeps on its own every DRILLBOOK_SWEEP_INTERVAL_SECONDS.
 * Safe next to running app servers on PostgreSQL: the advisory lock lets one sweeper run.
 */
import { closeDb } from "../lib/db/client";
import { runPortfolioSweep } from "../lib/portfolio/sweep";

try {
  const result = await runPortfolioSweep();
  if (!result.ran) console.log("another server is sweeping right now; nothing done");
  else {
    console.log(
      `refreshed ${result.refreshed} cluster(s) in ${result.durationMs} ms: ${result.regressed.length} regressed, ` +
        `${result.busy} busy (retried next time), ${result.failed} failed`,
    );
  }
  process.exitCode = result.failed ? 1 : 0;
} finally {
  await closeDb();
}
