/** Sign-in, sign-out and first-run setup, on top of better-auth. */
import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { runExclusively } from "@/lib/db/advisory-lock";
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

const ALREADY_SET_UP = "Drillbook is already set up. Sign in instead.";

/**
 * Creates the first account, as admin, then signs it in. Refused once any account exists.
 * The check and the creation are one atomic step across app servers: they run under a
 * PostgreSQL advisory lock (better-auth creates the user through its own queries, so a
 * transaction of ours cannot hold both), and a second setup arriving meanwhile is refused
 * at once rather than queued behind the first.
 */
export async function createFirstAdmin(input: { name: string; email: string; password: string }): Promise<void> {
  await registerFirstAdmin(input);
  await signInWithPassword(input.email, input.password);
}

/** The atomic part of createFirstAdmin: creates the admin account, or refuses with 409. */
export async function registerFirstAdmin(input: { name: string; email: string; password: string }): Promise<void> {
  const run = await runExclusively(SETUP_LOCK_KEY, async () => {
    if (!(await needsSetup())) throw new DomainError(ALREADY_SET_UP, {}, 409);
    const auth = await getAuth();
    // server-side call without headers: better-auth's admin plugin allows it (there is no session yet)
    const result = await auth.api.createUser({ body: { ...input, role: "admin" } });
    await writeTransaction((tx) =>
      recordAudit(tx, {
        actor: { system: "first-run setup" },
        action: "create",
        entityType: "user",
        entityId: result.user.id,
        after: { email: input.email, name: input.name, role: "admin" },
      }),
    );
  });
  if (!run.ran) throw new DomainError("Someone else is completing the setup right now. Sign in once they are done.", {}, 409);
}
