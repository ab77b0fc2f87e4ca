"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { proposalDecisionSchema } from "@/lib/prometheus/datasource-schema";
import { decideProposal } from "@/lib/prometheus/proposal-mutations";

// the pull itself streams its progress from a route handler: app/api/drills/[id]/metrics/pull
const decide = validatedAction("drill:write", proposalDecisionSchema, (input, user) => decideProposal(user, input));

/** Confirms or changes a proposed matrix answer. */
export async function decideProposalAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await decide(prev, formData);
  if (state.status === "ok") {
    revalidatePath(`/drills/${String(formData.get("drillId"))}`);
    return { ...state, message: state.data.status === "confirmed" ? "Proposal confirmed." : "Your answer is saved; the proposal is marked changed." };
  }
  return state;
}
