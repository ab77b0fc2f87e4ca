/**
 * The one path every server action takes: authenticate, authorize, parse with zod, call a
 * domain mutation, and answer with a typed ActionState that forms render with
 * useActionState (field errors beside fields, a message on top). Only DomainErrors reach
 * the user; anything else is logged and answered with a generic message.
 *
 *   validatedAction(permission, schema, fn)  a form (FormData), for a signed-in user with the permission
 *   publicAction(schema, fn)                 a form anyone may send: sign-in, single sign-on, first setup
 *   validatedCall(permission, schema, fn)    a call with a JSON value (the template editor, item autosave)
 *
 * All three refuse unsafe text anywhere in the input, parse it with the schema, and turn errors
 * into the same ActionState; `fn` may redirect() (Next's control flow passes through).
 */
import "server-only";
import { refresh } from "next/cache";
import { z } from "zod";
import { requirePermission, type CurrentUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/access/permissions";
import { ConflictError, DomainError } from "@/lib/errors";
import { fieldIssuesFirst, findUnsafeText } from "@/lib/validation/text";

import { groupFieldErrors, type ActionState, type ConflictField, type FieldErrors } from "./action-state";

export type { ActionState, ConflictDetails, ConflictField, FieldErrors } from "./action-state";
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
  return groupFieldErrors(fieldIssuesFirst(error.issues).map((issue) => ({ path: issue.path.map(String).join(".") || "_form", message: issue.message })));
}

/** Fields never sent back to the browser, even after a failed submit (passwords, tokens, secrets). */
const SECRET_FIELD = /password|secret|token/i;

/** Echo back what was typed (trimmed to a sane size) so a failed form keeps its input; never a secret. */
function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (SECRET_FIELD.test(k)) continue;
    const s = Array.isArray(v) ? v.join(", ") : String(v);
    out[k] = s.length > 20_000 ? s.slice(0, 20_000) : s;
  }
  return out;
}

/**
 * The answer for a form or payload holding text no field may store (a NUL character, a
 * lone surrogate, a `__proto__` key), found by findUnsafeText before any schema runs.
 */
export function unsafeInputState(unsafe: { path: string; message: string }, values?: Record<string, string>): ActionState<never> {
  return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: { [unsafe.path || "_form"]: [unsafe.message] }, values };
}

/**
 * For the few actions that read their FormData (or argument) themselves instead of through
 * validatedAction: the refusal when any of it holds text no field may store, or null.
 */
export function refuseUnsafeInput(input: FormData | unknown, { form = input instanceof FormData } = {}): ActionState<never> | null {
  if (form && !(input instanceof FormData)) return unreadableFormState();
  const unsafe = findUnsafeText(input instanceof FormData ? formDataToObject(input) : input);
  return unsafe ? unsafeInputState(unsafe) : null;
}

/** A forged call that passed something other than form data where a form is expected. */
function unreadableFormState(): ActionState<never> {
  return { status: "error", message: "This form could not be read. Reload the page and try again.", fieldErrors: {} };
}

/** The answer to anything that is not a DomainError (its details stay in the server log). */
export const UNEXPECTED_ERROR = "Something went wrong on our side. Nothing was saved; please try again.";

/** Turns an unexpected error into the generic answer, and a DomainError into its own. */
export function errorState(error: unknown, values?: Record<string, string>): ActionState<never> {
  if (error instanceof ConflictError && values) return conflictState(error, values);
  if (error instanceof DomainError) {
    return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
  }
  console.error("[action] unexpected error", error);
  return { status: "error", message: UNEXPECTED_ERROR, fieldErrors: {}, values };
}

function display(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? "" : String(value);
}

/** The time a stored row was last saved, as ISO text, or undefined when it carries none. */
function savedAt(value: unknown): string | undefined {
  const time = value instanceof Date || typeof value === "string" ? new Date(value) : null;
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : undefined;
}

/**
 * Someone saved first: list, in form order, each field whose stored value differs from what
 * the person typed (for a side-by-side comparison), mark those fields, keep the typed values,
 * and move the form's version marker forward so that saving again knowingly overwrites theirs.
 */
