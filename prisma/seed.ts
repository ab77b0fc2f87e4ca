/**
 * npm run db:seed — adds the sample data (idempotent) to the configured database. A brand-new
 * database gets it automatically on first start; this is for one that was created empty.
 */
import { closeDb, getDb } from "../lib/db/client";
import { seedSampleData } from "../lib/db/sample-data";

await seedSampleData(await getDb());
console.log("sample data present");
await closeDb();
