"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createTokenSchema, revokeTokenSchema } from "@/lib/tokens/schema";
import { createApiToken, revokeApiToken, type CreatedToken } from "@/lib/tokens/mutations";

const create = validatedAction("token:manage", createTokenSchema, (input, user) => createApiToken(user, input));
const revoke = validatedAction("token:manage", revokeTokenSchema, (input, user) => revokeApiToken(user, input.id));

/** Creates a token; the answer carries the token itself, the one time it is ever shown. */
export async function createTokenAction(prev: ActionState, formData: FormData): Promise<ActionState<CreatedToken>> {
  const state = await create(prev, formData);
  if (state.status === "ok") revalidatePath("/admin/tokens");
  return state;
}

export async function revokeTokenAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await revoke(prev, formData);
  if (state.status === "ok") {
    revalidatePath("/admin/tokens");
    return { ...state, message: `“${state.data.name}” is revoked.` };
  }
  return state;
}
