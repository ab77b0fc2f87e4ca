/**
 * Who is calling the API. Two ways in:
 * - `Authorization: Bearer dbk_…` — an API token: looked up by its SHA-256; unknown, revoked
 *   and expired tokens get 401. The request then acts as the token's creator (audit shows
 *   "<creator> via API token <prefix>"), limited to the token's scopes AND to what the
 *   creator's role allows now, so demoting a person also narrows their tokens.
 * - the session cookie of a signed-in user — for reading only (GET): handy for people
 *   exploring the API from the browser. Writes need a token, so a browser session can
 *   never be turned into an API write by another site.
 */
import "server-only";
import { getUserFromHeaders, type CurrentUser } from "@/lib/auth/session";
import { can, ROLE_LABELS, type Permission } from "@/lib/access/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { hashApiToken, looksLikeApiToken } from "@/lib/tokens/rules";
import { scopeFor, scopesAllow } from "@/lib/tokens/scopes";
import { findTokenByHash } from "@/lib/tokens/queries";
import { markApiTokenUsed } from "@/lib/tokens/mutations";

export interface ApiCaller {
  user: CurrentUser;
  kind: "token" | "session";
  /** the rate-limit bucket */
  rateKey: string;
}

const INVALID = "This API token is not valid.";

/** Authenticates the request (401 when it cannot). */
export async function authenticateApiRequest(request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!match) throw new UnauthenticatedError("Send the token as: Authorization: Bearer <token>.");
    return authenticateToken(match[1]);
  }
  const user = await getUserFromHeaders(request.headers);
  if (!user) throw new UnauthenticatedError("Authenticate with an API token: Authorization: Bearer <token>.");
  return { kind: "session", rateKey: `user:${user.id}`, user };
}

/** The caller an API token stands for (401 when it is unknown, revoked or expired). */
export async function authenticateToken(token: string): Promise<ApiCaller> {
  if (!looksLikeApiToken(token)) throw new UnauthenticatedError(INVALID);
  const found = await findTokenByHash(hashApiToken(token));
  if (!found || found.creator.banned) throw new UnauthenticatedError(INVALID);
  if (found.token.state === "revoked") throw new UnauthenticatedError("This API token was revoked.");
  if (found.token.state === "expired") throw new UnauthenticatedError("This API token has expired.");
  await markApiTokenUsed(found.token.id);
  const { token: t, creator } = found;
  return {
    kind: "token",
    rateKey: `token:${t.id}`,
    user: {
      id: creator.id,
      name: creator.name,
      email: creator.email,
      role: creator.role,
      apiToken: { id: t.id, prefix: t.prefix, name: t.name, scopes: t.scopes },
    },
  };
}

/** Refuses (403) a caller that may not use `permission` with this method. */
export function authorizeApiCaller(caller: ApiCaller, permission: Permission, method: string): void {
  const { user } = caller;
  if (caller.kind === "session" && method !== "GET") {
    throw new ForbiddenError("A browser session can only read through the API; use an API token to write.");
  }
  if (user.apiToken && !scopesAllow(user.apiToken.scopes, permission)) {
    const scope = scopeFor(permission);
    throw new ForbiddenError(`This token lacks the scope needed here${scope ? ` (“${scope}”)` : ""}.`);
  }
  if (!can(user.role, permission)) {
    throw new ForbiddenError(
      user.apiToken ? `The token's creator (now ${ROLE_LABELS[user.role]}) may no longer do this, so neither may the token.` : "Your role does not allow this.",
    );
  }
}
