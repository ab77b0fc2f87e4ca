import type { ActionState } from "@/lib/action-state";

/** What a control that saves on change says beside itself: the refusal, or "Saved". */
export function InlineStatus({ state }: { state: ActionState }) {
  if (state.status === "error") {
    return (
      <span role="alert" className="text-xs text-red-600">
        {state.message}
      </span>
    );
  }
  return state.status === "ok" ? <span className="text-xs text-emerald-600">Saved</span> : null;
}
