"use server";

import { refreshOnSuccess, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { decideExemptionSchema, requestExemptionSchema } from "@/lib/exemptions/schema";
import { decideExemption, requestExemption } from "@/lib/exemptions/mutations";

const request = refreshOnSuccess(validatedAction("scorecard:write", requestExemptionSchema, (input, user) => requestExemption(user, input)));
export async function requestExemptionAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return request(prev, formData);
}

const decide = refreshOnSuccess(validatedAction("exemption:decide", decideExemptionSchema, (input, user) => decideExemption(user, input)));
export async function decideExemptionAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return decide(prev, formData);
}
