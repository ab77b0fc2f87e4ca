"use client";

/**
 * Pick clusters by searching the portfolio on the server (never loads all 5,000 names).
 * The picked ids travel in hidden inputs named `name`.
 */
import { useEffect, useId, useState } from "react";
import { ENVIRONMENT_LABELS, type Environment } from "@/lib/domain/constants";
import { Input } from "@/components/ui/input";

export interface PickedCluster {
  id: string;
  name: string;
}
interface Found extends PickedCluster {
  environment: Environment;
  ownerTeam: string;
}

export function ClusterPicker({
  name,
  picked,
  onChange,
  error,
}: {
  name: string;
  picked: PickedCluster[];
  onChange: (next: PickedCluster[]) => void;
  error?: string[];
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Found[]>([]);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus("loading");
      try {
        const res = await fetch(`/api/portfolio/clusters?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!res.ok) throw new Error(String(res.status));
        setFound(((await res.json()) as { clusters: Found[] }).clusters);
        setStatus("idle");
      } catch {
        if (!controller.signal.aborted) setStatus("error");
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const pickedIds = new Set(picked.map((p) => p.id));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>
        <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-700">
          Find clusters
        </label>
        <Input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Name, team or region"
          maxLength={100}
          className="mt-1"
        />
        <ul
          className="mt-2 max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200"
          aria-label="Matching clusters"
          aria-busy={status === "loading"}
        >
          {status === "error" ? (
            <li className="px-3 py-2 text-sm text-red-600" role="alert">
              Could not search clusters; try again.
            </li>
          ) : null}
          {found.length === 0 && status === "idle" ? <li className="px-3 py-2 text-sm text-slate-500">No cluster matches.</li> : null}
          {found.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
              <span className="min-w-0 truncate">
                {c.name}{" "}
                <span className="text-xs text-slate-500">
                  · {ENVIRONMENT_LABELS[c.environment]} · {c.ownerTeam}
                </span>
              </span>
              <button
                type="button"
                disabled={pickedIds.has(c.id)}
                onClick={() => onChange([...picked, { id: c.id, name: c.name }])}
                className="shrink-0 rounded px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-100 hover:bg-brand-50 disabled:text-slate-400 disabled:ring-slate-200"
                aria-label={pickedIds.has(c.id) ? `${c.name} picked` : `Add ${c.name}`}
              >
                {pickedIds.has(c.id) ? "Picked" : "Add"}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <p className="text-sm font-medium text-slate-700" id={`${id}-picked`}>
          Picked ({picked.length})
        </p>
        <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby={`${id}-picked`}>
          {picked.length === 0 ? <li className="text-sm text-slate-500">None yet.</li> : null}
          {picked.map((p) => (
            <li key={p.id} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-2.5 pr-1 text-xs text-brand-900 ring-1 ring-brand-100">
              {p.name}
              <input type="hidden" name={name} value={p.id} />
              <button
                type="button"
                onClick={() => onChange(picked.filter((x) => x.id !== p.id))}
                className="rounded-full px-1 hover:bg-brand-100"
                aria-label={`Remove ${p.name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {error?.length ? (
          <p role="alert" className="mt-2 text-xs font-medium text-red-600" id={`field-${name}-error`}>
            {error.join(". ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
