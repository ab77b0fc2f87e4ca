/**
 * better-auth, configured for Drillbook: email + password accounts stored through the
 * Prisma adapter (passwords hashed by better-auth), database sessions, the admin plugin
 * for creating users and changing roles, and OpenID Connect single sign-on when configured
 * (./sso.ts). Built lazily because the database client
 * is opened asynchronously (the embedded database must be migrated first).
 */
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { getDb } from "@/lib/db/client";
import { env, publicBaseUrl } from "@/lib/env";
import { authSecret } from "./secret";
import { auditAdminHttpCalls, DISABLED_AUTH_PATHS } from "./admin-endpoints";
import { ssoDatabaseHooks, ssoPlugins } from "./sso";

export const MIN_PASSWORD_LENGTH = 12;

/** Builds a better-auth instance from the current configuration (tests build their own). */
export async function createAuth() {
  const prisma = await getDb();
  // BETTER_AUTH_URL, else the address this server listens on (not a guessed localhost:3000)
  const baseURL = publicBaseUrl().url;
  return betterAuth({
    appName: "Drillbook",
    baseURL,
    secret: authSecret(),
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: true }),
    emailAndPassword: {
      enabled: true,
      // accounts are created by an admin (or by the first-run setup), never by open sign-up
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // session cookies: httpOnly and SameSite=Lax always; Secure (and the __Secure- name
    // prefix) whenever the app is served over https (asserted in lib/auth/cookies.int.test.ts)
    advanced: {
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: ssoDatabaseHooks(),
    disabledPaths: DISABLED_AUTH_PATHS,
    hooks: { after: auditAdminHttpCalls },
    rateLimit: { enabled: env().NODE_ENV === "production", window: 60, max: 100 },
    plugins: [
      admin({
        roles: { none: userAc, viewer: userAc, editor: userAc, approver: userAc, admin: adminAc },
        defaultRole: "viewer",
        adminRoles: ["admin"],
      }),
      ...ssoPlugins(),
      // must stay last: it forwards cookies set by auth calls made in server actions
      nextCookies(),
    ],
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const globalForAuth = globalThis as unknown as { __drillbookAuth?: Promise<Auth> };

/** The better-auth instance of this process. */
export function getAuth(): Promise<Auth> {
  globalForAuth.__drillbookAuth ??= createAuth();
  return globalForAuth.__drillbookAuth;
}
