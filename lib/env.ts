/**
 * The only reader of process.env. Every setting is parsed here with zod so a typo in a
 * deployment fails fast with a clear message instead of misbehaving later.
 */
import path from "node:path";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/access/permissions";

/** How to make a secret, appended to every message about one. */
const MAKE_ONE = "(make one with `openssl rand -base64 32`)";

/** Same reading as parseEncryptionKey in lib/crypto/secret-box.ts (server-only, so not imported here). */
function isEncryptionKey(value: string): boolean {
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? 32 : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, "base64").length : 0;
  return bytes === 32;
}

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** PostgreSQL server; when unset the embedded PGlite database under DRILLBOOK_DATA_DIR is used */
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgresql://")
        .optional(),
    ),
    /** folder for the embedded database and generated local secrets */
    DRILLBOOK_DATA_DIR: optionalString,
    /** public URL of the app, used for auth callbacks and links */
    BETTER_AUTH_URL: optionalString.pipe(z.url().optional()),
    /** secret for signing sessions; required in production with DATABASE_URL */
    BETTER_AUTH_SECRET: optionalString.pipe(z.string().min(32, `BETTER_AUTH_SECRET must be at least 32 characters ${MAKE_ONE}`).optional()),
    /** 32-byte key (base64 or hex) for credentials stored encrypted; unset = derived from the auth secret */
    DRILLBOOK_ENCRYPTION_KEY: optionalString.pipe(
      z.string().refine(isEncryptionKey, `DRILLBOOK_ENCRYPTION_KEY must be 32 bytes written as 64 hex digits or base64 ${MAKE_ONE}`).optional(),
    ),
    /** max upload size for evidence files, in bytes */
    DRILLBOOK_MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    /** set to "1" to skip the sample data on a fresh database */
    DRILLBOOK_NO_SEED: optionalString,
    /** JSON API: requests allowed per token (or signed-in user) in each window */
    DRILLBOOK_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(120),
    /** JSON API: length of the rate-limit window, in seconds */
    DRILLBOOK_API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** OpenID Connect single sign-on: the issuer URL (discovery at <issuer>/.well-known/openid-configuration) */
    OIDC_ISSUER: optionalString.pipe(z.url("OIDC_ISSUER must be a URL").optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    /** claim holding the Drillbook role (viewer, editor, approver, admin); unset = roles are managed in Drillbook */
    OIDC_ROLE_CLAIM: optionalString,
    /** role given when the claim is missing or names no Drillbook role */
    OIDC_DEFAULT_ROLE: optionalString.pipe(z.enum(ROLES, { error: `OIDC_DEFAULT_ROLE must be one of ${ROLES.join(", ")}` }).default("viewer")),
    /** label of the sign-in button ("Sign in with …") */
    OIDC_PROVIDER_NAME: optionalString.pipe(z.string().max(60).default("single sign-on")),
    /** Slack-compatible incoming-webhook URL; when set, regressions and review actions are posted there */
    DRILLBOOK_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "DRILLBOOK_WEBHOOK_URL must be an http(s) URL" }).optional()),
    /** seconds between portfolio sweeps (staleness, expired exemptions); 0 turns the sweep off */
    DRILLBOOK_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
    DRILLBOOK_CHECK_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
    /** Chromium for PDF reports (and the e2e tests) when /usr/bin/chromium is not installed */
    CHROMIUM_PATH: optionalString,
    /** longest a PDF report may take to render before the request is answered with an error */
    DRILLBOOK_PDF_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
    /** design review: may the owner of a scorecard approve it when assigned as a signer? (default: no) */
    DRILLBOOK_ALLOW_SELF_APPROVAL: optionalString.pipe(
      z
        .enum(["1", "0", "true", "false"], { error: "DRILLBOOK_ALLOW_SELF_APPROVAL must be true or false (or 1 / 0)" })
        .optional()
        .transform((v) => v === "1" || v === "true"),
    ),
  })
  .superRefine((e, ctx) => {
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (or none of them)" });
    }
    // Several app servers on one PostgreSQL database must share the signing secret; a secret
    // generated into each server's data folder would sign each one's sessions differently.
    if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.BETTER_AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message: `BETTER_AUTH_SECRET is required in production with DATABASE_URL ${MAKE_ONE}`,
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** A configuration that cannot run; its message has one line per problem, each naming the variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigurationError";
  }
}

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((i) => {
        const name = i.path.join(".");
        // zod's own messages ("Invalid input") do not name the variable; most of ours start with it
        return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
      }),
    );
  }
  return parsed.data;
}

/**
 * Checks the whole configuration once at start: null when it is usable, else one line per
 * problem (each naming its variable and how to fix it). Called from instrumentation-node.ts.
 */
export function configurationProblems(): string[] | null {
  cached = undefined;
  try {
    env();
    return null;
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
}

let cached: Env | undefined;

/** Parsed configuration (read once per process). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Folder for the embedded database and local secrets (default `.data` in the working directory). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().DRILLBOOK_DATA_DIR ?? ".data");
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string | undefined;
  defaultRole: Role;
  providerName: string;
}

/** Single sign-on settings, or null when OpenID Connect is not configured. */
export function oidcConfig(): OidcConfig | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    roleClaim: e.OIDC_ROLE_CLAIM,
    defaultRole: e.OIDC_DEFAULT_ROLE,
    providerName: e.OIDC_PROVIDER_NAME,
  };
}

/** Test helper: forget the parsed configuration after a test changed process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/**
 * The address people should open: BETTER_AUTH_URL when set (the public URL, e.g. behind a proxy),
 * else the one this server really listens on. `next start` and `next dev` record it after
 * binding the port (in __NEXT_PRIVATE_ORIGIN, and the port in PORT), before instrumentation runs.
 */
export function publicBaseUrl(): { url: string; source: "BETTER_AUTH_URL" | "listening" } {
  const configured = env().BETTER_AUTH_URL;
  if (configured) return { url: configured.replace(/\/+$/, ""), source: "BETTER_AUTH_URL" };
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (origin && /^https?:\/\//.test(origin)) return { url: origin.replace(/\/+$/, ""), source: "listening" };
  return { url: `http://localhost:${process.env.PORT || 3000}`, source: "listening" };
}
