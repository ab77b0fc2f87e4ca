/** Reads for Admin → Teams (admins only in this slice). */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/access/current-user";
import { getDb } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { TeamRole } from "./rules";

export interface TeamRow {
  id: string;
  name: string;
  mergedNames: string[];
  archivedAt: string | null;
  clusterCount: number;
  memberCount: number;
}

export interface TeamDetail extends TeamRow {
  members: { userId: string; name: string; email: string; role: TeamRole }[];
  clusters: { id: string; name: string }[];
}

function requireTeamManager(actor: CurrentUser): void {
  if (!can(actor.role, "team:manage")) throw new ForbiddenError();
}

/** The row every team listing shows, from the team and its counts. */
const ROW_SELECT = {
  id: true,
  name: true,
  mergedNames: true,
  archivedAt: true,
  _count: { select: { clusters: true, members: true } },
} as const;

function toTeamRow(t: { id: string; name: string; mergedNames: string[]; archivedAt: Date | null; _count: { clusters: number; members: number } }): TeamRow {
  return {
    id: t.id,
    name: t.name,
    mergedNames: t.mergedNames,
    archivedAt: t.archivedAt?.toISOString() ?? null,
    clusterCount: t._count.clusters,
    memberCount: t._count.members,
  };
}

/** Every team, active ones first, by name. */
export async function listTeams(actor: CurrentUser): Promise<TeamRow[]> {
  requireTeamManager(actor);
  const db = await getDb();
  const teams = await db.team.findMany({
    select: ROW_SELECT,
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { key: "asc" }],
    take: 1000,
  });
  return teams.map(toTeamRow);
}

/** One team with its members and clusters, or null. */
export async function getTeam(actor: CurrentUser, teamId: string): Promise<TeamDetail | null> {
  requireTeamManager(actor);
  const db = await getDb();
  const t = await db.team.findUnique({
    where: { id: teamId },
    select: {
      ...ROW_SELECT,
      members: { select: { role: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
      clusters: { select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 },
    },
  });
  if (!t) return null;
  return {
    ...toTeamRow(t),
    members: t.members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role })),
    clusters: t.clusters,
  };
}

/** People who can be added to a team (everyone with an account, by name). */
export async function listPeopleForTeams(actor: CurrentUser): Promise<{ id: string; name: string; email: string }[]> {
  requireTeamManager(actor);
  const db = await getDb();
  return db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" }, take: 2000 });
}
