/** The shape every server action answers with (shared by client forms and lib/action.ts). */
export type FieldErrors = Record<string, string[]>;

/**
 * Messages grouped by field path. Built with a Map and Object.fromEntries so that a path a
 * person typed, such as "__proto__", becomes an own key instead of reaching Object.prototype.
 */
export function groupFieldErrors(entries: Iterable<{ path: string; message: string }>): FieldErrors {
  const byPath = new Map<string, string[]>();
  for (const { path, message } of entries) byPath.set(path, [...(byPath.get(path) ?? []), message]);
  return Object.fromEntries(byPath);
}

/** One field a refused save differs in: the stored value beside the one the person typed, both as the form shows them. */
export interface ConflictField {
  field: string;
  theirs: string;
  yours: string;
}

/** Why a save was refused because someone else saved first: when, and the fields that differ, in form order. */
export interface ConflictDetails {
  /** ISO time of the save that won, when the stored row carries one */
  updatedAt?: string;
  fields: ConflictField[];
  /** the stored row that won, for a caller that merges it itself (the item autosave); set only where it asks */
  stored?: unknown;
}

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; message: string; fieldErrors: FieldErrors; values?: Record<string, string>; conflict?: ConflictDetails };

export const idleState = { status: "idle" } as const;
