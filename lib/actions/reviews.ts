"use server";

import { refresh } from "next/cache";
import { refreshOnSuccess, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { markConditionMet, requestReview, signOff } from "@/lib/reviews/mutations";
import { conditionMetSchema, requestReviewSchema, signOffSchema } from "@/lib/reviews/schema";

const request = refreshOnSuccess(validatedAction("review:request", requestReviewSchema, (input, user) => requestReview(user, input)));
/** Requests a review of a scorecard, or changes who signs an open one. */
export async function requestReviewAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return request(prev, formData);
}

const sign = validatedAction("review:sign", signOffSchema, (input, user) => signOff(user, input));
/**
 * Records a sign-off. The page is also refreshed when it is refused for anything but a field
 * error: such a refusal usually means the scorecard or its review moved on (a new version to
 * read, a decision by someone else), which the refreshed panel then shows.
 */
export async function signOffAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await sign(prev, formData);
  if (state.status === "ok" || Object.keys(state.status === "error" ? state.fieldErrors : {}).length === 0) refresh();
  return state;
}

const met = refreshOnSuccess(validatedAction("scorecard:write", conditionMetSchema, (input, user) => markConditionMet(user, input)));
/** Marks an approval condition met before its due day ends. */
export async function markConditionMetAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return met(prev, formData);
}
