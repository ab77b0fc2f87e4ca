/**
 * npm run db:seed -- --demo — adds the demo portfolio (lib/demo; idempotent) to the configured
 * database. A new installation gets it when its first admin account is created; this is for a
 * database that was started with DRILLBOOK_NO_SEED=1 or already had clusters.
 */
import { closeDb, getDb } from "../lib/db/client";
import { seedDemoPortfolio } from "../lib/demo/seed";
import { installBuiltinTemplates } from "../lib/templates/install";

if (!process.argv.includes("--demo")) {
  console.error("usage: npm run db:seed -- --demo   (adds the demo portfolio: eight sample clusters, removable under Admin → Sample data)");
  process.exit(2);
}
const db = await getDb();
// the sample people are user rows: added before the first account, they would skip /setup
if ((await db.user.count()) === 0) {
  console.error("Create the first account at /setup first; a new installation then gets the demo by itself (unless DRILLBOOK_NO_SEED=1).");
  await closeDb();
  process.exit(1);
}
await installBuiltinTemplates(db);
const { clusters } = await seedDemoPortfolio();
console.log(clusters ? `added the demo portfolio: ${clusters} sample clusters` : "the demo portfolio is already there");
await closeDb();
