"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createCheck, deleteCheck } from "@/lib/checks/mutations";
import { runCheckNow } from "@/lib/checks/runner";
import { checkInputSchema, checkRefSchema } from "@/lib/checks/schema";

const create = validatedAction("cluster:write", checkInputSchema, (input, user) => createCheck(user, input));
const remove = validatedAction("cluster:write", checkRefSchema, ({ id }, user) => deleteCheck(user, id));
const run = validatedAction("cluster:write", checkRefSchema.extend({ clusterId: checkRefSchema.shape.id }), ({ id }, user) => runCheckNow(user, id));

/** Adds a continuous check to the cluster; its first run comes with the next runner tick. */
export async function createCheckAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/clusters/${state.data.clusterId}`);
  return { ...state, message: "Check added. It runs within a minute, then on its schedule." };
}

/** Deletes a check (after the confirmation on the page). */
export async function deleteCheckAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await remove(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/clusters/${state.data.clusterId}`);
  return { ...state, message: "Check deleted." };
}

/** "Run now": evaluates the check at once and says how it went. */
export async function runCheckNowAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await run(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/clusters/${String(formData.get("clusterId"))}`);
  revalidatePath("/scorecards", "layout");
  const { status, message } = state.data;
  return { ...state, message: status === "retrying" ? `Prometheus did not answer; retrying shortly. ${message}` : message };
}
