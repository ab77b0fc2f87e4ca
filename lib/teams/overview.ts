/**
 * A team's own page, for everyone who reads the portfolio: the clusters it owns with their
 * readiness, counts per outcome, its members, its scorecards in review and the campaigns its
 * clusters are part of. (Admin → Teams, for managing a team, reads lib/teams/queries.ts.)
 */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/access/current-user";
import { listCampaigns, type CampaignSummary } from "@/lib/campaigns/queries";
import { getDb } from "@/lib/db/client";
import type { Environment, Outcome } from "@/lib/domain/constants";
import type { PortfolioSummary } from "@/lib/portfolio/queries";
import { ForbiddenError } from "@/lib/errors";
import type { TeamRole } from "./rules";

/** Most clusters listed on the page (the portfolio's team filter shows them all). */
export const TEAM_PAGE_CLUSTERS = 200;

export interface TeamOverview {
  id: string;
  name: string;
  archivedAt: string | null;
  /** counts over all its clusters, as the portfolio's summary tiles show them */
  summary: PortfolioSummary;
  clusters: { id: string; name: string; environment: Environment; outcome: Outcome | null; score: number | null; regressedAt: string | null }[];
  members: { userId: string; name: string; role: TeamRole }[];
  openReviews: { scorecardId: string; title: string; clusterId: string; clusterName: string; since: string }[];
  campaigns: CampaignSummary[];
}

/** The team's page data, or null when there is no such team. */
export async function getTeamOverview(user: CurrentUser, teamId: string, now = new Date()): Promise<TeamOverview | null> {
  if (!can(user.role, "cluster:read")) throw new ForbiddenError();
  const db = await getDb();
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      members: { select: { role: true, user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
    },
  });
  if (!team) return null;
  const [clusters, outcomes, regressed, reviews, campaigns] = await Promise.all([
    db.cluster.findMany({
      where: { teamId },
      select: { id: true, name: true, environment: true, outcome: true, score: true, regressedAt: true },
      orderBy: { name: "asc" },
      take: TEAM_PAGE_CLUSTERS,
    }),
    db.cluster.groupBy({ by: ["outcome"], where: { teamId }, _count: { _all: true } }),
    db.cluster.count({ where: { teamId, regressedAt: { not: null } } }),
    db.scorecard.findMany({
      where: { state: "in_review", archivedAt: null, cluster: { teamId } },
      select: { id: true, title: true, updatedAt: true, cluster: { select: { id: true, name: true } } },
      orderBy: { updatedAt: "desc" },
      take: 50,
    }),
    listCampaigns(user, now, { teamId }),
  ]);
  const byOutcome: PortfolioSummary["byOutcome"] = { production_test: 0, limited_workload: 0, not_ready: 0, none: 0 };
  for (const g of outcomes) byOutcome[g.outcome ?? "none"] += g._count._all;
  return {
    id: team.id,
    name: team.name,
    archivedAt: team.archivedAt?.toISOString() ?? null,
    summary: { total: Object.values(byOutcome).reduce((a, b) => a + b, 0), byOutcome, regressed },
    clusters: clusters.map((c) => ({ ...c, regressedAt: c.regressedAt?.toISOString() ?? null })),
    members: team.members.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role })),
    openReviews: reviews.map((r) => ({
      scorecardId: r.id,
      title: r.title,
      clusterId: r.cluster.id,
      clusterName: r.cluster.name,
      since: r.updatedAt.toISOString(),
    })),
    campaigns,
  };
}
