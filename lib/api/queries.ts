/**
 * Read models the JSON API needs that no feature module offers yet: scorecard summaries
 * straight from the scorecard table, with the outcome, score and risk counts cached there
 * by lib/portfolio/signals.ts.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import type { ScorecardState } from "@/lib/domain/constants";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

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
