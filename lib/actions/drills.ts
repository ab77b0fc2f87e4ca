"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { recordRefSchema } from "@/lib/validation/fields";
import { createDrill, deleteDrill, updateDrill } from "@/lib/drills/mutations";
import { drillInputSchema, drillUpdateSchema, idSchema, recoveryTargetInputSchema } from "@/lib/drills/schema";
import { deleteRecoveryTarget, saveRecoveryTarget } from "@/lib/drills/target-mutations";

const create = validatedAction("drill:write", drillInputSchema, (input, user) => createDrill(user, input));

export async function createDrillAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/drills");
  redirect(`/drills/${state.data.id}?created=1`);
}

const update = validatedAction("drill:write", drillInputSchema.and(drillUpdateSchema), (input, user) => {
  const { id, version, ...fields } = input;
  return updateDrill(user, id, version, fields);
});

export async function updateDrillAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await update(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/drills/${state.data.id}`);
  redirect(`/drills/${state.data.id}?saved=1`);
}

const remove = validatedAction("drill:write", recordRefSchema("drill"), (input, user) => deleteDrill(user, input.id));

export async function deleteDrillAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await remove(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/clusters/${state.data.clusterId}`);
  revalidatePath("/drills");
  redirect("/drills?deleted=1");
}

const saveTarget = validatedAction("cluster:write", recoveryTargetInputSchema, (input, user) => saveRecoveryTarget(user, input));

export async function saveRecoveryTargetAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await saveTarget(prev, formData);
  if (state.status === "ok") {
    revalidatePath(`/clusters/${String(formData.get("clusterId"))}`);
    return { ...state, message: state.data.created ? "Targets added." : "Targets saved." };
  }
  return state;
}

const deleteTarget = validatedAction("cluster:write", idSchema, (input, user) => deleteRecoveryTarget(user, input.id));

export async function deleteRecoveryTargetAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await deleteTarget(prev, formData);
  if (state.status === "ok") revalidatePath(`/clusters/${state.data.clusterId}`);
  return state;
}
