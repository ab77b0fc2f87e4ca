/**
 * First-run setup cannot be raced: 20 setups submitted at once on an empty database create
 * exactly one admin (8 concurrent submissions used to create 8); the others are refused
 * with 409 and write nothing. Once from one process (on PostgreSQL each setup there runs in
 * its own transaction on its own connection, so the database lock is what refuses them), and
 * once from separate processes, as separate app servers would (PostgreSQL only).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { verifyAuditLogAsSystem } from "@/lib/audit/queries";
import { DomainError } from "@/lib/errors";
import type { AttemptResult } from "@/test/support/setup-race-child";
import { getAuth } from "./auth";
import { ALREADY_SET_UP, registerFirstAdmin, SETUP_IN_PROGRESS } from "./accounts";

const REFUSALS = [ALREADY_SET_UP, SETUP_IN_PROGRESS];

/** Exactly one admin, with one password, one audit event, and an intact audit chain. */
async function expectOneAdmin(email: string) {
  const db = await getDb();
  const users = await db.user.findMany();
  expect(users.map((u) => [u.email, u.role])).toEqual([[email, "admin"]]);
  expect(await db.account.count({ where: { userId: users[0].id, providerId: "credential" } })).toBe(1);
  expect(await db.account.count()).toBe(1);
  const events = await db.auditEvent.findMany({ where: { entityType: "user", action: "create" } });
  expect(events.map((e) => e.entityId)).toEqual([users[0].id]);
  expect((await verifyAuditLogAsSystem()).ok).toBe(true);
}

describe("first-run setup", () => {
  it("creates exactly one admin when 20 setups arrive at once", async () => {
    const db = await getDb();
    const input = (i: number) => ({ name: `Admin ${i}`, email: `admin${i}@setup.test`, password: `correct horse battery ${i}` });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => registerFirstAdmin(input(i))));
    const ok = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).status).toBe(409);
      expect(REFUSALS).toContain((r.reason as DomainError).message);
    }
    await expectOneAdmin(input(ok[0]).email);

    // the admin signs in with the password better-auth stored for it
    const { user } = await (await getAuth()).api.signInEmail({ body: { email: input(ok[0]).email, password: input(ok[0]).password } });
    expect(user.email).toBe(input(ok[0]).email);

    // and once set up, a late setup is refused too
    await expect(registerFirstAdmin({ name: "Late", email: "late@setup.test", password: "correct horse battery late" })).rejects.toMatchObject({
      status: 409,
      message: ALREADY_SET_UP,
    });
    expect(await db.user.count()).toBe(1);
  }, 60_000);
});

const databaseUrl = inject("databaseUrl");
const PROCESSES = 4;
const ATTEMPTS_PER_PROCESS = 5;
const CHILD_SCRIPT = path.resolve("test/support/setup-race-child.ts");

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  results: Promise<AttemptResult[]>;
}

/** Starts one "app server" (test/support/setup-race-child.ts) on the run's database. */
function startChild(id: number, secret: string): Child {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD_SCRIPT], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl!,
      BETTER_AUTH_SECRET: secret,
      DRILLBOOK_NO_SEED: "1",
      SETUP_RACE_CHILD: String(id),
      SETUP_ATTEMPTS: String(ATTEMPTS_PER_PROCESS),
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let onReady: () => void;
  let onResults: (results: AttemptResult[]) => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const results = new Promise<AttemptResult[]>((resolve) => (onResults = resolve));
  // "close", not "exit": it comes after the last of the output has been read
  const exited = new Promise<never>((_, reject) =>
    child.on("close", (code, signal) => reject(new Error(`setup process ${id} ended (${signal ?? code}) early:\n${stdout}\n${stderr}`))),
  );
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  let pending = "";
  child.stdout!.on("data", (chunk) => {
    stdout += chunk;
    const lines = (pending + chunk).split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === "READY") onReady();
      if (line.startsWith("RESULT ")) onResults(JSON.parse(line.slice("RESULT ".length)));
    }
  });
  // whichever comes first: the awaited line, or the process ending without it
  const guard = <T>(p: Promise<T>) => Promise.race([p, exited]);
  exited.catch(() => {});
  return { process: child, ready: guard(ready), results: guard(results) };
}

describe.skipIf(!databaseUrl)("first-run setup across app servers (PostgreSQL)", () => {
  const children: Child[] = [];

  afterEach(() => {
    for (const child of children.splice(0)) {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGKILL");
    }
  });

  it(`creates exactly one admin when ${PROCESSES} processes fire ${ATTEMPTS_PER_PROCESS} setups each at the same moment`, async () => {
    const secret = randomBytes(32).toString("base64url");
    for (let id = 1; id <= PROCESSES; id++) children.push(startChild(id, secret));
    // start barrier: every process has opened its connections before any setup is sent
    await Promise.all(children.map((c) => c.ready));
    for (const child of children) child.process.stdin!.write("go\n");
    const results = (await Promise.all(children.map((c) => c.results))).flat();

    expect(results).toHaveLength(PROCESSES * ATTEMPTS_PER_PROCESS);
    const ok = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(PROCESSES * ATTEMPTS_PER_PROCESS - 1);
    for (const r of refused) {
      // the documented refusal, never a crash
      expect(r).toMatchObject({ name: "DomainError", status: 409 });
      expect(REFUSALS).toContain(r.message);
    }
    await expectOneAdmin(ok[0].email);
  }, 120_000);
});
