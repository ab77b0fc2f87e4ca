/**
 * How team names compare (pure). The teams migration (prisma/migrations/*_teams) merges the
 * old free-text owner teams with the same rule in SQL: whitespace runs collapsed to one space,
 * trimmed, lower-cased. "Payments", " payments " and "PAYMENTS" are one team.
 */

export const TEAM_ROLES = ["member", "maintainer"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  member: "Member",
  maintainer: "Maintainer",
};

/** The tidy spelling stored as a team's name: inner whitespace collapsed, ends trimmed. */
export function tidyTeamName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

/** The key two spellings of one team share. */
export function teamKey(name: string): string {
  return tidyTeamName(name).toLowerCase();
}

/**
 * The nested write that links a cluster to the team named `ownerTeam`, creating the team
 * when none has that key (for seeds and test fixtures that write clusters directly; the
 * app's cluster mutations use resolveOwnerTeam, which also refuses archived teams).
 */
export function teamLink(ownerTeam: string) {
  return { connectOrCreate: { where: { key: teamKey(ownerTeam) }, create: { key: teamKey(ownerTeam), name: tidyTeamName(ownerTeam) } } };
}
