/**
 * Data migration: evidence citing a drill used to be dated by the day it was cited, so an old
 * drill could count as fresh. This re-dates every such piece of evidence to its drill's start
 * (lib/evidence/dating-rules.ts), one cluster per transaction under that cluster's lock,
 * audits each change as made by Drillbook, and refreshes the cluster's readiness (its outcomes
 * can drop: the evidence may be stale now). It is not a SQL migration because audit events are
 * hash-chained by the application. Idempotent: run at every start, it finds nothing the second
 * time.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { afterClusterChange } from "@/lib/readiness/pipeline";
import { lockCluster } from "@/lib/write/locks";
import { writeTransaction } from "@/lib/write/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";

type Misdated = { id: string; clusterId: string; scorecardId: string; capturedAt: Date; startedAt: Date };

function misdated(db: Prisma.TransactionClient, clusterId?: string): Promise<Misdated[]> {
  const where = clusterId ? `AND s."clusterId" = $1` : "";
  return db.$queryRawUnsafe<Misdated[]>(
    `SELECT e."id", s."clusterId", s."id" AS "scorecardId", e."capturedAt", d."startedAt"
     FROM "evidence" e
     JOIN "drill" d ON d."id" = e."drillId"
     JOIN "scorecard_item" i ON i."id" = e."scorecardItemId"
     JOIN "scorecard" s ON s."id" = i."scorecardId"
     WHERE e."kind" = 'drill' AND e."capturedAt" <> d."startedAt" ${where}
     ORDER BY e."id"`,
    ...(clusterId ? [clusterId] : []),
  );
}

/** Re-dates misdated drill evidence; answers how many pieces and clusters changed. */
export async function redateDrillEvidence(now = new Date()): Promise<{ evidence: number; clusters: number }> {
  const db = await getDb();
  const clusters = [...new Set((await misdated(db)).map((r) => r.clusterId))];
  let evidence = 0;
  for (const clusterId of clusters) {
    evidence += await writeTransaction(async (tx) => {
      if (!(await lockCluster(tx, clusterId))) return 0;
      // read again under the lock: a writer may have changed them since
      const rows = await misdated(tx, clusterId);
      for (const row of rows) {
        await tx.evidence.update({ where: { id: row.id }, data: { capturedAt: row.startedAt } });
        await recordAudit(tx, {
          actor: { system: "Drillbook" },
          action: "redate_evidence",
          entityType: "evidence",
          entityId: row.id,
          clusterId,
          scorecardId: row.scorecardId,
          before: { capturedAt: row.capturedAt },
          after: { capturedAt: row.startedAt, reason: "Evidence citing a drill is dated by the drill's start" },
        });
      }
      if (rows.length > 0) await afterClusterChange(tx, clusterId, now);
      return rows.length;
    });
  }
  return { evidence, clusters: clusters.length };
}
