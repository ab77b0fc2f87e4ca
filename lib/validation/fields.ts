/**
 * zod building blocks shared by forms (string input) and the JSON API (typed input), with
 * messages a person can act on.
 */
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

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
  return z.preprocess(blankToUndefined, intCore(label, min, max));
}

/** An optional whole number (blank or missing → null). */
export function optionalIntField(label: string, min: number, max: number) {
  return z.preprocess(blankToUndefined, intCore(label, min, max).optional()).transform((v) => v ?? null);
}

/** A required decimal number between min and max. */
export function numberField(label: string, min: number, max: number) {
  return z.preprocess(blankToUndefined, numberCore(label, min, max));
}

/** An optional decimal number (blank or missing → null). */
export function optionalNumberField(label: string, min: number, max: number) {
  return z.preprocess(blankToUndefined, numberCore(label, min, max).optional()).transform((v) => v ?? null);
}

/** A required single-line text. */
export function textField(label: string, max: number) {
  return z
    .string({ error: `${label} is required` })
    .max(max * 4, `${label} must be at most ${max} characters`)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`));
}

/** Optional text (blank → null). */
export function optionalTextField(label: string, max: number) {
  return z
    .string()
    .max(max * 4, `${label} must be at most ${max} characters`)
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
    .union([z.string().max(10_000, `${label} is too long`), z.array(z.string().max(maxLength * 4))])
    .optional()
    .transform((v) => {
      const parts = Array.isArray(v) ? v : (v ?? "").split(",");
      return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
    })
    .refine((l) => l.length <= maxItems, `At most ${maxItems} ${label.toLowerCase()}`)
    .refine((l) => l.every((t) => t.length <= maxLength), `Each of the ${label.toLowerCase()} must be at most ${maxLength} characters`);
}
