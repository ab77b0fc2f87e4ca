"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { createScorecardSchema } from "@/lib/scorecards/schema";
import { createScorecard } from "@/lib/scorecards/mutations";

const create = validatedAction("scorecard:write", createScorecardSchema, (input, user) => createScorecard(user, input));

/** Starts a scorecard from the cluster page and opens it at its first section. */
export async function createScorecardAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev as ActionState<{ id: string }>, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/scorecards");
  redirect(`/scorecards/${state.data.id}?created=1`);
}
