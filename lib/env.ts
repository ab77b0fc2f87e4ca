/**
 * The only reader of process.env. Every setting is parsed here with zod so a typo in a
 * deployment fails fast with a clear message instead of misbehaving later.
 */
import path from "node:path";
import { z } from "zod";

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
  /** Slack-compatible incoming-webhook URL; when set, regressions and review actions are posted there */
  DRILLBOOK_WEBHOOK_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: "DRILLBOOK_WEBHOOK_URL must be an http(s) URL" }).optional(),
  ),
  /** seconds between portfolio sweeps (staleness, expired exemptions); 0 turns the sweep off */
  DRILLBOOK_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
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

/** Test helper: forget the parsed configuration after a test changed process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
