/**
 * Admin → Remove sample data: deletes the demo portfolio (sample clusters with everything on
 * them, the sample campaign, the sample people) in one transaction with one audit event.
 * Nothing of the team's own is touched; a sample person who still owns or signs something of
 * the team's own is kept (the team chose to use them) and counted in the answer.
 */
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { ForbiddenError } from "@/lib/errors";
import { SAMPLE_EMAIL_DOMAIN } from "./people";
import { writeTransaction } from "@/lib/write/transaction";

export interface SampleDataSummary {
  clusters: number;
  campaigns: number;
  people: number;
}

/** What sample data the database holds (for the admin page). */
export async function getSampleDataSummary(user: CurrentUser): Promise<SampleDataSummary> {
  if (!can(user.role, "user:manage")) throw new ForbiddenError();
  const db = await getDb();
  const [clusters, campaigns, people] = await Promise.all([
    db.cluster.count({ where: { isSample: true } }),
    db.campaign.count({ where: { isSample: true } }),
    db.user.count({ where: { email: { endsWith: `@${SAMPLE_EMAIL_DOMAIN}` } } }),
  ]);
  return { clusters, campaigns, people };
}

/** Deletes every sample row; admins only. Returns what was removed. */
export async function removeSampleData(user: CurrentUser): Promise<SampleDataSummary & { keptPeople: number }> {
  if (!can(user.role, "user:manage")) throw new ForbiddenError("Only admins remove the sample data.");
  return writeTransaction(
    async (tx) => {
      // lock order step 1 for several clusters: each row, in ascending id order (lib/write/locks.ts)
      const clusters = await tx.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM "cluster" WHERE "isSample" ORDER BY id FOR UPDATE`;
      const campaigns = await tx.campaign.findMany({ where: { isSample: true }, select: { id: true, name: true } });
      await tx.campaign.deleteMany({ where: { id: { in: campaigns.map((c) => c.id) } } });
      // scorecards, drills, evidence, reviews and targets go with their cluster (ON DELETE CASCADE)
      await tx.cluster.deleteMany({ where: { id: { in: clusters.map((c) => c.id) } } });
      const people = await tx.user.findMany({
        where: { email: { endsWith: `@${SAMPLE_EMAIL_DOMAIN}` } },
        select: { id: true, email: true, _count: { select: { scorecardsOwned: true, reviewSeats: true, approvals: true, exemptionsToGrant: true } } },
      });
      const unused = people.filter((p) => Object.values(p._count).every((n) => n === 0));
      await tx.user.deleteMany({ where: { id: { in: unused.map((p) => p.id) } } });
      await recordAudit(tx, {
        actor: user,
        action: "sample_data_removed",
        entityType: "sample_data",
        entityId: "demo",
        before: { clusters: clusters.map((c) => c.name), campaigns: campaigns.map((c) => c.name), people: unused.map((p) => p.email) },
      });
      return { clusters: clusters.length, campaigns: campaigns.length, people: unused.length, keptPeople: people.length - unused.length };
    },
    { timeoutMs: 60_000 },
  );
}
