/**
 * zod building blocks shared by forms (string input) and the JSON API (typed input), with
 * messages a person can act on.
 */
import { z } from "zod";
import { boundaryString } from "./text";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * A blank required number says "required", not "must be a number": z.coerce turns a missing
 * value into NaN before its own error callback sees it, so the check comes first.
 */
const present = (label: string) => z.custom<unknown>((v) => v !== undefined && v !== null, { message: `${label} is required` });

function intCore(label: string, min: number, max: number) {
  return z.coerce
    .number({ error: (i) => (i.input === undefined ? `${label} is required` : `${label} must be a number`) })
    .refine(Number.isFinite, `${label} must be a number`)
    .refine(Number.isInteger, `${label} must be a whole number`)
    .refine((n) => n >= min, min === 0 ? `${label} cannot be negative` : `${label} must be at least ${min}`)
    .refine((n) => n <= max, `${label} must be at most ${max.toLocaleString("en-US")}`);
}

function numberCore(label: string, min: number, max: number) {
  return z.coerce
    .number({ error: (i) => (i.input === undefined ? `${label} is required` : `${label} must be a number`) })
    .refine(Number.isFinite, `${label} must be a number`)
    .refine((n) => n >= min, min === 0 ? `${label} cannot be negative` : `${label} must be at least ${min}`)
    .refine((n) => n <= max, `${label} must be at most ${max.toLocaleString("en-US")}`);
}

/** A required whole number between min and max; accepts "12" from forms and 12 from JSON. */
export function intField(label: string, min: number, max: number) {
  return z.preprocess(blankToUndefined, present(label).pipe(intCore(label, min, max)));
}

/** An optional whole number (blank or missing → null). */
export function optionalIntField(label: string, min: number, max: number) {
  return z.preprocess(blankToUndefined, intCore(label, min, max).optional()).transform((v) => v ?? null);
}

/** A required decimal number between min and max. */
export function numberField(label: string, min: number, max: number) {
  return z.preprocess(blankToUndefined, present(label).pipe(numberCore(label, min, max)));
}

/** An optional decimal number (blank or missing → null). */
export function optionalNumberField(label: string, min: number, max: number) {
  return z.preprocess(blankToUndefined, numberCore(label, min, max).optional()).transform((v) => v ?? null);
}

/** A required single-line text. */
export function textField(label: string, max: number) {
  // the raw text may carry surrounding blanks (trimmed below); far beyond that it is too long
  return boundaryString({ error: `${label} is required` }, { label, max: max * 4, tooLong: `${label} must be at most ${max} characters` })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`));
}

/** Optional text (blank → null). */
export function optionalTextField(label: string, max: number) {
  return boundaryString(undefined, { label, max: max * 4, tooLong: `${label} must be at most ${max} characters` })
    .optional()
    .transform((s) => (s && s.trim() !== "" ? s.trim() : null))
    .refine((s) => s === null || s.length <= max, `${label} must be at most ${max} characters`);
}

/** One of a fixed set of values, with a readable message. */
export function enumField<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `Choose a valid ${label.toLowerCase()}` });
}

/** "a, b , c" from a form or ["a","b"] from JSON → trimmed unique list. */
export function listField(label: string, maxItems: number, maxLength: number) {
  return z
    .union([boundaryString(undefined, { label }).max(10_000, `${label} is too long`), z.array(boundaryString(undefined, { label }).max(maxLength * 4))], {
      error: `${label} must be text, or a list of text, without NUL characters or broken Unicode`,
    })
    .optional()
    .transform((v) => {
      const parts = Array.isArray(v) ? v : (v ?? "").split(",");
      return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
    })
    .refine((l) => l.length <= maxItems, `At most ${maxItems} ${label.toLowerCase()}`)
    .refine((l) => l.every((t) => t.length <= maxLength), `Each of the ${label.toLowerCase()} must be at most ${maxLength} characters`);
}

/** The id of a stored record a form names in a hidden field ("Missing scorecard" when absent). */
export function idField(what: string) {
  return boundaryString({ error: `Missing ${what}` })
    .trim()
    .min(1, `Missing ${what}`)
    .max(64, `The ${what} id is not valid`);
}

/** A form that names one record: `{ id }` (deletes, archive). */
export const recordRefSchema = (what: string) => z.object({ id: idField(what) });
