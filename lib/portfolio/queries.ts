/**
 * Read side of the portfolio: one page of clusters (filtered, sorted and paginated in the
 * database), the outcome summary, the team list, the activity feed and the export. Every
 * function takes the asking user and checks cluster:read. Filters and sorts use indexed
 * cluster columns; the text search is an ILIKE over name, team and region (plus exact tags),
 * which stays a few milliseconds at 5,000 clusters (see npm run bench:portfolio).
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { OUTCOMES, type Outcome } from "@/lib/domain/constants";
import { describeActivity, type ActivityItem } from "./activity";
import type { FirstStepCounts } from "./first-steps";
import { toExportRecord, type ExportRecord, type PortfolioRow } from "./export";
import { parseTemplateOutcomes } from "@/lib/readiness/current-rules";
import { type DrillResult } from "@/lib/readiness/signal-rules";
import { escapeLikePattern, pageCountOf } from "./rules";
import type { PortfolioFilter, PortfolioQuery, PortfolioSort } from "./schema";

export type { PortfolioRow } from "./export";

/** Largest export; beyond it the file says it was truncated. */
export const MAX_EXPORT_ROWS = 20_000;

function assertRead(user: CurrentUser) {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
}

/** The Prisma filter for the portfolio filter fields. */
export function portfolioWhere(filter: PortfolioFilter): Prisma.ClusterWhereInput {
  const and: Prisma.ClusterWhereInput[] = [];
  if (filter.q) {
    const pattern = escapeLikePattern(filter.q);
    and.push({
      OR: [
        { name: { contains: pattern, mode: "insensitive" } },
        { ownerTeam: { contains: pattern, mode: "insensitive" } },
        { region: { contains: pattern, mode: "insensitive" } },
        { tags: { hasSome: [...new Set([filter.q, filter.q.toLowerCase()])] } },
      ],
    });
  }
  if (filter.env) and.push({ environment: filter.env });
  if (filter.arch) and.push({ architecture: filter.arch });
  if (filter.template) {
    // one template's view: clusters assessed against it, by that template's current outcome
    const outcome = filter.outcome && filter.outcome !== "none" ? { outcome: filter.outcome } : {};
    if (filter.outcome === "none") and.push({ scorecards: { none: { isCurrent: true, template: { key: filter.template } } } });
    else and.push({ scorecards: { some: { isCurrent: true, template: { key: filter.template }, ...outcome } } });
  } else if (filter.outcome) and.push({ outcome: filter.outcome === "none" ? null : filter.outcome });
  if (filter.team) and.push({ ownerTeam: filter.team });
  if (filter.regressed) and.push({ regressedAt: { not: null } });
  return and.length ? { AND: and } : {};
}

const NULLABLE_SORTS = new Set<PortfolioSort>(["outcome", "score", "lastDrillAt", "regressedAt"]);

/** Sort by the chosen column (empty values last), then by name so pages are stable. */
export function portfolioOrderBy(sort: PortfolioSort, dir: "asc" | "desc"): Prisma.ClusterOrderByWithRelationInput[] {
  const primary = NULLABLE_SORTS.has(sort) ? { [sort]: { sort: dir, nulls: "last" } } : { [sort]: dir };
  return sort === "name" ? [primary] : [primary, { name: "asc" }];
}

const rowSelect = {
  id: true,
  name: true,
  environment: true,
  architecture: true,
  ownerTeam: true,
  teamId: true,
  cloud: true,
  region: true,
  tags: true,
  outcome: true,
  score: true,
  staleEvidenceCount: true,
  lastDrillAt: true,
  lastDrillResult: true,
  openRedAnswers: true,
  pendingSignOffs: true,
  regressedAt: true,
  regressionReason: true,
  heldBackBy: true,
  templateOutcomes: true,
} as const satisfies Prisma.ClusterSelect;

type SelectedRow = Prisma.ClusterGetPayload<{ select: typeof rowSelect }>;

/**
 * Scorecard counts for the given clusters only. (Prisma's relation `_count` in the row query
 * aggregates the whole scorecard table before joining: 8× slower at 25,000 scorecards.)
 */
async function scorecardCounts(db: Awaited<ReturnType<typeof getDb>>, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const groups = await db.scorecard.groupBy({ by: ["clusterId"], where: { clusterId: { in: ids } }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.clusterId, g._count._all]));
}

