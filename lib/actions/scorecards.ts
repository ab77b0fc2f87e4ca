"use server";

import { redirect } from "next/navigation";
import { refresh, revalidatePath } from "next/cache";
import { refreshOnSuccess, toFieldErrors, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/session";
import { ConflictError, DomainError } from "@/lib/errors";
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
import { findUnsafeText } from "@/lib/validation/text";

const create = validatedAction("scorecard:write", createScorecardSchema, (input, user) => createScorecard(user, input));

/** Starts a scorecard from the cluster page and opens it at its first section. */
export async function createScorecardAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await create(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/scorecards");
  redirect(`/scorecards/${state.data.id}?created=1`);
}

/**
 * Autosave of one item, called directly by the editor (not through a form). Answers with a
 * typed result instead of throwing, so the editor can show saved / conflict / invalid.
 */
export async function saveItemAction(input: unknown): Promise<ItemSaveResult> {
  const unsafe = findUnsafeText(input);
  if (unsafe) return { status: "invalid", message: "This item was not saved.", fieldErrors: { [unsafe.path || "_form"]: [unsafe.message] } };
  try {
    const user = await requirePermission("scorecard:write");
    const parsed = itemSaveSchema.safeParse(input);
    if (!parsed.success) return { status: "invalid", message: "This item was not saved.", fieldErrors: toFieldErrors(parsed.error) };
    const saved = await saveScorecardItem(user, parsed.data);
    if (saved.changed) refresh();
    return { status: "ok", version: saved.version };
  } catch (error) {
    if (error instanceof ConflictError) return { status: "conflict", message: error.message, current: error.current as ItemConflict };
    if (error instanceof DomainError) return { status: "invalid", message: error.message, fieldErrors: error.fieldErrors };
    console.error("[saveItemAction] unexpected error", error);
    return { status: "error", message: "Something went wrong on our side; your text is kept in this browser and will be saved on retry." };
  }
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
