/**
 * Test helper (integration tests only): a real better-auth account with a password, signed
 * in through better-auth, returning the Cookie header its browser would send.
 */
import { randomUUID } from "node:crypto";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/access/permissions";

export interface SignedInUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  /** "better-auth.session_token=…" */
  cookie: string;
  /** the raw Set-Cookie header of the sign-in answer */
  setCookie: string;
}

export async function signedInUser(role: Role): Promise<SignedInUser> {
  const auth = await getAuth();
  const email = `${role}-${randomUUID().slice(0, 8)}@test.drillbook`;
  const password = `pw-${randomUUID()}`;
  const { user } = await auth.api.createUser({ body: { email, password, name: `${role} person`, role } });
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const setCookie = headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0];
  if (!cookie.includes("session_token=")) throw new Error(`sign-in set no session cookie: ${setCookie}`);
  return { id: user.id, email, password, role, cookie, setCookie };
}
