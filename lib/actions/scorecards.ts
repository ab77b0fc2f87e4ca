"use server";

import { redirect } from "next/navigation";
import { refresh, revalidatePath } from "next/cache";
import { refreshOnSuccess, UNEXPECTED_ERROR, validatedAction, validatedCall } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { ConflictError } from "@/lib/errors";
import {
  archiveScorecardSchema,
  commentSchema,
  createScorecardSchema,
  deleteScorecardSchema,
  itemSaveSchema,
  scorecardDetailsSchema,
} from "@/lib/scorecards/schema";
import { updateScorecardDetails } from "@/lib/scorecards/details";
import { deleteScorecard, setScorecardArchived } from "@/lib/scorecards/retire";
import { addComment, createScorecard, saveScorecardItem, type ItemConflict } from "@/lib/scorecards/mutations";
import type { ItemSaveResult } from "@/lib/scorecards/item-save-result";

const create = validatedAction("scorecard:write", createScorecardSchema, (input, user) => createScorecard(user, input));

/** Starts a scorecard from the cluster page and opens it at its first section. */
export async function createScorecardAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/scorecards");
  redirect(`/scorecards/${state.data.id}?created=1`);
}

const saveItem = validatedCall("scorecard:write", itemSaveSchema, (input, user) => saveScorecardItem(user, input), {
  invalidMessage: "This item was not saved.",
  // the editor merges the winner's values itself: hand it the stored row
  onError: (error, state) =>
    error instanceof ConflictError && state.status === "error" ? { ...state, conflict: { fields: [], stored: error.current } } : state,
});

/**
 * Autosave of one item, called directly by the editor (not through a form). Answers with a
 * typed result, so the editor can show saved / conflict / invalid.
 */
export async function saveItemAction(input: unknown): Promise<ItemSaveResult> {
  const state = await saveItem(input);
  if (state.status === "ok") {
    if (state.data.changed) refresh();
    return { status: "ok", version: state.data.version };
  }
  if (state.status !== "error") return { status: "error", message: "This item was not saved." };
  if (state.conflict?.stored) return { status: "conflict", message: state.message, current: state.conflict.stored as ItemConflict };
  if (state.message === UNEXPECTED_ERROR) {
    return { status: "error", message: "Something went wrong on our side; your text is kept in this browser and will be saved on retry." };
  }
  return { status: "invalid", message: state.message, fieldErrors: state.fieldErrors };
}

const comment = refreshOnSuccess(validatedAction("scorecard:write", commentSchema, (input, user) => addComment(user, input)));
export async function addCommentAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return comment(prev, formData);
}

const remove = validatedAction("scorecard:write", deleteScorecardSchema, (input, user) => deleteScorecard(user, input.id));

/** Deletes a draft after the confirmation dialog, then opens its cluster (which now shows the fallback). */
export async function deleteScorecardAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await remove(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/", "layout");
  redirect(`/clusters/${state.data.clusterId}?scorecardDeleted=1`);
}

const details = refreshOnSuccess(validatedAction("scorecard:write", scorecardDetailsSchema, (input, user) => updateScorecardDetails(user, input)));

/** Saves the title, subject, owner and due date from the "Edit details" form. */
export async function updateScorecardDetailsAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return details(prev, formData);
}

const archive = validatedAction("scorecard:write", archiveScorecardSchema, (input, user) => setScorecardArchived(user, input.id, input.archive === "1"));

/** Archives or restores a scorecard after the confirmation, then shows it with its new standing. */
export async function archiveScorecardAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await archive(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/", "layout");
  redirect(`/scorecards/${String(formData.get("id"))}?${formData.get("archive") === "1" ? "archived" : "restored"}=1`);
}
