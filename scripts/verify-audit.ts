/**
 * npm run audit:verify — checks the audit log's hash chain in the configured database
 * (DATABASE_URL, or the embedded one in .data/). Exits 1 at the first broken link, naming
 * the event; prints the head seq and hash otherwise, which you can keep somewhere else to
 * notice later if the newest events are ever removed.
 */
import { closeDb } from "../lib/db/client";
import { verifyAuditLogAsSystem } from "../lib/audit/queries";

const started = Date.now();
let code = 0;
try {
  const result = await verifyAuditLogAsSystem();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.ok) {
    console.log(`audit chain intact: ${result.checked} events verified in ${seconds} s`);
    if (result.headSeq) console.log(`head: event #${result.headSeq}, hash ${result.headHash}`);
  } else {
    console.error(`audit chain BROKEN at event #${result.broken?.seq}: ${result.broken?.message}`);
    console.error(`${result.checked} events checked; the last intact event is ${result.headSeq ? `#${result.headSeq}` : "none (the first event is broken)"}`);
    code = 1;
  }
} catch (error) {
  console.error(`audit verification failed to run: ${(error as Error).message}`);
  code = 2;
} finally {
  await closeDb();
}
process.exit(code);
