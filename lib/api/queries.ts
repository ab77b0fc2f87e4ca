/**
 * Read models the JSON API needs that no feature module offers yet: scorecard summaries
 * straight from the scorecard table, with the outcome, score and risk counts cached there
 * by the readiness pipeline (lib/readiness/refresh.ts).
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import type { ScorecardState } from "@/lib/domain/constants";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

type Reader = Prisma.TransactionClient;

export interface ScorecardListFilter {
  /** a cluster id or name */
  cluster?: string;
  state?: ScorecardState;
  limit: number;
  offset: number;
}

/** Scorecards matching the filter, newest change first, with the total count. */
export async function listScorecardSummaries(user: CurrentUser, filter: ScorecardListFilter) {
  if (!can(user.role, "scorecard:read")) throw new ForbiddenError();
  const db = await getDb();
  const where: Prisma.ScorecardWhereInput = {};
  if (filter.cluster) {
    const cluster = await db.cluster.findFirst({
      where: { OR: [{ id: filter.cluster }, { name: filter.cluster }] },
      select: { id: true },
    });
    if (!cluster) throw new NotFoundError(`No cluster has the id or name “${filter.cluster}”.`);
    where.clusterId = cluster.id;
  }
  if (filter.state) where.state = filter.state;
  const [total, rows] = await Promise.all([
    db.scorecard.count({ where }),
    db.scorecard.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: filter.offset,
      take: filter.limit,
      select: {
        id: true,
        clusterId: true,
        cluster: { select: { name: true } },
        title: true,
        subject: true,
        candidatePlatform: true,
        state: true,
        version: true,
        outcome: true,
        score: true,
        highRisks: true,
        mediumRisks: true,
        staleEvidenceCount: true,
        template: { select: { key: true, version: true, name: true } },
        dueDate: true,
        updatedAt: true,
      },
    }),
  ]);
  const data = rows.map(({ cluster, ...r }) => ({ ...r, clusterName: cluster.name }));
  return { data, total, limit: filter.limit, offset: filter.offset };
}

/** A drill as POST /drills answers it: facts, measurements and its imports with their series (never the points). */
export async function getDrillSummary(user: CurrentUser, id: string) {
  if (!can(user.role, "drill:read")) throw new ForbiddenError();
  return readDrillSummary(await getDb(), id);
}

/** getDrillSummary's read, on any client: the create path calls it inside its transaction. */
export async function readDrillSummary(db: Reader, id: string) {
  const drill = await db.drill.findUnique({
    where: { id },
    select: {
      id: true,
      clusterId: true,
      scenario: true,
      title: true,
      startedAt: true,
      endedAt: true,
      realisticTraffic: true,
      trafficProfile: true,
      leadershipSettledSec: true,
      producersStableSec: true,
      peakConsumerLag: true,
      lagRecoveredSec: true,
      producerErrorCount: true,
      underReplicatedPartitions: true,
      recoveryTrafficMBps: true,
      version: true,
      createdAt: true,
      imports: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          format: true,
          sourceName: true,
          pointCount: true,
          series: { orderBy: { metric: "asc" }, select: { id: true, metric: true, unit: true, threshold: true } },
        },
      },
    },
  });
  if (!drill) throw new NotFoundError("No drill has this id.");
  const {
    leadershipSettledSec,
    producersStableSec,
    peakConsumerLag,
    lagRecoveredSec,
    producerErrorCount,
    underReplicatedPartitions,
    recoveryTrafficMBps,
    ...rest
  } = drill;
  return {
    ...rest,
    measurements: {
      leadershipSettledSec,
      producersStableSec,
      peakConsumerLag,
      lagRecoveredSec,
      producerErrorCount,
      underReplicatedPartitions,
      recoveryTrafficMBps,
    },
    imports: drill.imports.map((i) => ({ ...i, format: i.format as "points" | "csv" | "prometheus" })),
  };
}

/** The id of a scorecard's item named by its template key (404 when either is unknown). */
export async function findScorecardItemId(user: CurrentUser, scorecardId: string, itemKey: string): Promise<string> {
  if (!can(user.role, "scorecard:read")) throw new ForbiddenError();
  const db = await getDb();
  const item = await db.scorecardItem.findFirst({ where: { scorecardId, templateItem: { key: itemKey } }, select: { id: true } });
  if (item) return item.id;
  const scorecard = await db.scorecard.findUnique({ where: { id: scorecardId }, select: { id: true } });
  throw new NotFoundError(scorecard ? `This scorecard has no item with the key “${itemKey}”.` : "No scorecard has this id.");
}

/** A piece of evidence as POST …/evidence answers it. */
export async function getEvidenceSummary(user: CurrentUser, id: string) {
  if (!can(user.role, "scorecard:read")) throw new ForbiddenError();
  return readEvidenceSummary(await getDb(), id);
}

/** getEvidenceSummary's read, on any client: the create path calls it inside its transaction. */
export async function readEvidenceSummary(db: Reader, id: string) {
  const e = await db.evidence.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      title: true,
      url: true,
      body: true,
      drillId: true,
      capturedAt: true,
      realisticTraffic: true,
      file: { select: { filename: true, mimeType: true, size: true, sha256: true } },
      scorecardItem: { select: { id: true, templateItem: { select: { key: true } }, scorecard: { select: { id: true, version: true } } } },
    },
  });
  if (!e) throw new NotFoundError("The evidence was removed right after it was added.");
  const { scorecardItem, ...rest } = e;
  return {
    ...rest,
    scorecardId: scorecardItem.scorecard.id,
    itemId: scorecardItem.id,
    itemKey: scorecardItem.templateItem.key,
    scorecardVersion: scorecardItem.scorecard.version,
  };
}
