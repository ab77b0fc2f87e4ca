/**
 * vitest global setup for integration tests: one fresh database for the run, dropped at the
 * end. Says which database the run uses.
 */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTestDatabase, dropTestDatabase, findTestServer, tempDataDir } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
    dataDir: string | null;
    serverUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const server = await findTestServer();
  if (!server && process.env.CI && process.env.DRILLBOOK_TEST_EMBEDDED !== "1") {
    throw new Error("CI must test against a PostgreSQL server: set TEST_DATABASE_URL (no server answered).");
  }
  if (server) {
    const databaseUrl = await createTestDatabase(server, "drillbook_int");
    const shown = new URL(databaseUrl);
    console.log(`[int] PostgreSQL server ${shown.host}, fresh database ${shown.pathname.slice(1)}`);
    project.provide("databaseUrl", databaseUrl);
    project.provide("serverUrl", server);
    project.provide("dataDir", null);
    return async () => dropTestDatabase(server, databaseUrl);
  }
  const dir = tempDataDir("drillbook-int");
  console.log(`[int] no PostgreSQL server answered: using the embedded database (PGlite) in ${dir}`);
  project.provide("databaseUrl", null);
  project.provide("serverUrl", null);
  project.provide("dataDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
