"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { errorState, refuseUnsafeInput, toFieldErrors, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/session";
import { archiveTemplateSchema, cloneTemplateSchema, saveTemplateInputSchema, templateRefSchema } from "@/lib/templates/schema";
import { cloneTemplate, importTemplate, updateTemplate, TemplateValidationError } from "@/lib/templates/mutations";
import type { TemplateImportError } from "@/lib/templates/schema";
import { deleteTemplate, setTemplateArchived } from "@/lib/templates/retire";

/** ActionState plus the ordered list of template problems (path + message). */
export type TemplateActionState = ActionState & { problems?: TemplateImportError[] };

function templateErrorState(error: unknown, values?: Record<string, string>): TemplateActionState {
  const state = errorState(error, values);
  return error instanceof TemplateValidationError ? { ...state, problems: error.errors } : state;
}

/** Imports a template from pasted or uploaded JSON text; nothing is written unless all of it is valid. */
export async function importTemplateAction(_prev: TemplateActionState, formData: FormData): Promise<TemplateActionState> {
  const refused = refuseUnsafeInput(formData, { form: true });
  if (refused) return refused;
  const json = formData.get("json");
  let id: string;
  try {
    const user = await requirePermission("template:write");
    ({ id } = await importTemplate(user, typeof json === "string" ? json : ""));
  } catch (error) {
    return templateErrorState(error, { json: typeof json === "string" ? json : "" });
  }
  revalidatePath("/templates");
  redirect(`/templates/${id}?imported=1`);
}

const clone = validatedAction("template:write", cloneTemplateSchema, (input, user) => cloneTemplate(user, input));

export async function cloneTemplateAction(prev: ActionState, formData: FormData): Promise<TemplateActionState> {
  const state = await clone(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/templates");
  redirect(`/templates/${state.data.id}/edit?cloned=1`);
}

/**
 * Saves the template editor's document. Problems come back with their paths so the editor
 * can show each one beside its field.
 */
export async function saveTemplateAction(input: { id: string; fingerprint: string; document: unknown }): Promise<TemplateActionState & { savedId?: string }> {
  const refused = refuseUnsafeInput(input);
  if (refused) return refused;
  let saved: { id: string; version: number; mode: string };
  try {
    const user = await requirePermission("template:write");
    const parsed = saveTemplateInputSchema.safeParse(input);
    if (!parsed.success)
      return { status: "error", message: "This template could not be saved. Reload the page and try again.", fieldErrors: toFieldErrors(parsed.error) };
    saved = await updateTemplate(user, parsed.data.id, parsed.data.fingerprint, parsed.data.document);
  } catch (error) {
    return templateErrorState(error);
  }
  revalidatePath("/templates");
  redirect(`/templates/${saved.id}?saved=${saved.mode}`);
}

const archive = validatedAction("template:write", archiveTemplateSchema, (input, user) => setTemplateArchived(user, input.id, input.archive === "1"));

/** Archives or restores every version of a template after the confirmation. */
export async function archiveTemplateAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await archive(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/templates");
  redirect(`/templates/${String(formData.get("id"))}?${formData.get("archive") === "1" ? "archived" : "restored"}=1`);
}

const remove = validatedAction("template:write", templateRefSchema, (input, user) => deleteTemplate(user, input.id));

/** Deletes a template nothing refers to, after the confirmation, and goes back to the list. */
export async function deleteTemplateAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await remove(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/templates");
  redirect(`/templates?deleted=${encodeURIComponent(state.data.key)}`);
}
