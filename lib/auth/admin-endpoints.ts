/**
 * better-auth's admin plugin answers HTTP calls under /api/auth/admin/*. Drillbook changes
 * roles and accounts through its own server actions, which write the audit log in the same
 * transaction; the plugin's HTTP endpoints would bypass that. So the ones that change
 * accounts are switched off over HTTP (server-side calls such as auth.api.createUser still
 * work), impersonation included: it would record one person's changes under another's name.
 * The one kept, create-user (scripts and the e2e fixtures use it), is audited after the fact.
 * The same goes for the account's own endpoints that change it without an audit event
 * (update-user) or that hand out session tokens (list-sessions).
 */
import "server-only";
import { createAuthMiddleware } from "better-auth/api";
import { recordAccountCreatedOverHttp } from "./mutations";

export const DISABLED_AUTH_PATHS = [
  // a person's name is changed by an admin through the audited users page, not by themselves
  "/update-user",
  // its answer carries every session's raw token; Drillbook has no page that lists sessions
  "/list-sessions",
  "/admin/set-role",
  "/admin/update-user",
  "/admin/ban-user",
  "/admin/unban-user",
  "/admin/impersonate-user",
  "/admin/stop-impersonating",
  "/admin/remove-user",
  "/admin/set-user-password",
  "/admin/revoke-user-session",
  "/admin/revoke-user-sessions",
  // its answer carries the raw session tokens of another person
  "/admin/list-user-sessions",
];

interface CreatedUser {
  id: string;
  email: string;
  name: string;
  role?: string | null;
}

/** After hook: audits an account created through POST /api/auth/admin/create-user. */
export const auditAdminHttpCalls = createAuthMiddleware(async (ctx) => {
  // only HTTP calls: server-side calls come from Drillbook code that audits itself
  if (ctx.path !== "/admin/create-user" || !ctx.request) return;
  const returned = ctx.context.returned as { user?: CreatedUser } | Error | undefined;
  if (!returned || returned instanceof Error || !returned.user) return;
  const actor = ctx.context.session?.user as { id: string; email: string } | undefined;
  const { id, email, name, role } = returned.user;
  await recordAccountCreatedOverHttp(actor ?? null, { id, email, name, role: role ?? null });
});
