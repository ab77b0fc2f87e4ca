"use client";

import { runCheckNowAction } from "@/lib/actions/checks";
import { Button } from "@/components/ui/button";
import { useSafeAction } from "@/components/ui/use-safe-action";
import { runStatusMeta } from "./run-meta";

type RunResult = { status: "passed" | "failed" | "error" | "retrying"; message: string };

/** "Run now": evaluates the check at once and says how it went, coloured by the result. */
export function RunCheckButton({ id, clusterId, describedBy }: { id: string; clusterId: string; describedBy?: string }) {
  const [state, action, pending] = useSafeAction(runCheckNowAction);
  const result = state.status === "ok" ? (state.data as RunResult) : null;
  return (
    <form action={action} className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="clusterId" value={clusterId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-describedby={describedBy}>
        {pending ? "Running…" : "Run now"}
      </Button>
      <p role="status" aria-live="polite" className={`min-w-0 text-sm break-words ${result ? runStatusMeta(result.status).text : "text-red-700"}`}>
        {state.status === "ok" ? (state.message ?? result?.message) : state.status === "error" ? state.message : null}
      </p>
    </form>
  );
}
