"use client";

import { useActionState } from "react";
import { testDataSourceAction } from "@/lib/actions/datasources";
import { idleState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";

type Tested = { ok: true; version: string; via: string } | { ok: false; kind: string; message: string };

/** Runs /api/v1/status/buildinfo (or 1+1) against the stored settings and shows the answer or the precise error. */
export function TestConnectionButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(testDataSourceAction, idleState);
  const result = state.status === "ok" ? (state.data as Tested) : null;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Test connection to ${name}`}>
        {pending ? "Testing…" : "Test connection"}
      </Button>
      <div role="status" aria-live="polite" className="text-sm">
        {result?.ok ? (
          <p className="text-emerald-700">
            Connected: Prometheus {result.version} (via {result.via}).
          </p>
        ) : null}
        {result && !result.ok ? (
          <p className="text-red-700">
            Failed ({result.kind}): {result.message}
          </p>
        ) : null}
        {state.status === "error" ? <p className="text-red-700">{state.message}</p> : null}
      </div>
    </form>
  );
}
