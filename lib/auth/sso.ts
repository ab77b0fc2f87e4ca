/**
 * OpenID Connect single sign-on, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are
 * set: better-auth's generic OAuth plugin with discovery (<issuer>/.well-known/openid-configuration)
 * and ID tokens verified against the issuer's keys.
 *
 * Roles: with OIDC_ROLE_CLAIM set, the claim decides the role on every SSO sign-in (the
 * identity provider is the source of truth; unknown values → OIDC_DEFAULT_ROLE). Without
 * it, a person signing in for the first time gets OIDC_DEFAULT_ROLE and admins manage the
 * role in Drillbook from then on. Both the new account and any role change are audited.
 *
 * The claims are only available while better-auth maps the profile, and the user id only
 * once the session is created, so the two are joined through an AsyncLocalStorage that
 * wraps each auth request (runAuthRequest, used by app/api/auth/[...all]/route.ts).
 *
 * Drillbook never calls the identity provider on the person's behalf, so the access,
 * refresh and ID tokens it returns are not stored (see stripProviderTokens).
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { oidcConfig, type OidcConfig } from "@/lib/env";
import { applySignInRole } from "./mutations";
import type { Role } from "@/lib/access/permissions";
import { roleFromClaims } from "./sso-rules";

export const SSO_PROVIDER_ID = "oidc";

interface PendingSignIn {
  /** the role the claims map to (undefined: no role claim configured) */
  claimedRole?: Role;
  profileMapped: boolean;
  createdUserId?: string;
}

// one store per process, like the auth instance itself (lib/auth/auth.ts): Next.js may
// bundle this module into several route chunks, and the hooks of the cached auth instance
// must see the store the auth route handler opened
const globalForSso = globalThis as unknown as { __drillbookSsoSignIn?: AsyncLocalStorage<PendingSignIn> };
const pending = (globalForSso.__drillbookSsoSignIn ??= new AsyncLocalStorage<PendingSignIn>());

/** Runs one request to better-auth with room to carry an SSO sign-in's mapped role. */
export function runAuthRequest<T>(fn: () => Promise<T>): Promise<T> {
  return pending.run({ profileMapped: false }, fn);
}

/** The generic OAuth plugin for the configured provider, or nothing. */
export function ssoPlugins(config: OidcConfig | null = oidcConfig()) {
  if (!config) return [];
  return [
    genericOAuth({
      config: [
        {
          providerId: SSO_PROVIDER_ID,
          name: config.providerName,
          discoveryUrl: `${config.issuer}/.well-known/openid-configuration`,
          requireIdTokenVerification: true,
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          scopes: ["openid", "email", "profile"],
          pkce: true,
          mapProfileToUser: (profile) => {
            const store = pending.getStore();
            if (store) {
              store.profileMapped = true;
              if (config.roleClaim) store.claimedRole = roleFromClaims(profile, config.roleClaim, config.defaultRole);
            }
            // the role is applied after the session exists (below), where it can be audited
            return {};
          },
        },
      ],
    }),
  ];
}

const PROVIDER_TOKEN_FIELDS = { accessToken: null, refreshToken: null, idToken: null };

/** better-auth database hooks that finish an SSO sign-in and keep provider tokens out of the database. */
export function ssoDatabaseHooks(config: OidcConfig | null = oidcConfig()) {
  const stripProviderTokens = async () => ({ data: PROVIDER_TOKEN_FIELDS });
  return {
    account: { create: { before: stripProviderTokens }, update: { before: stripProviderTokens } },
    user: {
      create: {
        after: async (user: { id: string }) => {
          const store = pending.getStore();
          if (store?.profileMapped) store.createdUserId = user.id;
        },
      },
    },
    session: {
      create: {
        after: async (session: { userId: string }) => {
          const store = pending.getStore();
          if (!config || !store?.profileMapped) return;
          const created = store.createdUserId === session.userId;
          const role = store.claimedRole ?? (created ? config.defaultRole : undefined);
          await applySignInRole(session.userId, { role, created, via: `single sign-on (${config.providerName})` });
        },
      },
    },
  };
}
