/**
 * The one refinement every string from outside passes (forms, JSON bodies, query and path
 * parameters, imported files): no NUL character and well-formed UTF-16, and a hard upper
 * bound on length. PostgreSQL refuses NUL in text (22021) and a lone surrogate cannot be
 * encoded as UTF-8 (the audit insert's JSON fails), so either one would otherwise surface
 * as a 500 far from the field that carried it. Schemas build on `boundaryString()` instead
 * of `z.string()`; the generic readers (lib/action.ts, lib/api/handler.ts) also run
 * `findUnsafeText` over whole payloads so a field a schema forgot cannot slip past.
 */
import { z } from "zod";

// zod probes for `new Function` to compile object parsers; under the CSP (no 'unsafe-eval')
// the browser reports that probe as a violation, so parse without it everywhere
z.config({ jitless: true });

/** Longest string any boundary field accepts unless it asks for more (e.g. base64 files). */
export const MAX_BOUNDARY_STRING = 1_000_000;

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, or null when it can. */
export function unsafeTextReason(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain a NUL character";
  if (LONE_SURROGATE.test(value)) return "must be valid Unicode text";
  return null;
}

/** Whether a string is free of NUL characters and lone surrogates. */
export function isSafeText(value: string): boolean {
  return unsafeTextReason(value) === null;
}

type StringParams = Parameters<typeof z.string>[0];

/**
 * `z.string()` with the boundary refinement: no NUL, no lone surrogate, at most `max`
 * characters (default MAX_BOUNDARY_STRING). Chain `.trim()`, `.min()`, `.max()` … as usual.
 */
export function boundaryString(
  params?: StringParams,
  { max = MAX_BOUNDARY_STRING, label = "This text", tooLong }: { max?: number; label?: string; tooLong?: string } = {},
) {
  return z.string(params).check((ctx) => {
    // marked as the boundary's own issue: a field's own message (its .max, its format) reads better, so it comes first
    if (ctx.value.length > max) {
      ctx.issues.push({
        code: "custom",
        message: tooLong ?? `${label} must be at most ${max.toLocaleString("en-US")} characters`,
        input: ctx.value,
        params: { boundary: true },
      });
      return;
    }
    const reason = unsafeTextReason(ctx.value);
    if (reason) ctx.issues.push({ code: "custom", message: `${label} ${reason}`, input: ctx.value });
  });
}

/** zod issues with the boundary's generic length issues after the field's own ones. */
export function fieldIssuesFirst<T extends object>(issues: readonly T[]): T[] {
  const generic = (i: T) => Boolean(("params" in i ? (i.params as { boundary?: boolean } | undefined) : undefined)?.boundary);
  return [...issues.filter((i) => !generic(i)), ...issues.filter(generic)];
}

export interface UnsafeTextFinding {
  path: string;
  message: string;
}

/**
 * The first string (key or value) anywhere in a decoded JSON or form payload that cannot be
 * stored, with its dotted path; null when the payload is clean. Also refuses a
 * `__proto__` key, which no Drillbook input has and which would change an object's
 * prototype when copied.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): UnsafeTextFinding | null {
  const where = () => path.join(".");
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    return reason ? { path: where(), message: `This text ${reason}` } : null;
  }
  if (depth > 64 || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key === "__proto__") return { path: [...path, key].join("."), message: 'The field name "__proto__" is not allowed' };
    const reason = unsafeTextReason(key);
    if (reason) return { path: where(), message: `A field name ${reason}` };
    const found = findUnsafeText((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
