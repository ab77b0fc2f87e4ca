/** The one place a cluster's `ownerTeam` text becomes its team (used by lib/clusters). */
import "server-only";
import type { CurrentUser } from "@/lib/access/current-user";
import { recordAudit } from "@/lib/audit/record";
import { DomainError } from "@/lib/errors";
import type { Tx } from "@/lib/write/transaction";
import { teamKey, tidyTeamName } from "./rules";

export interface OwnerTeam {
  teamId: string;
  /** the team's own spelling, stored as the cluster's ownerTeam */
  ownerTeam: string;
}

/**
 * Finds the team whose key matches `ownerTeam`, creating it (audited) when there is none.
 * An archived team is refused with a field error unless the cluster already belongs to it
 * (`currentTeamId`): an archived team keeps its clusters, new ones cannot pick it.
 */
export async function resolveOwnerTeam(tx: Tx, actor: CurrentUser, ownerTeam: string, currentTeamId?: string): Promise<OwnerTeam> {
  const key = teamKey(ownerTeam);
  // ON CONFLICT DO NOTHING: two writers naming the same new team create it once, and a
  // unique violation here would read as a duplicate cluster name to the caller
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "team" ("id", "name", "key", "updatedAt")
    VALUES (gen_random_uuid()::text, ${tidyTeamName(ownerTeam)}, ${key}, CURRENT_TIMESTAMP)
    ON CONFLICT ("key") DO NOTHING
    RETURNING "id"`;
  const team = await tx.team.findUniqueOrThrow({ where: { key }, select: { id: true, name: true, archivedAt: true } });
  if (created.length) {
    await recordAudit(tx, { actor, action: "create", entityType: "team", entityId: team.id, after: { name: team.name, via: "cluster owner team" } });
  }
  if (team.archivedAt && team.id !== currentTeamId) {
    throw new DomainError("That team is archived.", { ownerTeam: [`“${team.name}” is archived; choose another team or ask an admin to restore it`] });
  }
  return { teamId: team.id, ownerTeam: team.name };
}
