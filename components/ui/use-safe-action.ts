"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * useActionState for forms whose action may fail in transport (server down, body too
 * large): the failure becomes an error state shown in the form instead of an error page.
 */
export function useSafeAction(action: Action) {
  return useActionState<ActionState, FormData>(async (prev, formData) => {
    try {
      return await action(prev, formData);
    } catch (error) {
      // redirect() and notFound() travel as errors with a digest; let Next handle them
      if (typeof (error as { digest?: unknown })?.digest === "string") throw error;
      return { status: "error", message: "Could not reach the server; nothing was saved. Check your connection and try again.", fieldErrors: {} };
    }
  }, idleState);
}
