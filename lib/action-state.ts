/** The shape every server action answers with (shared by client forms and lib/action.ts). */
export type FieldErrors = Record<string, string[]>;

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; message: string; fieldErrors: FieldErrors; values?: Record<string, string> };

export const idleState = { status: "idle" } as const;
