/**
 * A new installation shows the demo portfolio: right after the first admin account is created,
 * unless DRILLBOOK_NO_SEED is set or the database already has clusters (then it is not new).
 * A failure here must not spoil the setup that just succeeded: it is logged and the admin
 * starts with an empty portfolio (and can add the demo with `npm run db:seed -- --demo`).
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { seedDemoPortfolio } from "./seed";

export async function addDemoOnFirstRun(): Promise<void> {
  if (env().DRILLBOOK_NO_SEED) return;
  try {
    const db = await getDb();
    if ((await db.cluster.count()) > 0) return;
    const started = Date.now();
    const { clusters } = await seedDemoPortfolio();
    console.log(
      `[drillbook] added the demo portfolio (${clusters} sample clusters) in ${((Date.now() - started) / 1000).toFixed(1)} s; Admin → Sample data removes it`,
    );
  } catch (error) {
    console.error("[drillbook] could not add the demo portfolio:", error);
  }
}
