"use client";

import { markConditionMetAction } from "@/lib/actions/reviews";
import { useSafeAction } from "@/components/ui/use-safe-action";

/** Marks one approval condition met (before its due day ends). */
export function ConditionMetButton({ conditionId, what }: { conditionId: string; what: string }) {
  const [state, action, pending] = useSafeAction(markConditionMetAction);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="conditionId" value={conditionId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Mark met: “${what}”`}
        className="rounded-md px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-200 hover:bg-brand-50 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Mark met"}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="ml-2 text-xs font-medium text-red-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
