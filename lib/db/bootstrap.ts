/**
 * What a freshly migrated database needs: the sample cluster on a brand-new database
 * (so a newcomer sees something real), unless DRILLBOOK_NO_SEED is set.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import type { MigrationReport } from "./migrate";
import { seedSampleData } from "./sample-data";

export async function afterMigrations(prisma: PrismaClient, report: MigrationReport): Promise<void> {
  const fresh = report.alreadyApplied === 0 && report.applied.length > 0;
  if (fresh && !env().DRILLBOOK_NO_SEED) {
    await seedSampleData(prisma);
  }
}
