"use client";

import { takeMilestoneAction } from "@/lib/actions/milestones";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/input";
import { useSafeAction } from "@/components/ui/use-safe-action";

/** Names and takes an immutable snapshot of the scorecard as it is now. */
export function TakeMilestoneForm({ scorecardId, suggestion }: { scorecardId: string; suggestion: string }) {
  const [state, action, pending] = useSafeAction(takeMilestoneAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="scorecardId" value={scorecardId} />
      <TextInput
        name="name"
        label="Milestone name"
        defaultValue={state.status === "error" ? state.values?.name : suggestion}
        error={errors.name ?? (state.status === "error" && !errors.name ? [state.message] : undefined)}
        className="min-w-64 flex-1"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Taking…" : "Take milestone"}
      </Button>
    </form>
  );
}
