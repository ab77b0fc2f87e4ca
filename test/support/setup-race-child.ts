/**
 * One "app server" of the cross-process setup race (lib/auth/setup-race-processes.int.test.ts).
 * Opens the database named by DATABASE_URL, warms up (migration check, connection pool,
 * better-auth), prints READY, waits for a line "go" on stdin (the start barrier shared by
 * every process), then fires SETUP_ATTEMPTS first-run setups at once and prints one line
 * `RESULT <json>` saying how each ended. Run as
 * `node --conditions=react-server --import tsx test/support/setup-race-child.ts`.
 */
import { createInterface } from "node:readline";
import { getAuth } from "@/lib/auth/auth";
import { registerFirstAdmin } from "@/lib/auth/accounts";
import { closeDb, getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

export type AttemptResult = { email: string; ok: true } | { email: string; ok: false; name: string; status: number | null; message: string };

const childId = process.env.SETUP_RACE_CHILD ?? String(process.pid);
const attempts = Number(process.env.SETUP_ATTEMPTS ?? "5");

/** Resolves when the parent writes "go"; the process exits if the parent goes away first. */
function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    let started = false;
    const lines = createInterface({ input: process.stdin });
    lines.on("line", (line) => {
      if (line.trim() !== "go") return;
      started = true;
      lines.close();
      resolve();
    });
    lines.on("close", () => {
      if (!started) process.exit(2);
    });
  });
}

async function attempt(i: number): Promise<AttemptResult> {
  const email = `admin-${childId}-${i}@setup.test`;
  try {
    await registerFirstAdmin({ name: `Admin ${childId}.${i}`, email, password: `correct horse battery ${childId}.${i}` });
    return { email, ok: true };
  } catch (error) {
    const e = error as Error;
    return {
      email,
      ok: false,
      name: e?.name ?? typeof error,
      status: error instanceof DomainError ? error.status : null,
      message: e?.message ?? String(error),
    };
  }
}

async function main(): Promise<number> {
  const db = await getDb();
  // open one pooled connection per attempt now, so that none of them is slower to start
  await Promise.all(Array.from({ length: attempts }, () => db.$queryRaw`SELECT 1`));
  await (
    await getAuth()
  ).$context;
  process.stdout.write("READY\n");
  await waitForGo();
  const results = await Promise.all(Array.from({ length: attempts }, (_, i) => attempt(i)));
  process.stdout.write(`RESULT ${JSON.stringify(results)}\n`);
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`[setup-race-child ${childId}]`, error);
} finally {
  await closeDb().catch(() => {});
}
process.exit(code);
