/**
 * Prisma's schema engine, compiled to WebAssembly, driven against a throw-away PGlite.
 *
 * Prisma 7's `migrate dev` needs a native engine that cannot be downloaded offline, so
 * `npm run db:new-migration` and the schema-drift test use the engine's own `diff` here:
 * the SQL comes from Prisma itself, not from hand-written DDL. Dev/test tooling only.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

let ready: Promise<void> | undefined;

/** The package's own entry imports the .wasm file as an ES module, which Node cannot; instantiate it by hand. */
function loadWasm(): Promise<void> {
  ready ??= (async () => {
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const bytes = readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const wasmModule = await WebAssembly.compile(bytes);
    const glue = bg as unknown as Record<string, unknown>;
    const imports: Record<string, Record<string, unknown>> = {};
    for (const imp of WebAssembly.Module.imports(wasmModule)) {
      (imports[imp.module] ??= {})[imp.name] = glue[imp.name];
    }
    const instance = await WebAssembly.instantiate(wasmModule, imports as WebAssembly.Imports);
    (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return ready;
}

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");

function migrationList(dir: string) {
  const dirs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lock = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * SQL that takes a database built by the committed migrations to the state `schema.prisma`
 * describes. An empty string means the two agree.
 */
export async function diffMigrationsToSchema(schemaPath = SCHEMA_PATH, migrationsDir = MIGRATIONS_DIR): Promise<string> {
  await loadWasm();
  const schema = readFileSync(schemaPath, "utf8");
  const pglite = new PGlite();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const engine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationList(migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    engine.free();
    await pglite.close();
  }
}
