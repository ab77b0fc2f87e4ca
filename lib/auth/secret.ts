/**
 * The signing secret: BETTER_AUTH_SECRET, or (single-server setups) one generated on first
 * start and kept in the data folder with owner-only permissions. Never a value in the repo.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";

export function authSecret(): string {
  const configured = env().BETTER_AUTH_SECRET;
  if (configured) return configured;
  // production on a PostgreSQL server without a secret never gets here: lib/env.ts refuses that
  // configuration at start, since several servers must share one secret
  const file = path.join(dataDir(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
