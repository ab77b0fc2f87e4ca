"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { recordRefSchema } from "@/lib/validation/fields";
import { campaignCreateSchema, campaignMembershipSchema, campaignUpdateSchema } from "@/lib/campaigns/schema";
import { changeCampaignClusters, createCampaign, deleteCampaign, updateCampaign } from "@/lib/campaigns/mutations";

const create = validatedAction("cluster:write", campaignCreateSchema, (input, user) => createCampaign(user, input));

export async function createCampaignAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/campaigns");
  redirect(`/campaigns/${state.data.id}?created=1`);
}

const update = validatedAction("cluster:write", campaignUpdateSchema, (input, user) => updateCampaign(user, input));

export async function updateCampaignAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await update(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/campaigns/${state.data.id}`);
  redirect(`/campaigns/${state.data.id}?saved=1`);
}

const membership = validatedAction("cluster:write", campaignMembershipSchema, (input, user) => changeCampaignClusters(user, input));

export async function changeCampaignClustersAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await membership(prev, formData);
  if (state.status === "ok") revalidatePath(`/campaigns/${String(formData.get("id"))}`);
  return state;
}

const remove = validatedAction("cluster:write", recordRefSchema("campaign"), (input, user) => deleteCampaign(user, input.id));

export async function deleteCampaignAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await remove(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/campaigns");
  redirect("/campaigns?deleted=1");
}
