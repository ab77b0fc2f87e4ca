/**
 * npm run db:migrate — applies pending migrations to the configured database (DATABASE_URL,
 * or the embedded one in .data/) and prints what it did. The app does the same on start.
 */
import { closeDb, describeDb } from "../lib/db/client";

const db = await describeDb();
console.log(`database: ${db.kind === "pglite" ? `embedded (PGlite) in ${db.location}` : `PostgreSQL at ${db.location}`}`);
console.log(db.report.applied.length ? `applied: ${db.report.applied.join(", ")}` : `up to date (${db.report.alreadyApplied} migrations applied earlier)`);
for (const w of db.report.warnings) console.warn(`warning: ${w}`);
await closeDb();
