"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * useActionState plus what every small drill form needs: field errors, the values typed before
 * a failed submit (React resets the form after every action), and a key that remounts the
 * form after each answer so defaultValues apply again.
 */
export function useDrillForm(action: Action) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const echoed = state.status === "error" ? (state.values ?? {}) : {};
  const value = (key: string, fallback = "") => echoed[key] ?? fallback;
  const formKey =
    state.status === "idle" ? "idle" : `${state.status}-${state.status === "error" ? JSON.stringify(state.fieldErrors) + state.message : state.message}`;
  return { state, formAction, pending, errors, value, formKey };
}
