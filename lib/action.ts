/**
 * The one path every server action takes: authenticate, authorize, parse with zod, call a
 * domain mutation, and answer with a typed ActionState that forms render with
 * useActionState (field errors beside fields, a message on top). Only DomainErrors reach
 * the user; anything else is logged and answered with a generic message.
 */
import "server-only";
import { z } from "zod";
import { requirePermission, type CurrentUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { ConflictError, DomainError } from "@/lib/errors";

import type { ActionState, FieldErrors } from "./action-state";

export type { ActionState, FieldErrors } from "./action-state";
export { idleState } from "./action-state";

/** Flattens FormData: repeated keys become arrays, files are dropped (uploads have their own path). */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** zod issues as { "field.path": ["message", ...] } */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Echo back what was typed (trimmed to a sane size) so a failed form keeps its input. */
function echoValues(raw: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const s = Array.isArray(v) ? v.join(", ") : v;
    out[k] = s.length > 20_000 ? s.slice(0, 20_000) : s;
  }
  return out;
}

/** Turns an unexpected error into the generic answer, and a DomainError into its own. */
export function errorState(error: unknown, values?: Record<string, string>): ActionState<never> {
  if (error instanceof ConflictError && values) return conflictState(error, values);
  if (error instanceof DomainError) {
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
  }
  console.error("[action] unexpected error", error);
  return { status: "error", message: "Something went wrong on our side. Nothing was saved; please try again.", fieldErrors: {}, values };
}

function display(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? "" : String(value);
}

/**
 * Someone saved first: tell the person, per field, what the other save changed, and move
 * the form's version marker forward so that saving again applies their values on top.
 */
function conflictState(error: ConflictError, values: Record<string, string>): ActionState<never> {
  const current = (error.current ?? {}) as Record<string, unknown>;
  const fieldErrors: FieldErrors = {};
  const next = { ...values };
  for (const [key, typed] of Object.entries(values)) {
    if (!(key in current) || key === "id") continue;
    if (key === "revision" || key === "version") {
      next[key] = display(current[key]);
      continue;
    }
    const theirs = display(current[key]);
    if (theirs.trim() !== typed.trim()) fieldErrors[key] = [`Changed by someone else to “${theirs || "(empty)"}”; yours is kept below`];
  }
  return { status: "error", message: error.message, fieldErrors, values: next };
}

/**
 * Builds a server action for `useActionState`: `(prev, formData) => ActionState`.
 * `fn` receives the parsed input and the authorized user.
 */
export function validatedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser) => Promise<T>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const raw = formDataToObject(formData);
    const values = echoValues(raw);
    try {
      const user = await requirePermission(permission);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: toFieldErrors(parsed.error), values };
      }
      const data = await fn(parsed.data, user);
      return { status: "ok", data };
    } catch (error) {
      // redirect() and notFound() work by throwing; let Next handle them
      if (isNextControlFlow(error)) throw error;
      return errorState(error, values);
    }
  };
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
