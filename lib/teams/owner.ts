/** The one place a cluster's `ownerTeam` text becomes its team (used by lib/clusters). */
import "server-only";
import { DomainError } from "@/lib/errors";
import type { Tx } from "@/lib/write/transaction";
import { teamKey, tidyTeamName } from "./rules";

export interface OwnerTeam {
  teamId: string;
  /** the team's own spelling, stored as the cluster's ownerTeam */
  ownerTeam: string;
  /** true when this call created the team (the cluster's audit event says so) */
  created: boolean;
}

/**
 * Finds the team whose key matches `ownerTeam`, creating it when there is none. The caller's
 * cluster audit event records the creation (`newTeam`), so a cluster write stays one event.
 * An archived team is refused with a field error unless the cluster already belongs to it
 * (`currentTeamId`): an archived team keeps its clusters, new ones cannot pick it.
 */
export async function resolveOwnerTeam(tx: Tx, ownerTeam: string, currentTeamId?: string): Promise<OwnerTeam> {
  const key = teamKey(ownerTeam);
  // ON CONFLICT DO NOTHING: two writers naming the same new team create it once, and a
  // unique violation here would read as a duplicate cluster name to the caller
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "team" ("id", "name", "key", "updatedAt")
    VALUES (gen_random_uuid()::text, ${tidyTeamName(ownerTeam)}, ${key}, CURRENT_TIMESTAMP)
    ON CONFLICT ("key") DO NOTHING
    RETURNING "id"`;
  // FOR SHARE: an archive (or rename) of this team waits for this write, so no cluster joins a
  // team in the moment it is archived (lock order step 3, lib/write/locks.ts)
  const [team] = await tx.$queryRaw<{ id: string; name: string; archivedAt: Date | null }[]>`
    SELECT "id", "name", "archivedAt" FROM "team" WHERE "key" = ${key} FOR SHARE`;
  if (!team) throw new Error(`team ${key} vanished while a cluster named it`);
  if (team.archivedAt && team.id !== currentTeamId) {
    throw new DomainError("That team is archived.", { ownerTeam: [`“${team.name}” is archived; choose another team or ask an admin to restore it`] });
  }
  return { teamId: team.id, ownerTeam: team.name, created: created.length > 0 };
}
