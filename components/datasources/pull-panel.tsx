"use client";

import { useActionState } from "react";
import { pullMetricsAction } from "@/lib/actions/prometheus-pull";
import { idleState, type ActionState } from "@/lib/action-state";
import type { PullResult } from "@/lib/prometheus/pull-mutations";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Planned = { key: string; label: string; promql: string | null };

const STATUS_TEXT = { ok: "done", skipped: "no data (optional)", failed: "failed" } as const;

/**
 * "Pull metrics from Prometheus": the queries run on the server four at a time; while they do,
 * each is listed as running, then with its outcome (series, points, time) or its error.
 */
export function PullPanel({ drillId, planned, dataSource }: { drillId: string; planned: Planned[]; dataSource: string }) {
  const [state, action, pending] = useActionState<ActionState<PullResult>, FormData>(pullMetricsAction, idleState);
  const result = state.status === "ok" ? state.data : null;
  const failedFor = (key: string) => (state.status === "error" ? state.fieldErrors[`queries.${key}`]?.[0] : undefined);
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="drillId" value={drillId} />
        <Button type="submit" disabled={pending}>
          {pending ? "Pulling…" : "Pull metrics from Prometheus"}
        </Button>
        <span className="text-sm text-slate-600">from {dataSource}; a re-run replaces the previous pull.</span>
      </form>
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      {result ? (
        <Alert tone="green">
          Pulled {result.queries.filter((q) => q.status === "ok").length} of {result.queries.length} queries at a {result.window.stepSeconds} s step in{" "}
          {(result.timings.totalMs / 1000).toFixed(1)} s ({Math.round((100 * result.timings.prometheusMs) / Math.max(1, result.timings.totalMs))} % waiting on
          Prometheus). Measured from {result.window.faultSource}.
        </Alert>
      ) : null}
      <ol className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="Queries" aria-busy={pending}>
        {planned.map((q) => {
          const done = result?.queries.find((r) => r.key === q.key);
          const failure = failedFor(q.key);
          const status = pending ? "running…" : done ? STATUS_TEXT[done.status] : failure ? "failed" : state.status === "error" ? "not stored" : "waiting";
          return (
            <li key={q.key} className="px-3 py-2 text-sm" data-testid={`pull-${q.key}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium text-slate-800">{q.label}</span>
                <span className={failure || done?.status === "failed" ? "text-red-700" : done?.status === "ok" ? "text-emerald-700" : "text-slate-500"}>
                  {pending ? <span className="inline-block size-2 animate-pulse rounded-full bg-brand-500 align-middle" aria-hidden /> : null} {status}
                  {done?.status === "ok" ? ` · ${done.seriesCount} series, ${done.pointCount.toLocaleString("en-US")} points, ${done.ms} ms` : ""}
                </span>
              </div>
              <code className="block break-all text-xs text-slate-500">{q.promql}</code>
              {failure ? <p className="text-xs text-red-700">{failure}</p> : null}
              {done?.status === "skipped" ? <p className="text-xs text-slate-500">{done.message}</p> : null}
            </li>
          );
        })}
      </ol>
      {result?.notes.length ? (
        <Alert tone="amber" title="Not computed">
          <ul className="list-disc pl-5">
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
