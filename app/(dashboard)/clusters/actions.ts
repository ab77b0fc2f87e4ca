"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { validatedAction, errorState } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/session";
import { clusterInputSchema, clusterUpdateSchema } from "@/lib/clusters/schema";
import { createCluster, deleteCluster, updateCluster } from "@/lib/clusters/mutations";

const create = validatedAction("cluster:write", clusterInputSchema, (input, user) => createCluster(user, input));

export async function createClusterAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev as ActionState<{ id: string }>, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/clusters");
  redirect(`/clusters/${state.data.id}?created=1`);
}

const update = validatedAction("cluster:write", clusterInputSchema.and(clusterUpdateSchema), (input, user) => {
  const { id, revision, ...fields } = input;
  return updateCluster(user, id, revision, fields);
});

export async function updateClusterAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await update(prev as ActionState<{ id: string; revision: number }>, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/clusters/${state.data.id}`);
  redirect(`/clusters/${state.data.id}?saved=1`);
}

export async function deleteClusterAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = String(formData.get("id") ?? "");
  try {
    const user = await requirePermission("cluster:delete");
    await deleteCluster(user, id);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath("/clusters");
  redirect("/clusters?deleted=1");
}
