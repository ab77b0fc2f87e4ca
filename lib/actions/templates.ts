"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction, validatedCall } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { archiveTemplateSchema, cloneTemplateSchema, saveTemplateInputSchema, TEMPLATE_LIMITS, templateRefSchema } from "@/lib/templates/schema";
import { cloneTemplate, importTemplate, updateTemplate, TemplateValidationError } from "@/lib/templates/mutations";
import type { TemplateImportError } from "@/lib/templates/schema";
import { deleteTemplate, setTemplateArchived } from "@/lib/templates/retire";
import { boundaryString } from "@/lib/validation/text";

/** ActionState plus the ordered list of template problems (path + message). */
export type TemplateActionState = ActionState & { problems?: TemplateImportError[] };

/** A template's problems travel with the error state, so the editor shows each beside its field. */
const withProblems = (error: unknown, state: ActionState<never>): ActionState<never> & { problems?: TemplateImportError[] } =>
  error instanceof TemplateValidationError && state.status === "error" ? { ...state, problems: error.errors } : state;

const importOne = validatedAction(
  "template:write",
  // twice the document limit: parseTemplateJson names the limit itself, with a better message
  z.object({ json: boundaryString(undefined, { max: 2 * TEMPLATE_LIMITS.jsonChars, label: "The template file" }).default("") }),
  async ({ json }, user) => {
    const { id } = await importTemplate(user, json);
    revalidatePath("/templates");
    redirect(`/templates/${id}?imported=1`);
  },
  { onError: withProblems },
);

/** Imports a template from pasted or uploaded JSON text; nothing is written unless all of it is valid. */
export async function importTemplateAction(prev: TemplateActionState, formData: FormData): Promise<TemplateActionState> {
  return importOne(prev, formData);
}

const clone = validatedAction("template:write", cloneTemplateSchema, (input, user) => cloneTemplate(user, input));

export async function cloneTemplateAction(prev: ActionState, formData: FormData): Promise<TemplateActionState> {
  const state = await clone(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath("/templates");
  redirect(`/templates/${state.data.id}/edit?cloned=1`);
}

const save = validatedCall(
  "template:write",
  saveTemplateInputSchema,
  async (input, user) => {
    const saved = await updateTemplate(user, input.id, input.fingerprint, input.document);
    revalidatePath("/templates");
    redirect(`/templates/${saved.id}?saved=${saved.mode}`);
  },
  { invalidMessage: "This template could not be saved. Reload the page and try again.", onError: withProblems },
);

/**
 * Saves the template editor's document. Problems come back with their paths so the editor
 * can show each one beside its field.
 */
export async function saveTemplateAction(input: { id: string; fingerprint: string; document: unknown }): Promise<TemplateActionState> {
  return save(input);
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
