"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createUserSchema, setRoleSchema } from "@/lib/auth/schema";
import { createUserAccount, setUserRole } from "@/lib/users/mutations";

const create = validatedAction("user:manage", createUserSchema, (input, actor) => createUserAccount(actor, input));
const changeRole = validatedAction("user:manage", setRoleSchema, (input, actor) => setUserRole(actor, input.userId, input.role));

export async function createUserAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev, formData);
  if (state.status === "ok") {
    revalidatePath("/admin/users");
    return { status: "ok", data: state.data, message: "Account created. Share the initial password with them privately." };
  }
  return state;
}

export async function setRoleAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await changeRole(prev, formData);
  if (state.status === "ok") revalidatePath("/admin/users");
  return state;
}
