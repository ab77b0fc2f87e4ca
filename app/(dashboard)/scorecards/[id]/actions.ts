"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { errorState, formDataToObject, toFieldErrors, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/session";
import { ConflictError, DomainError } from "@/lib/errors";
import { evidenceInputSchema } from "@/lib/evidence/schema";
import { addEvidence, removeEvidence } from "@/lib/evidence/mutations";
import { decideExemptionSchema, requestExemptionSchema } from "@/lib/exemptions/schema";
import { decideExemption, requestExemption } from "@/lib/exemptions/mutations";
import { takeMilestoneSchema } from "@/lib/milestones/schema";
import { takeMilestone } from "@/lib/milestones/mutations";
import { commentSchema, itemSaveSchema } from "@/lib/scorecards/schema";
import { addComment, saveScorecardItem, type ItemConflict } from "@/lib/scorecards/mutations";
import type { ItemSaveResult } from "@/lib/scorecards/item-save-result";

/**
 * Autosave of one item, called directly by the editor (not through a form). Answers with a
 * typed result instead of throwing, so the editor can show saved / conflict / invalid.
 */
export async function saveItemAction(input: unknown): Promise<ItemSaveResult> {
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

/** Refreshes the page after a successful write (outcome panel, lists). */
function refreshing<T>(action: (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>) {
  return async (prev: ActionState, formData: FormData): Promise<ActionState> => {
    const state = await action(prev as ActionState<T>, formData);
    if (state.status === "ok") refresh();
    return state;
  };
}

const comment = refreshing(validatedAction("scorecard:write", commentSchema, (input, user) => addComment(user, input)));
export async function addCommentAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return comment(prev, formData);
}

const request = refreshing(validatedAction("scorecard:write", requestExemptionSchema, (input, user) => requestExemption(user, input)));
export async function requestExemptionAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return request(prev, formData);
}

const decide = refreshing(validatedAction("exemption:decide", decideExemptionSchema, (input, user) => decideExemption(user, input)));
export async function decideExemptionAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return decide(prev, formData);
}

/** Evidence with an optional file: the fields go through the schema, the bytes through addEvidence. */
export async function addEvidenceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const raw: Record<string, unknown> = formDataToObject(formData);
  const file = formData.get("file");
  const upload = file instanceof File && file.size > 0 ? file : null;
  raw.hasFile = upload ? "true" : "false";
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
  try {
    const user = await requirePermission("scorecard:write");
    const parsed = evidenceInputSchema.safeParse(raw);
    if (!parsed.success) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: toFieldErrors(parsed.error), values };
    const bytes = upload ? new Uint8Array(await upload.arrayBuffer()) : null;
    const created = await addEvidence(user, parsed.data, upload && bytes ? { name: upload.name, bytes } : null);
    refresh();
    return { status: "ok", data: created };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function removeEvidenceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requirePermission("scorecard:write");
    await removeEvidence(user, String(formData.get("evidenceId") ?? ""));
    refresh();
    return { status: "ok", data: null };
  } catch (error) {
    return errorState(error);
  }
}

const milestone = validatedAction("scorecard:write", takeMilestoneSchema, (input, user) => takeMilestone(user, input));

/** Takes a milestone and shows it in the scorecard's milestone list. */
export async function takeMilestoneAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await milestone(prev as ActionState<{ id: string }>, formData);
  if (state.status !== "ok") return state;
  redirect(`/scorecards/${String(formData.get("scorecardId"))}/milestones?taken=${state.data.id}`);
}