async function toRows(db: Awaited<ReturnType<typeof getDb>>, rows: SelectedRow[]): Promise<PortfolioRow[]> {
  const counts = await scorecardCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRow(r, counts.get(r.id) ?? 0));
}

function toRow(r: SelectedRow, scorecardCount: number): PortfolioRow {
  return {
    id: r.id,
    name: r.name,
    environment: r.environment,
    architecture: r.architecture,
    ownerTeam: r.ownerTeam,
    teamId: r.teamId,
    cloud: r.cloud,
    region: r.region,
    tags: r.tags,
    outcome: r.outcome,
    score: r.score,
    staleEvidenceCount: r.staleEvidenceCount,
    lastDrillAt: r.lastDrillAt?.toISOString() ?? null,
    lastDrillResult: (r.lastDrillResult as DrillResult | null) ?? null,
    openRedAnswers: r.openRedAnswers,
    pendingSignOffs: r.pendingSignOffs,
    regressedAt: r.regressedAt?.toISOString() ?? null,
    regressionReason: r.regressionReason,
    heldBackBy: r.heldBackBy,
    templateOutcomes: (parseTemplateOutcomes(r.templateOutcomes) ?? []).map(({ templateKey, templateName, state, outcome, assessed }) => ({
      templateKey,
      templateName,
      state,
      outcome,
      assessed,
    })),
    scorecardCount,
  };
}

export interface PortfolioPage {
  rows: PortfolioRow[];
  total: number;
  /** The page shown: the requested one, or the last page when the request was past the end. */
  page: number;
  pageCount: number;
}

/** One page of the portfolio, filtered and sorted in the database. */
export async function listPortfolio(user: CurrentUser, query: PortfolioQuery): Promise<PortfolioPage> {
  assertRead(user);
  const db = await getDb();
  const where = portfolioWhere(query);
  const orderBy = portfolioOrderBy(query.sort, query.dir);
  const fetchPage = (page: number) => db.cluster.findMany({ where, orderBy, skip: (page - 1) * query.size, take: query.size, select: rowSelect });
  const [total, rows] = await Promise.all([db.cluster.count({ where }), fetchPage(query.page)]);
  const pageCount = pageCountOf(total, query.size);
  if (rows.length === 0 && query.page > pageCount) {
    // a link past the end (rows were deleted, or a filter narrowed): show the last page
    return { rows: await toRows(db, await fetchPage(pageCount)), total, page: pageCount, pageCount };
  }
  return { rows: await toRows(db, rows), total, page: query.page, pageCount };
}

export interface PortfolioSummary {
  total: number;
  byOutcome: Record<Outcome | "none", number>;
  regressed: number;
}

/** Counts per outcome over the whole portfolio (not the filtered view), and regressions. */
export async function getPortfolioSummary(user: CurrentUser): Promise<PortfolioSummary> {
  assertRead(user);
  const db = await getDb();
  const [groups, regressed] = await Promise.all([
    db.cluster.groupBy({ by: ["outcome"], _count: { _all: true } }),
    db.cluster.count({ where: { regressedAt: { not: null } } }),
  ]);
  const byOutcome = Object.fromEntries([...OUTCOMES, "none"].map((o) => [o, 0])) as Record<Outcome | "none", number>;
  for (const g of groups) byOutcome[g.outcome ?? "none"] = g._count._all;
  return { total: Object.values(byOutcome).reduce((a, b) => a + b, 0), byOutcome, regressed };
}

