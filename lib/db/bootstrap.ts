/**
 * What a migrated database needs on every start: the built-in templates (installed or
 * upgraded idempotently), and on a brand-new database the sample cluster (so a newcomer
 * sees something real), unless DRILLBOOK_NO_SEED is set.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { installBuiltinTemplates } from "@/lib/templates/install";
import type { MigrationReport } from "./migrate";
import { seedSampleData } from "./sample-data";

export async function afterMigrations(prisma: PrismaClient, report: MigrationReport): Promise<void> {
  await installBuiltinTemplates(prisma);
  const fresh = report.alreadyApplied === 0 && report.applied.length > 0;
  if (fresh && !env().DRILLBOOK_NO_SEED) {
    await seedSampleData(prisma);
  }
}
