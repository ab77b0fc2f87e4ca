/** Admin → Teams writes: every change in one write transaction with its audit event. */
import "server-only";
import { can } from "@/lib/access/permissions";
import type { CurrentUser } from "@/lib/access/current-user";
import { recordAudit } from "@/lib/audit/record";
import { DomainError, ForbiddenError, NotFoundError, isUniqueViolation } from "@/lib/errors";
import { writeTransaction, type Tx } from "@/lib/write/transaction";
import { teamKey, tidyTeamName, type TeamRole } from "./rules";

function requireTeamManager(actor: CurrentUser): void {
  if (!can(actor.role, "team:manage")) throw new ForbiddenError();
}

async function findTeam(tx: Tx, teamId: string) {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true, name: true, key: true, archivedAt: true } });
  if (!team) throw new NotFoundError("This team no longer exists.");
  return team;
}

function nameTaken(name: string) {
  return new DomainError("A team with this name already exists.", { name: [`“${name}” already exists (names ignore case and spacing)`] }, 409);
}

/** The refusal when another team already has this name's key. */
async function refuseTakenName(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const taken = await tx.team.findUnique({ where: { key: teamKey(name) }, select: { id: true, name: true } });
  if (taken && taken.id !== exceptId) throw nameTaken(taken.name);
}

/** A concurrent writer took the name between our check and our write. */
async function orNameTaken<T>(name: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(tidyTeamName(name));
    throw error;
  }
}

/** Creates a team under the tidy spelling of `name`. */
export async function createTeam(actor: CurrentUser, input: { name: string }): Promise<{ id: string }> {
  requireTeamManager(actor);
  return orNameTaken(
    input.name,
    writeTransaction(async (tx) => {
      const name = tidyTeamName(input.name);
      await refuseTakenName(tx, name);
      const team = await tx.team.create({ data: { name, key: teamKey(name) }, select: { id: true } });
      await recordAudit(tx, { actor, action: "create", entityType: "team", entityId: team.id, after: { name } });
      return team;
    }),
  );
}

/**
 * Renames a team and, in the same transaction, the owner-team name of each of its clusters
 * (their rows locked first, in id order: step 1 of the lock order in lib/write/locks.ts).
 */
export async function renameTeam(actor: CurrentUser, input: { teamId: string; name: string }): Promise<{ clusters: number }> {
  requireTeamManager(actor);
  return orNameTaken(
    input.name,
    writeTransaction(async (tx) => {
      const clusters = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "cluster" WHERE "teamId" = ${input.teamId} ORDER BY id FOR UPDATE`;
      const before = await findTeam(tx, input.teamId);
      const name = tidyTeamName(input.name);
      await refuseTakenName(tx, name, before.id);
      await tx.team.update({ where: { id: before.id }, data: { name, key: teamKey(name) } });
      const { count } = await tx.cluster.updateMany({ where: { teamId: before.id }, data: { ownerTeam: name } });
      await recordAudit(tx, {
        actor,
        action: "rename",
        entityType: "team",
        entityId: before.id,
        before: { name: before.name },
        after: { name, clusters: clusters.length },
      });
      return { clusters: count };
    }),
  );
}

/** Archives (or restores) a team: its clusters keep it as owner; new clusters cannot pick it. */
export async function setTeamArchived(actor: CurrentUser, input: { teamId: string; archived: boolean }): Promise<void> {
  requireTeamManager(actor);
  await writeTransaction(async (tx) => {
    const before = await findTeam(tx, input.teamId);
    if (Boolean(before.archivedAt) === input.archived) return;
    await tx.team.update({ where: { id: before.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await recordAudit(tx, { actor, action: input.archived ? "archive" : "unarchive", entityType: "team", entityId: before.id, after: { name: before.name } });
  });
}

async function findMember(tx: Tx, teamId: string, userId: string) {
  const member = await tx.teamMember.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!member) throw new NotFoundError("This person is no longer in the team.");
  return member;
}

/** Adds a person to a team with a team role. */
export async function addTeamMember(actor: CurrentUser, input: { teamId: string; userId: string; role: TeamRole }): Promise<void> {
  requireTeamManager(actor);
  await writeTransaction(async (tx) => {
    const team = await findTeam(tx, input.teamId);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
    if (!user) throw new DomainError("Choose a person who has an account.", { userId: ["This person no longer has an account"] }, 404);
    const existing = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: team.id, userId: user.id } }, select: { id: true } });
    if (existing) throw new DomainError("This person is already in the team.", { userId: ["Already a member; change their role in the list"] }, 409);
    await tx.teamMember.create({ data: { teamId: team.id, userId: user.id, role: input.role } });
    await recordAudit(tx, {
      actor,
      action: "add_member",
      entityType: "team",
      entityId: team.id,
      after: { team: team.name, email: user.email, role: input.role },
    });
  });
}

/** Changes a member's team role. */
export async function setTeamMemberRole(actor: CurrentUser, input: { teamId: string; userId: string; role: TeamRole }): Promise<void> {
  requireTeamManager(actor);
  await writeTransaction(async (tx) => {
    const team = await findTeam(tx, input.teamId);
    const member = await findMember(tx, team.id, input.userId);
    if (member.role === input.role) return;
    await tx.teamMember.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(tx, {
      actor,
      action: "change_member_role",
      entityType: "team",
      entityId: team.id,
      before: { email: member.user.email, role: member.role },
      after: { team: team.name, email: member.user.email, role: input.role },
    });
  });
}

/** Removes a person from a team. */
export async function removeTeamMember(actor: CurrentUser, input: { teamId: string; userId: string }): Promise<void> {
  requireTeamManager(actor);
  await writeTransaction(async (tx) => {
    const team = await findTeam(tx, input.teamId);
    const member = await findMember(tx, team.id, input.userId);
    await tx.teamMember.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      actor,
      action: "remove_member",
      entityType: "team",
      entityId: team.id,
      before: { team: team.name, email: member.user.email, role: member.role },
    });
  });
}
