/** Sign-in, sign-out and first-run setup, on top of better-auth. */
import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { writeTransaction } from "@/lib/write/transaction";
import { DomainError } from "@/lib/errors";
import { getAuth } from "./auth";
import { SSO_PROVIDER_ID } from "./sso";

/** Whether nobody has an account yet (the app then offers the first-run setup page). */
export async function needsSetup(): Promise<boolean> {
  return (await (await getDb()).user.count()) === 0;
}

/** Signs in with email and password; the session cookie is set on the response. */
export async function signInWithPassword(email: string, password: string): Promise<void> {
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    const status = (error as { statusCode?: number; status?: number | string }).statusCode;
    if (status === 401 || status === 403 || status === 400) {
      throw new DomainError("That email and password do not match an account.", { password: ["Check your email and password"] }, 401);
    }
    if (status === 429) throw new DomainError("Too many attempts. Wait a minute and try again.", {}, 429);
    throw error;
  }
}

/**
 * Starts a single sign-on: better-auth stores the state and PKCE verifier (its cookie is
 * set on this response) and returns the identity provider's authorization URL.
 */
export async function startSsoSignIn(next: string): Promise<string> {
  const auth = await getAuth();
  try {
    const result = await auth.api.signInSocial({
      body: { provider: SSO_PROVIDER_ID, callbackURL: next, errorCallbackURL: "/sign-in", disableRedirect: true },
      headers: await headers(),
    });
    if (!result || !("url" in result) || !result.url) throw new Error("no authorization URL");
    return result.url;
  } catch (error) {
    console.error("[auth] single sign-on could not start:", (error as Error).message);
    throw new DomainError("The identity provider cannot be reached right now. Try again in a minute, or sign in with your password.", {}, 502);
  }
}

export async function signOut(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
}

/** Advisory lock key of the first-run setup (distinct from the app's other lock keys). */
export const SETUP_LOCK_KEY = 4_242_201;

/** The two refusals of a setup (both 409): the installation has an account, or a setup is under way. */
export const ALREADY_SET_UP = "Drillbook is already set up. Sign in instead.";
export const SETUP_IN_PROGRESS = "Someone else is completing the setup right now. Sign in once they are done.";

/**
 * Creates the first account, as admin, then signs it in. Refused once any account exists;
 * of any number of setups arriving at once, on one app server or several, exactly one
 * succeeds (see registerFirstAdmin).
 */
export async function createFirstAdmin(input: { name: string; email: string; password: string }): Promise<void> {
  await registerFirstAdmin(input);
  await signInWithPassword(input.email, input.password);
}

/** Embedded database only: whether this process is running a setup (see registerFirstAdmin). */
let embeddedSetupRunning = false;

/**
 * The atomic part of createFirstAdmin: creates the admin account, or refuses with 409.
 *
 * On PostgreSQL the database itself guarantees a single admin, across app servers: one
 * transaction takes a transaction-scoped advisory lock (pg_try_advisory_xact_lock, so a
 * second setup is refused at once rather than queued), checks that no account exists, and
 * inserts the user, its password and the audit event. PostgreSQL releases the lock when that
 * transaction ends and never earlier, so no second setup gets past the lock before the first
 * has committed or rolled back, and the next one to get it sees the committed account.
 * The user and its credential account are inserted here rather than through better-auth's
 * createUser, because better-auth writes in a transaction of its own that could not hold the
 * lock and the check; the password is hashed by better-auth's configured hasher, so sign-in
 * reads it as usual.
 *
 * The embedded database (PGlite) belongs to a single process and has a single session, and a
 * session never conflicts with its own advisory lock, so there the in-process flag is the
 * guard: no other process can open that database (lib/db/pglite-lock.ts).
 */
export async function registerFirstAdmin(input: { name: string; email: string; password: string }): Promise<void> {
  // quick refusal without a transaction; the check that counts is the one under the lock
  if (!(await needsSetup())) throw new DomainError(ALREADY_SET_UP, {}, 409);
  const embedded = !env().DATABASE_URL;
  if (embedded && embeddedSetupRunning) throw new DomainError(SETUP_IN_PROGRESS, {}, 409);
  if (embedded) embeddedSetupRunning = true;
  try {
    const auth = await getAuth();
    const context = await auth.$context;
    await writeTransaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SETUP_LOCK_KEY}) AS locked`;
      if (!lock?.locked) throw new DomainError(SETUP_IN_PROGRESS, {}, 409);
      if ((await tx.user.count()) > 0) throw new DomainError(ALREADY_SET_UP, {}, 409);
      // hashed under the lock, so refused setups never spend the time
      const password = await context.password.hash(input.password);
      const email = input.email.toLowerCase();
      const userId = context.generateId({ model: "user" }) || randomUUID();
      await tx.user.create({ data: { id: userId, name: input.name, email, role: "admin" } });
      await tx.account.create({
        data: { id: context.generateId({ model: "account" }) || randomUUID(), accountId: userId, providerId: "credential", userId, password },
      });
      await recordAudit(tx, {
        actor: { system: "first-run setup" },
        action: "create",
        entityType: "user",
        entityId: userId,
        after: { email, name: input.name, role: "admin" },
      });
    });
  } finally {
    if (embedded) embeddedSetupRunning = false;
  }
}
