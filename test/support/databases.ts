/**
 * Test databases: a fresh PostgreSQL database per run on the server named by
 * TEST_DATABASE_URL (or the local server), or, when no server is reachable outside CI, the
 * embedded PGlite in a temporary folder. Used by the vitest global setup, the test runner
 * script and the Playwright config.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const LOCAL_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The server to create test databases on, or null when none answers. */
export async function findTestServer(): Promise<string | null> {
  if (process.env.DRILLBOOK_TEST_EMBEDDED === "1") return null;
  const url = process.env.TEST_DATABASE_URL || LOCAL_SERVER_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return url;
  } catch (error) {
    if (process.env.TEST_DATABASE_URL) {
      throw new Error(`TEST_DATABASE_URL is set but the server does not answer: ${(error as Error).message}`);
    }
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates an empty database with a unique name and returns its URL. */
export async function createTestDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 7)}`.toLowerCase();
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

/** Drops a database created by createTestDatabase (closing leftover connections). */
export async function dropTestDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function tempDataDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}
