"use client";

import { useState } from "react";
import type { ActionState, ConflictDetails, FieldErrors } from "@/lib/action-state";

/** Their values for the fields a refused save differs in, taken into the form for that one answer. */
interface Taken {
  answer: ActionState;
  values: Record<string, string>;
  /** counts the clicks so each one re-applies them over whatever was typed since */
  applied: number;
}

export interface TheirValues {
  /** the comparison to show: set when the answer is a conflict */
  conflict?: ConflictDetails;
  /** the answer's message, the comparison's heading */
  message?: string;
  /** their values, once taken for this answer: they go over what was typed */
  values?: Record<string, string>;
  /** the answer's field errors, without those of the fields whose values were taken */
  errors: FieldErrors;
  /** added to a form's key so each take remounts it with the values as defaults */
  keySuffix: string;
  /** takes their values (and returns them, for a form that holds its values in state) */
  take?: () => Record<string, string>;
}

/**
 * What a form answered with a conflict (someone else saved first) needs for "Use their
 * values": the values taken, the field errors left, and a key suffix that remounts a form
 * whose inputs read defaultValues. Taken values belong to one answer; the next submit drops them.
 */
export function useTheirValues(state: ActionState): TheirValues {
  const [taken, setTaken] = useState<Taken | null>(null);
  if (state.status !== "error") return { errors: {}, keySuffix: "" };
  const theirs = taken?.answer === state ? taken : null;
  const { conflict } = state;
  const drop = theirs?.values;
  return {
    conflict,
    message: state.message,
    values: drop,
    errors: drop ? Object.fromEntries(Object.entries(state.fieldErrors).filter(([k]) => !(k in drop))) : state.fieldErrors,
    keySuffix: theirs ? `:theirs-${theirs.applied}` : "",
    take: conflict
      ? () => {
          const values = Object.fromEntries(conflict.fields.map((f) => [f.field, f.theirs]));
          setTaken({ answer: state, values, applied: (theirs?.applied ?? 0) + 1 });
          return values;
        }
      : undefined,
  };
}
