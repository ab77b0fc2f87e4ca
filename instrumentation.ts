/**
 * Runs once when a server starts: open (and migrate) the database before the first request,
 * tell the person at the terminal where the data lives and how to sign in, and start the
 * background loops (portfolio sweep; webhook delivery when a URL is configured).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { describeDb, getDb } = await import("./lib/db/client");
  const { env } = await import("./lib/env");
  await getDb();
  const db = await describeDb();
  const where =
    db.kind === "pglite"
      ? `embedded PostgreSQL (PGlite) in ${db.location} — set DATABASE_URL to use a PostgreSQL server`
      : `PostgreSQL at ${db.location}`;
  console.log(`[drillbook] database: ${where}`);
  if (db.report.applied.length) console.log(`[drillbook] applied migrations: ${db.report.applied.join(", ")}`);
  for (const warning of db.report.warnings) console.warn(`[drillbook] ${warning}`);
  const prisma = await getDb();
  const base = env().BETTER_AUTH_URL ?? "http://localhost:3000";
  if ((await prisma.user.count()) === 0) {
    console.log(`[drillbook] no accounts yet: open ${base}/setup to create the first (admin) account`);
  } else {
    console.log(`[drillbook] sign in at ${base}/sign-in`);
  }
  await startBackgroundJobs(env());
}

async function startBackgroundJobs(settings: import("./lib/env").Env) {
  if (settings.DRILLBOOK_SWEEP_INTERVAL_SECONDS > 0) {
    const { startPortfolioSweep } = await import("./lib/portfolio/sweep");
    startPortfolioSweep(settings.DRILLBOOK_SWEEP_INTERVAL_SECONDS);
  }
  if (settings.DRILLBOOK_WEBHOOK_URL) {
    const { startWebhookWorker } = await import("./lib/webhooks/worker");
    startWebhookWorker(settings.DRILLBOOK_WEBHOOK_URL);
    // the URL itself is a secret (Slack puts the token in its path): say only that it is on
    console.log("[drillbook] webhook notifications: on");
  }
}
