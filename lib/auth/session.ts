/**
 * Who is asking, and may they? Used by every page, server action and route handler.
 */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { originRefusal } from "@/lib/http/request-guard";
import { getAuth } from "./auth";
import { can, toRole, type Permission } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/access/current-user";

export type { CurrentUser };

/** The signed-in user for the given request headers, or null. */
export async function getUserFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string | null; banned?: boolean | null };
  if (user.banned) return null;
  return { id: user.id, name: user.name, email: user.email, role: toRole(user.role) };
}

/**
 * A server-action call (it carries a Next-Action header) made with the session cookie must
 * come from Drillbook's own pages: checked here as well as in proxy.ts, because actions
 * must not rely on a proxy for their safety.
 */
export function assertActionOrigin(requestHeaders: Headers): void {
  if (!requestHeaders.has("next-action")) return;
  const refusal = originRefusal("POST", "/", requestHeaders);
  if (refusal) throw new ForbiddenError(refusal.message);
}

/** The signed-in user of the current request (server components and actions), or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const requestHeaders = await headers();
  assertActionOrigin(requestHeaders);
  return getUserFromHeaders(requestHeaders);
}

/** For actions and route handlers: the user, or an UnauthenticatedError / ForbiddenError. */
export async function requirePermission(permission: Permission, requestHeaders?: Headers): Promise<CurrentUser> {
  const user = requestHeaders ? await getUserFromHeaders(requestHeaders) : await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (!can(user.role, permission)) throw new ForbiddenError();
  return user;
}

/** For pages: redirect to sign-in when signed out; render the 403 page when not allowed. */
export async function requirePagePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!can(user.role, permission)) redirect("/forbidden");
  return user;
}
