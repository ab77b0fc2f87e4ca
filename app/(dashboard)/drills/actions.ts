"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { errorState, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/session";
import { createDrill, deleteDrill, updateDrill } from "@/lib/drills/mutations";
import { drillInputSchema, drillUpdateSchema, idSchema, recoveryTargetInputSchema } from "@/lib/drills/schema";
import { deleteRecoveryTarget, saveRecoveryTarget } from "@/lib/drills/target-mutations";

const create = validatedAction("drill:write", drillInputSchema, (input, user) => createDrill(user, input));

export async function createDrillAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev as ActionState<{ id: string }>, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/drills");
  redirect(`/drills/${state.data.id}?created=1`);
}

const update = validatedAction("drill:write", drillInputSchema.and(drillUpdateSchema), (input, user) => {
  const { id, version, ...fields } = input;
  return updateDrill(user, id, version, fields);
});

export async function updateDrillAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await update(prev as ActionState<{ id: string; version: number }>, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/drills/${state.data.id}`);
  redirect(`/drills/${state.data.id}?saved=1`);
}

export async function deleteDrillAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requirePermission("drill:write");
    const { id } = idSchema.parse({ id: formData.get("id") ?? "" });
    const { clusterId } = await deleteDrill(user, id);
    revalidatePath(`/clusters/${clusterId}`);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath("/drills");
  redirect("/drills?deleted=1");
}

const saveTarget = validatedAction("cluster:write", recoveryTargetInputSchema, (input, user) => saveRecoveryTarget(user, input));

export async function saveRecoveryTargetAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await saveTarget(prev as ActionState<{ id: string; created: boolean }>, formData);
  if (state.status === "ok") {
    revalidatePath(`/clusters/${String(formData.get("clusterId"))}`);
    return { ...state, message: state.data.created ? "Targets added." : "Targets saved." };
  }
  return state;
}

const deleteTarget = validatedAction("cluster:write", idSchema, (input, user) => deleteRecoveryTarget(user, input.id));

export async function deleteRecoveryTargetAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await deleteTarget(prev as ActionState<{ clusterId: string }>, formData);
  if (state.status === "ok") revalidatePath(`/clusters/${state.data.clusterId}`);
  return state;
}
