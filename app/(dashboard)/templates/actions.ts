"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { errorState, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/session";
import { cloneTemplateSchema } from "@/lib/templates/schema";
import { cloneTemplate, importTemplate, updateTemplate, TemplateValidationError } from "@/lib/templates/mutations";
import type { TemplateImportError } from "@/lib/templates/schema";

/** ActionState plus the ordered list of template problems (path + message). */
export type TemplateActionState = ActionState & { problems?: TemplateImportError[] };

function templateErrorState(error: unknown, values?: Record<string, string>): TemplateActionState {
  const state = errorState(error, values);
  return error instanceof TemplateValidationError ? { ...state, problems: error.errors } : state;
}

/** Imports a template from pasted or uploaded JSON text; nothing is written unless all of it is valid. */
export async function importTemplateAction(_prev: TemplateActionState, formData: FormData): Promise<TemplateActionState> {
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
  const state = await clone(prev as ActionState<{ id: string }>, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/templates");
  redirect(`/templates/${state.data.id}/edit?cloned=1`);
}

/**
 * Saves the template editor's document. Problems come back with their paths so the editor
 * can show each one beside its field.
 */
export async function saveTemplateAction(input: { id: string; fingerprint: string; document: unknown }): Promise<TemplateActionState & { savedId?: string }> {
  let saved: { id: string; version: number; mode: string };
  try {
    const user = await requirePermission("template:write");
    saved = await updateTemplate(user, String(input?.id ?? ""), String(input?.fingerprint ?? ""), input?.document);
  } catch (error) {
    return templateErrorState(error);
  }
  revalidatePath("/templates");
  redirect(`/templates/${saved.id}?saved=${saved.mode}`);
}
