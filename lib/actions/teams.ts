"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { addMemberSchema, archiveTeamSchema, createTeamSchema, removeMemberSchema, renameTeamSchema, setMemberRoleSchema } from "@/lib/teams/schema";
import { addTeamMember, createTeam, removeTeamMember, renameTeam, setTeamArchived, setTeamMemberRole } from "@/lib/teams/mutations";

const create = validatedAction("team:manage", createTeamSchema, (input, actor) => createTeam(actor, input));
const rename = validatedAction("team:manage", renameTeamSchema, (input, actor) => renameTeam(actor, input));
const archive = validatedAction("team:manage", archiveTeamSchema, (input, actor) => setTeamArchived(actor, input));
const addMember = validatedAction("team:manage", addMemberSchema, (input, actor) => addTeamMember(actor, input));
const setMemberRole = validatedAction("team:manage", setMemberRoleSchema, (input, actor) => setTeamMemberRole(actor, input));
const removeMember = validatedAction("team:manage", removeMemberSchema, (input, actor) => removeTeamMember(actor, input));

/** Runs an action and, when it succeeds, refreshes the teams pages with an optional message. */
async function answer<T>(state: ActionState<T>, message?: string): Promise<ActionState> {
  if (state.status !== "ok") return state;
  revalidatePath("/admin/teams", "layout");
  return message ? { ...state, message } : state;
}

export async function createTeamAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return answer(await create(prev, formData), "Team created.");
}

export async function renameTeamAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await rename(prev, formData);
  return answer(state, state.status === "ok" ? `Renamed; ${state.data.clusters} cluster(s) now show the new name.` : undefined);
}

export async function archiveTeamAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return answer(await archive(prev, formData));
}

export async function addTeamMemberAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return answer(await addMember(prev, formData), "Added to the team.");
}

export async function setTeamMemberRoleAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return answer(await setMemberRole(prev, formData));
}

export async function removeTeamMemberAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return answer(await removeMember(prev, formData), "Removed from the team.");
}
