"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { recordRefSchema } from "@/lib/validation/fields";
import { clusterInputSchema, clusterUpdateSchema } from "@/lib/clusters/schema";
import { createCluster, deleteCluster, updateCluster } from "@/lib/clusters/mutations";

const create = validatedAction("cluster:write", clusterInputSchema, async (input, user) => ({ id: (await createCluster(user, input)).id }));

export async function createClusterAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/clusters");
  redirect(`/clusters/${state.data.id}?created=1`);
}

const update = validatedAction("cluster:write", clusterInputSchema.and(clusterUpdateSchema), (input, user) => {
  const { id, revision, ...fields } = input;
  return updateCluster(user, id, revision, fields);
});

export async function updateClusterAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await update(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/clusters/${state.data.id}`);
  redirect(`/clusters/${state.data.id}?saved=1`);
}

const remove = validatedAction("cluster:delete", recordRefSchema("cluster"), (input, user) => deleteCluster(user, input.id));

export async function deleteClusterAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await remove(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/clusters");
  redirect("/clusters?deleted=1");
}
