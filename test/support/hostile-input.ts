/**
 * Test helper (integration tests only): fast-check generators of hostile input for the
 * boundary fuzz test. Every generated payload starts from a valid one and breaks one to
 * three fields (or adds fields) with the values that reached PostgreSQL or the runtime and
 * answered 500 before the boundary refinement: NUL characters, lone surrogates, strings
 * past every limit, impossible and out-of-range dates, broken base64, `__proto__` keys,
 * and values of the wrong type.
 */
import fc from "fast-check";

const HUGE = "x".repeat(1_100_000);
// base64 of a file past the API's evidence limit, valid alphabet and padding: the regex check
// this replaced overflowed the stack on strings this long (must be 413 or 400, never 500)
const HUGE_BASE64 = "QUJD".repeat(1_400_000);

/** Text no field may store, mixed into otherwise plausible text. */
export const unsafeText = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.string({ maxLength: 20 }).map((s) => `${s}\ud800`),
  fc.string({ maxLength: 20 }).map((s) => `\udc00${s}`),
  fc.string({ maxLength: 20 }).map((s) => `${s}\udbff\u0000`),
);

/** Values that are wrong for most fields but harmless for some. */
export const oddValue = fc.oneof(
  fc.constantFrom("0000-01-01", "1969-12-31", "2025-02-30", "99999-01-01", "+275760-09-13T00:00:00Z", "2025-13-01T25:61", ""),
  fc.constantFrom("%", "%zz", "==", "not base64!", "QR=", "AAAAA", "////", "-1", "1e309", "NaN", "__proto__", "constructor"),
  fc.constant(HUGE),
  fc.constant(HUGE_BASE64),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

export const hostileValue = fc.oneof({ weight: 3, arbitrary: unsafeText }, { weight: 4, arbitrary: oddValue });

export type Mutation = { key: string; value: unknown } | { drop: string };

/** One to three changes to a payload whose fields are `keys`: break a field, drop it, or add one. */
export function mutations(keys: readonly string[]) {
  const key = keys.length
    ? fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...keys) },
        { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "x\u0000y", "k\ud800") },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      )
    : fc.string({ maxLength: 12 });
  const change: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ key, value: hostileValue }) },
    { weight: 1, arbitrary: fc.record({ drop: keys.length ? fc.constantFrom(...keys) : fc.constant("none") }) },
  );
  return fc.array(change, { minLength: 1, maxLength: 3 });
}

/** The payload with the changes applied; `__proto__` becomes an own key, as JSON.parse makes it. */
export function applyMutations(base: Record<string, unknown>, changes: Mutation[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const change of changes) {
    if ("drop" in change) delete out[change.drop];
    else Object.defineProperty(out, change.key, { value: change.value, enumerable: true, configurable: true, writable: true });
  }
  return out;
}

/** The payload as form fields: strings as they are, other values as a browser could send them. */
export function toFormData(payload: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(payload)) {
    if (Array.isArray(value)) for (const v of value) form.append(key, typeof v === "string" ? v : JSON.stringify(v));
    else if (value !== undefined) form.append(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  return form;
}
