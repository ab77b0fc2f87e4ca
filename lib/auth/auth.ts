/**
 * better-auth, configured for Drillbook: email + password accounts stored through the
 * Prisma adapter (passwords hashed by better-auth), database sessions, the admin plugin
 * for creating users and changing roles, and OpenID Connect single sign-on when configured
 * (./sso.ts). Built lazily because the database client
 * is opened asynchronously (the embedded database must be migrated first).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { getDb } from "@/lib/db/client";
import { dataDir, env } from "@/lib/env";
import { auditAdminHttpCalls, DISABLED_AUTH_PATHS } from "./admin-endpoints";
import { ssoDatabaseHooks, ssoPlugins } from "./sso";

export const MIN_PASSWORD_LENGTH = 12;

/**
 * The signing secret: BETTER_AUTH_SECRET, or (single-server setups) one generated on first
 * start and kept in the data folder with owner-only permissions. Never a value in the repo.
 */
function authSecret(): string {
  const configured = env().BETTER_AUTH_SECRET;
  if (configured) return configured;
  if (env().NODE_ENV === "production" && env().DATABASE_URL) {
    throw new Error("Set BETTER_AUTH_SECRET (32+ random characters) when running on a PostgreSQL server in production.");
  }
  const file = path.join(dataDir(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Builds a better-auth instance from the current configuration (tests build their own). */
export async function createAuth() {
  const prisma = await getDb();
  const baseURL = env().BETTER_AUTH_URL ?? "http://localhost:3000";
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