function conflictState(error: ConflictError, values: Record<string, string>): ActionState<never> {
  const current = (error.current ?? {}) as Record<string, unknown>;
  // a form posts one version marker: `revision` where it has one (a cluster's `version` is
  // its Kafka version, a fact to compare), otherwise `version`
  const marker = "revision" in values ? "revision" : "version";
  const fieldErrors: FieldErrors = {};
  const fields: ConflictField[] = [];
  const next = { ...values };
  for (const [key, typed] of Object.entries(values)) {
    if (!(key in current) || key === "id") continue;
    if (key === marker) {
      next[key] = display(current[key]);
      continue;
    }
    const theirs = display(current[key]);
    if (theirs.trim() === typed.trim()) continue;
    fields.push({ field: key, theirs, yours: typed });
    fieldErrors[key] = ["Changed by someone else; compare above"];
  }
  return { status: "error", message: error.message, fieldErrors, values: next, conflict: { updatedAt: savedAt(current.updatedAt), fields } };
}

export interface ActionOptions {
  /**
   * Reads the form into what the schema parses (default: its text fields, formDataToObject).
   * An upload form adds facts about its files here (e.g. whether one was attached); the
   * mutation reads the bytes from the FormData it also receives.
   */
  read?: (formData: FormData) => Record<string, unknown>;
  /** The message above the fields when the schema refuses the input. */
  invalidMessage?: string;
  /** Adds what a form shows beside the usual error state (a template's list of problems). */
  onError?: (error: unknown, state: ActionState<never>) => ActionState<never>;
}

const INVALID = "Please correct the highlighted fields.";

/** The shared core: authorize, refuse unsafe text, parse, run, and map errors. */
async function runAction<S extends z.ZodType, T, U>(
  authorize: () => Promise<U>,
  schema: S,
  raw: unknown,
  values: Record<string, string> | undefined,
  fn: (input: z.output<S>, user: U) => Promise<T>,
  options: ActionOptions,
): Promise<ActionState<T>> {
  try {
    const user = await authorize();
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { status: "error", message: options.invalidMessage ?? INVALID, fieldErrors: toFieldErrors(parsed.error), values };
    }
    // the schema refined the fields it reads; this refuses unsafe text anywhere else in the input
    const unsafe = findUnsafeText(raw);
    if (unsafe) return unsafeInputState(unsafe, values);
    return { status: "ok", data: await fn(parsed.data, user) };
  } catch (error) {
    // redirect() and notFound() work by throwing; let Next handle them
    if (isNextControlFlow(error)) throw error;
    const state = errorState(error, values);
    return options.onError ? options.onError(error, state) : state;
  }
}

/**
 * Builds a server action for `useActionState`: `(prev, formData) => ActionState`.
 * `fn` receives the parsed input, the authorized user and the form itself (for its files).
 */
export function validatedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser, formData: FormData) => Promise<T>,
  options: ActionOptions = {},
) {
  // the previous state is never read, so any form's state may be passed (no casts at the call sites)
  return async (_prev: ActionState, formData: FormData): Promise<ActionState<T>> => {
    if (!(formData instanceof FormData)) return unreadableFormState();
    const raw = options.read ? options.read(formData) : formDataToObject(formData);
    return runAction(
      () => requirePermission(permission),
      schema,
      raw,
      echoValues(raw),
      (input, user) => fn(input, user, formData),
      options,
    );
  };
}

/** A form anyone may send (it is how one gets a session): sign-in, single sign-on, first setup. */
export function publicAction<S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>, formData: FormData) => Promise<T>, options: ActionOptions = {}) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState<T>> => {
    if (!(formData instanceof FormData)) return unreadableFormState();
    const raw = options.read ? options.read(formData) : formDataToObject(formData);
    return runAction(
      async () => null,
      schema,
      raw,
      echoValues(raw),
      (input) => fn(input, formData),
      options,
    );
  };
}

/** A server action called with a JSON value instead of a form (an editor's save, an autosave). */
export function validatedCall<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser) => Promise<T>,
  options: Omit<ActionOptions, "read"> = {},
) {
  return (input: unknown): Promise<ActionState<T>> => runAction(() => requirePermission(permission), schema, input, undefined, fn, options);
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

/** Refreshes the page the action was called from after a successful write (outcome panel, lists). */
export function refreshOnSuccess<T>(action: (prev: ActionState, formData: FormData) => Promise<ActionState<T>>) {
  return async (prev: ActionState, formData: FormData): Promise<ActionState> => {
    const state = await action(prev, formData);
    if (state.status === "ok") refresh();
    return state;
  };
}
