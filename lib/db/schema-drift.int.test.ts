/** schema.prisma and prisma/migrations must describe the same database. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema, SCHEMA_PATH } from "./schema-engine";

describe("schema drift", () => {
  it("finds no difference between the committed migrations and schema.prisma", async () => {
    const diff = await diffMigrationsToSchema();
    expect(diff, `schema.prisma changed without a migration; run: npm run db:new-migration -- <name>\n${diff}`).toBe("");
  });

  it("detects a schema change that has no migration", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "drillbook-drift-"));
    const changed = path.join(dir, "schema.prisma");
    writeFileSync(
      changed,
      readFileSync(SCHEMA_PATH, "utf8").replace("  ownerTeam         String\n", "  ownerTeam         String\n  pagerRotation     String?\n"),
    );
    try {
      expect(await diffMigrationsToSchema(changed)).toMatch(/ALTER TABLE "cluster" ADD COLUMN\s+"pagerRotation" TEXT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
