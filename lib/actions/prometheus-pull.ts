"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { proposalDecisionSchema } from "@/lib/prometheus/datasource-schema";
import { decideProposal } from "@/lib/prometheus/proposal-mutations";
import { pullDrillMetrics, type PullResult } from "@/lib/prometheus/pull-mutations";

const pull = validatedAction("drill:write", z.object({ drillId: z.string().trim().min(1).max(64) }), ({ drillId }, user) => pullDrillMetrics(user, drillId));
const decide = validatedAction("drill:write", proposalDecisionSchema, (input, user) => decideProposal(user, input));

/** Runs the pull; a failure names each query that failed and stores nothing. */
export async function pullMetricsAction(prev: ActionState, formData: FormData): Promise<ActionState<PullResult>> {
  const state = await pull(prev, formData);
  if (state.status === "ok") revalidatePath(`/drills/${state.data.drillId}`);
  return state;
}

/** Confirms or changes a proposed matrix answer. */
export async function decideProposalAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await decide(prev, formData);
  if (state.status === "ok") {
    revalidatePath(`/drills/${String(formData.get("drillId"))}`);
    return { ...state, message: state.data.status === "confirmed" ? "Proposal confirmed." : "Your answer is saved; the proposal is marked changed." };
  }
  return state;
}
