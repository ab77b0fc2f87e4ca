"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { PullResult } from "@/lib/prometheus/pull-mutations";
import type { StreamedError } from "@/lib/http/ndjson";
import { readNdjson } from "@/lib/http/read-ndjson";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Planned = { key: string; label: string; promql: string | null };
type Landed = PullResult["queries"][number];
type PullEvent = { type: "query"; query: Landed } | { type: "done"; result: PullResult } | StreamedError;
type Failure = { message: string; byQuery: Record<string, string> };

const STATUS_TEXT = { ok: "done", skipped: "no data (optional)", failed: "failed" } as const;

/**
 * "Pull metrics from Prometheus": the queries run on the server four at a time and the answer
 * streams back (app/api/drills/[id]/metrics/pull), so each query shows its outcome (series,
 * points, time, or its error) the moment it lands, then the whole pull's summary.
 */
export function PullPanel({ drillId, planned, dataSource }: { drillId: string; planned: Planned[]; dataSource: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [landed, setLanded] = useState<Record<string, Landed>>({});
  const [result, setResult] = useState<PullResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function pull(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setLanded({});
    setResult(null);
    setFailure(null);
    try {
      const response = await fetch(`/api/drills/${encodeURIComponent(drillId)}/metrics/pull`, { method: "POST" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setFailure({ message: body?.error ?? `The pull could not start (HTTP ${response.status}).`, byQuery: {} });
        return;
      }
      await readNdjson<PullEvent>(response.body, (e) => {
        if (e.type === "query") setLanded((all) => ({ ...all, [e.query.key]: e.query }));
        else if (e.type === "done") {
          setResult(e.result);
          router.refresh();
        } else {
          const byQuery = Object.fromEntries((e.issues ?? []).filter((i) => i.path.startsWith("queries.")).map((i) => [i.path.slice(8), i.message]));
          setFailure({ message: e.error, byQuery });
        }
      });
    } catch {
      setFailure({ message: "The connection to Drillbook broke during the pull. Reload the page to see whether it was stored.", byQuery: {} });
    } finally {
      setPending(false);
    }
  }

  const count = Object.keys(landed).length;
  const storing = pending && count === planned.length;
  return (
    <div className="space-y-4">
      <form onSubmit={pull} className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Pulling…" : "Pull metrics from Prometheus"}
        </Button>
        <span className="text-sm text-slate-600">from {dataSource}; a re-run replaces the previous pull.</span>
      </form>
      {pending ? (
        <div className="space-y-1" role="status" aria-live="polite">
          <progress className="h-2 w-full max-w-md accent-brand-600" max={planned.length + 1} value={count} aria-label="Pull progress" />
          <p className="text-sm text-slate-600">
            {storing ? "Every query answered; storing the series and computing the measurements…" : `${count} of ${planned.length} queries answered…`}
          </p>
        </div>
      ) : null}
      {failure ? <Alert>{failure.message}</Alert> : null}
      {result ? (
        <Alert tone="green">
          Pulled {result.queries.filter((q) => q.status === "ok").length} of {result.queries.length} queries at a {result.window.stepSeconds} s step in{" "}
          {(result.timings.totalMs / 1000).toFixed(1)} s ({Math.round((100 * result.timings.prometheusMs) / Math.max(1, result.timings.totalMs))} % waiting on
          Prometheus). Measured from {result.window.faultSource}.
        </Alert>
      ) : null}
      <ol className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="Queries" aria-busy={pending}>
        {planned.map((q) => (
          <QueryRow key={q.key} query={q} landed={landed[q.key]} error={failure?.byQuery[q.key]} pending={pending} notStored={failure !== null} />
        ))}
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

/** One query: waiting, running, or what came back (and, after a failed pull, that nothing was kept). */
function QueryRow({ query, landed, error, pending, notStored }: { query: Planned; landed?: Landed; error?: string; pending: boolean; notStored: boolean }) {
  const failed = error !== undefined || landed?.status === "failed";
  let status = landed ? STATUS_TEXT[landed.status] : pending ? "running…" : notStored ? "not run" : "waiting";
  if (notStored && landed?.status === "ok") status = "fetched, not stored";
  return (
    <li className="px-3 py-2 text-sm" data-testid={`pull-${query.key}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium text-slate-800">{query.label}</span>
        <span className={failed ? "text-red-700" : landed?.status === "ok" ? "text-emerald-700" : "text-slate-500"}>
          {pending && !landed ? <span className="inline-block size-2 animate-pulse rounded-full bg-brand-500 align-middle" aria-hidden /> : null} {status}
          {landed?.status === "ok" ? ` · ${landed.seriesCount} series, ${landed.pointCount.toLocaleString("en-US")} points, ${landed.ms} ms` : ""}
        </span>
      </div>
      <code className="block break-all text-xs text-slate-500">{query.promql}</code>
      {error ? <p className="text-xs text-red-700">{error}</p> : landed?.status === "failed" ? <p className="text-xs text-red-700">{landed.message}</p> : null}
      {landed?.status === "skipped" ? <p className="text-xs text-slate-500">{landed.message}</p> : null}
    </li>
  );
}