/** Templates clusters are assessed against, for the template filter (key and newest name). */
export async function listAssessedTemplates(user: CurrentUser): Promise<{ key: string; name: string }[]> {
  assertRead(user);
  const db = await getDb();
  const rows = await db.template.findMany({
    where: { scorecards: { some: { isCurrent: true } } },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    distinct: ["key"],
    take: 200,
    select: { key: true, name: true },
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Owner teams for the team filter (at most 500, alphabetical). */
export async function listTeams(user: CurrentUser): Promise<string[]> {
  assertRead(user);
  const db = await getDb();
  // groupBy is a SQL GROUP BY over the ownerTeam index (findMany's `distinct` dedupes in memory)
  const rows = await db.cluster.groupBy({ by: ["ownerTeam"], orderBy: { ownerTeam: "asc" }, take: 500 });
  return rows.map((r) => r.ownerTeam);
}

/**
 * Recent changes to clusters and their content and to campaigns, newest first, as
 * sentences. Only names and verbs are shown, never before/after values (those stay in the
 * admin's audit log), so readers may see it.
 */
export async function listActivity(user: CurrentUser, limit = 12): Promise<ActivityItem[]> {
  assertRead(user);
  const db = await getDb();
  const events = await db.auditEvent.findMany({
    where: { OR: [{ clusterId: { not: null } }, { entityType: "campaign" }] },
    orderBy: { seq: "desc" },
    take: Math.min(Math.max(limit, 1), 100),
    select: {
      seq: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      clusterId: true,
      actorId: true,
      actorLabel: true,
      before: true,
      after: true,
    },
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const clusterIds = [...new Set(events.map((e) => e.clusterId).filter((id): id is string => !!id))];
  const [actors, clusters] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    clusterIds.length ? db.cluster.findMany({ where: { id: { in: clusterIds } }, select: { id: true, name: true } }) : [],
  ]);
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const clusterName = new Map(clusters.map((c) => [c.id, c.name]));
  return events.map((e) =>
    describeActivity({
      ...e,
      seq: e.seq.toString(),
      actorName: e.actorId ? (actorName.get(e.actorId) ?? null) : null,
      // a deleted cluster keeps its name in the event itself
      clusterName: e.clusterId ? (clusterName.get(e.clusterId) ?? null) : null,
    }),
  );
}

/** Every cluster matching the filter, in the view's order, for CSV/JSON export. */
export async function exportPortfolio(user: CurrentUser, query: PortfolioQuery): Promise<{ records: ExportRecord[]; total: number; truncated: boolean }> {
  assertRead(user);
  const db = await getDb();
  const where = portfolioWhere(query);
  const [total, rows] = await Promise.all([
    db.cluster.count({ where }),
    db.cluster.findMany({ where, orderBy: portfolioOrderBy(query.sort, query.dir), take: MAX_EXPORT_ROWS, select: rowSelect }),
  ]);
  return { records: (await toRows(db, rows)).map(toExportRecord), total, truncated: total > rows.length };
}

/** Clusters whose name, team or region contains `q` (for pickers), at most `limit`. */
export async function searchClusters(user: CurrentUser, q: string, limit = 20) {
  assertRead(user);
  const db = await getDb();
  const text = q.trim().slice(0, 100);
  return db.cluster.findMany({
    where: text ? portfolioWhere({ q: text, team: "", regressed: false }) : {},
    orderBy: { name: "asc" },
    take: Math.min(Math.max(limit, 1), 50),
    select: { id: true, name: true, environment: true, ownerTeam: true, outcome: true },
  });
}

/** Everything the portfolio page shows, in parallel (also what the benchmark times). */
export async function loadPortfolioPage(user: CurrentUser, query: PortfolioQuery) {
  const [page, summary, teams, activity, templates] = await Promise.all([
    listPortfolio(user, query),
    getPortfolioSummary(user),
    listTeams(user),
    listActivity(user),
    listAssessedTemplates(user),
  ]);
  return { page, summary, teams, activity, templates };
}

/** What the team has added so far, for the "what to do first" panel (see first-steps.ts). */
export async function getFirstStepCounts(user: CurrentUser): Promise<FirstStepCounts> {
  assertRead(user);
  const db = await getDb();
  // the demo portfolio does not count: it shows the product, it is not the team's start
  const own = { isSample: false };
  const [clusters, scorecards, drills, first] = await Promise.all([
    db.cluster.count({ where: own }),
    db.scorecard.count({ where: { cluster: own } }),
    db.drill.count({ where: { cluster: own } }),
    db.cluster.findFirst({ where: own, orderBy: { createdAt: "asc" }, select: { id: true } }),
  ]);
  return { clusters, scorecards, drills, firstClusterId: first?.id ?? null };
}

/** How many clusters of the demo portfolio are present (for the "sample data" banner). */
export async function countSampleClusters(user: CurrentUser): Promise<number> {
  assertRead(user);
  const db = await getDb();
  return db.cluster.count({ where: { isSample: true } });
}
