/** Inputs of Admin → Teams, shared by the forms and the server actions. */
import { z } from "zod";
import { enumField, idField, textField } from "@/lib/validation/fields";
import { TEAM_ROLES } from "./rules";

/** The same limit as a cluster's owner team, which holds the team's name. */
const teamName = textField("Team name", 100);

export const createTeamSchema = z.object({ name: teamName });

export const renameTeamSchema = z.object({ teamId: idField("team"), name: teamName });

export const archiveTeamSchema = z.object({ teamId: idField("team"), archived: z.enum(["true", "false"]).transform((v) => v === "true") });

export const addMemberSchema = z.object({ teamId: idField("team"), userId: idField("person"), role: enumField("Team role", TEAM_ROLES) });

export const setMemberRoleSchema = z.object({ teamId: idField("team"), userId: idField("person"), role: enumField("Team role", TEAM_ROLES) });

export const removeMemberSchema = z.object({ teamId: idField("team"), userId: idField("person") });
