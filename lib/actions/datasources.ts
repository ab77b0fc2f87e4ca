"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createDataSource, deleteDataSource, updateDataSource } from "@/lib/prometheus/datasource-mutations";
import { testDataSource } from "@/lib/prometheus/datasource-queries";
import { dataSourceInputSchema } from "@/lib/prometheus/datasource-schema";
import { idField } from "@/lib/validation/fields";

const idOnly = z.object({ id: idField("data source") });
const withId = idOnly.and(dataSourceInputSchema);

/** A refused form comes back with what was typed, except credentials: those are never sent back. */
function withoutSecrets<T>(state: ActionState<T>): ActionState<T> {
  if (state.status !== "error" || !state.values) return state;
  const { secret: _s, headers: _h, ...values } = state.values;
  void _s;
  void _h;
  return { ...state, values };
}

const create = validatedAction("datasource:manage", dataSourceInputSchema, (input, user) => createDataSource(user, input));
const update = validatedAction("datasource:manage", withId, ({ id, ...input }, user) => updateDataSource(user, id, input));
const remove = validatedAction("datasource:manage", idOnly, async ({ id }, user) => {
  await deleteDataSource(user, id);
  return { id };
});
const test = validatedAction("datasource:manage", idOnly, ({ id }, user) => testDataSource(user, id));

export async function createDataSourceAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = withoutSecrets(await create(prev, formData));
  if (state.status === "ok") {
    revalidatePath("/admin/datasources");
    return { ...state, message: "Data source added." };
  }
  return state;
}

export async function updateDataSourceAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = withoutSecrets(await update(prev, formData));
  if (state.status === "ok") {
    revalidatePath("/admin/datasources");
    return { ...state, message: "Changes saved." };
  }
  return state;
}

export async function deleteDataSourceAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await remove(prev, formData);
  if (state.status === "ok") revalidatePath("/admin/datasources");
  return state;
}

/** "Test connection": the server's version, or the precise reason it failed. */
export async function testDataSourceAction(prev: ActionState, formData: FormData) {
  return test(prev as never, formData);
}
