/**
 * Field-by-field difference between an audit event's before and after values (pure), for
 * the audit page's change view. Nested objects are flattened to dotted paths; arrays and
 * scalars are compared as a whole (by their JSON form).
 *
 * Updates record the whole row before but only the submitted fields after, so when both
 * sides exist only the fields present after are compared: a field missing from `after`
 * was not part of the change, not removed. A field set to null after is a removal.
 */
export type ChangeKind = "added" | "removed" | "changed";

export interface FieldChange {
  path: string;
  kind: ChangeKind;
  before: string | null;
  after: string | null;
}

type Flat = Map<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, out: Flat): Flat {
  if (isPlainObject(value) && (prefix === "" || Object.keys(value).length > 0)) {
    for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix !== "") {
    out.set(prefix, value);
  } else if (value !== null && value !== undefined) {
    // a bare scalar as the whole before/after value
    out.set("(value)", value);
  }
  return out;
}

/** How a value is shown in the change table. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Changes from `before` to `after`, sorted by path; unchanged fields are left out. */
export function diffAuditValues(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before ?? {}, "", new Map());
  const b = flatten(after ?? {}, "", new Map());
  const partialUpdate = before !== null && before !== undefined && after !== null && after !== undefined;
  const paths = (partialUpdate ? [...b.keys()] : [...new Set([...a.keys(), ...b.keys()])]).sort();
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const hasBefore = a.has(path) && a.get(path) !== null && a.get(path) !== undefined;
    const hasAfter = b.has(path) && b.get(path) !== null && b.get(path) !== undefined;
    if (!hasBefore && !hasAfter) continue;
    const beforeText = hasBefore ? displayValue(a.get(path)) : null;
    const afterText = hasAfter ? displayValue(b.get(path)) : null;
    if (hasBefore && hasAfter && JSON.stringify(a.get(path)) === JSON.stringify(b.get(path))) continue;
    changes.push({ path, kind: !hasBefore ? "added" : !hasAfter ? "removed" : "changed", before: beforeText, after: afterText });
  }
  return changes;
}
