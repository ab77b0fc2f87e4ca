/**
 * npm run report:verify -- report.json
 * Checks a JSON readiness report against the configured database (DATABASE_URL, or the
 * embedded one): whether its content is intact and which scorecard version and sign-offs it
 * matches (lib/reports/verify.ts). Exit code 0 when it matches, 1 when not, 2 on bad input.
 */
import { readFileSync } from "node:fs";
import { closeDb } from "../lib/db/client";
import { reportToVerifySchema, verifyReportContent } from "../lib/reports/verify";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run report:verify -- report.json   (a readiness report downloaded as JSON)");
  process.exit(2);
}
let json: unknown;
try {
  json = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`✗ ${file} is not a readable JSON file: ${(error as Error).message}`);
  process.exit(2);
}
// the API wraps the report in { data }; the download is the report itself
const candidate = json && typeof json === "object" && "data" in json ? (json as { data: unknown }).data : json;
const parsed = reportToVerifySchema.safeParse(candidate);
if (!parsed.success) {
  console.error(`✗ ${file} is not a Drillbook readiness report: ${parsed.error.issues[0].message}`);
  process.exit(2);
}
const result = await verifyReportContent(parsed.data);
await closeDb();
console.log(`${result.matches ? "✓" : "✗"} ${result.message}`);
if (result.difference && result.matches) console.log(`  since then: ${result.difference}`);
console.log(`  content SHA-256 ${result.contentHash}`);
process.exit(result.matches ? 0 : 1);
