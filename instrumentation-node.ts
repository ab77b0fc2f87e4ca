/**
 * Server start on the Node.js runtime: check the whole configuration (and stop with one clear
 * line per problem when it cannot run), open and migrate the database and install the built-in
 * templates before the first request, tell the person at the terminal where the data lives and
 * where to go, and start the background loops (portfolio sweep; webhook delivery when a URL is
 * configured).
 */
import { configurationProblems, env, publicBaseUrl, type Env } from "./lib/env";

export async function registerNode(): Promise<void> {
  const problems = configurationProblems();
  if (problems) {
    for (const problem of problems) console.error(`[drillbook] configuration error: ${problem}`);
    // Next would otherwise log the failure and keep serving 500s: a server that cannot work stops
    process.exit(1);
  }
  const { describeDb, getDb } = await import("./lib/db/client");
  const prisma = await getDb();
  // the database layer knows no domain: the built-in templates are installed (or upgraded,
  // idempotently) here, on every start, before the first request
  const { installBuiltinTemplates } = await import("./lib/templates/install");
  await installBuiltinTemplates(prisma);
  // data migration (idempotent): drill evidence is dated by the drill's start
  const { redateDrillEvidence } = await import("./lib/evidence/redate");
  const redated = await redateDrillEvidence();
  if (redated.evidence) console.log(`[drillbook] re-dated ${redated.evidence} drill evidence to their drills' start (${redated.clusters} clusters, audited)`);
  const db = await describeDb();
  const where =
    db.kind === "pglite" ? `embedded PostgreSQL (PGlite) in ${db.location} — set DATABASE_URL to use a PostgreSQL server` : `PostgreSQL at ${db.location}`;
  console.log(`[drillbook] database: ${where}`);
  if (db.report.applied.length) console.log(`[drillbook] applied migrations: ${db.report.applied.join(", ")}`);
  for (const warning of db.report.warnings) console.warn(`[drillbook] ${warning}`);
  const { url, source } = publicBaseUrl();
  const note = source === "BETTER_AUTH_URL" ? " (the public URL set in BETTER_AUTH_URL)" : "";
  if ((await prisma.user.count()) === 0) {
    console.log(`[drillbook] no accounts yet: open ${url}/setup${note} to create the first (admin) account`);
  } else {
    console.log(`[drillbook] sign in at ${url}/sign-in${note}`);
  }
  await startBackgroundJobs(env());
}

async function startBackgroundJobs(settings: Env) {
  if (settings.DRILLBOOK_SWEEP_INTERVAL_SECONDS > 0) {
    const { startPortfolioSweep } = await import("./lib/portfolio/sweep");
    startPortfolioSweep(settings.DRILLBOOK_SWEEP_INTERVAL_SECONDS);
  }
  if (settings.DRILLBOOK_CHECK_INTERVAL_SECONDS > 0) {
    const { startCheckRunner } = await import("./lib/checks/runner");
    startCheckRunner(settings.DRILLBOOK_CHECK_INTERVAL_SECONDS);
  }
  if (settings.DRILLBOOK_WEBHOOK_URL) {
    const { startWebhookWorker } = await import("./lib/webhooks/worker");
    startWebhookWorker(settings.DRILLBOOK_WEBHOOK_URL);
    // the URL itself is a secret (Slack puts the token in its path): say only that it is on
    console.log("[drillbook] webhook notifications: on");
  }
}
