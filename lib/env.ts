/**
 * The only reader of process.env. Every setting is parsed here with zod so a typo in a
 * deployment fails fast with a clear message instead of misbehaving later.
 */
import path from "node:path";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/permissions";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL server; when unset the embedded PGlite database under DRILLBOOK_DATA_DIR is used */
  DATABASE_URL: optionalString.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgresql://").optional(),
  ),
  /** folder for the embedded database and generated local secrets */
  DRILLBOOK_DATA_DIR: optionalString,
  /** public URL of the app, used for auth callbacks and links */
  BETTER_AUTH_URL: optionalString.pipe(z.url().optional()),
  /** secret for signing sessions; required in production with DATABASE_URL */
  BETTER_AUTH_SECRET: optionalString.pipe(z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional()),
  /** max upload size for evidence files, in bytes */
  DRILLBOOK_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
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
  DRILLBOOK_WEBHOOK_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: "DRILLBOOK_WEBHOOK_URL must be an http(s) URL" }).optional(),
  ),
  /** seconds between portfolio sweeps (staleness, expired exemptions); 0 turns the sweep off */
  DRILLBOOK_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
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
}).superRefine((e, ctx) => {
  const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (or none of them)" });
  }
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
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
