"use server";

import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { takeMilestoneSchema } from "@/lib/milestones/schema";
import { takeMilestone } from "@/lib/milestones/mutations";

const milestone = validatedAction("scorecard:write", takeMilestoneSchema, (input, user) => takeMilestone(user, input));

/** Takes a milestone and shows it in the scorecard's milestone list. */
export async function takeMilestoneAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await milestone(prev, formData);
  if (state.status !== "ok") return state;
  redirect(`/scorecards/${String(formData.get("scorecardId"))}/milestones?taken=${state.data.id}`);
}
