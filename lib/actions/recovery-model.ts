"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { saveRecoverySettings } from "@/lib/recovery-model/mutations";
import { recoverySettingsSchema } from "@/lib/recovery-model/settings-schema";

const save = validatedAction("cluster:write", recoverySettingsSchema, (input, user) => saveRecoverySettings(user, input));

/** Saves the recovery-model knobs (NIC capacity, throttle, cross-zone price) on the cluster. */
export async function saveRecoverySettingsAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await save(prev, formData);
  if (state.status === "ok") revalidatePath(`/clusters/${state.data.id}`);
  return state;
}
