"use client";

import { useActionState, useState } from "react";
import { saveMetricsSourceAction } from "@/lib/actions/metrics-source";
import { idleState, type ActionState } from "@/lib/action-state";
import type { ClusterMetricsSourceView } from "@/lib/prometheus/datasource-queries";
import { parseMatchers, QUERY_KEYS, QUERY_LIBRARY, renderQuery } from "@/lib/prometheus/rules";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type Props = { clusterId: string; current: ClusterMetricsSourceView | null; options: { id: string; name: string; baseUrl: string }[]; canEdit: boolean };

/** Data source, matchers and the query library, with the final PromQL updated as you type. */
export function MetricsSourceForm({ clusterId, current, options, canEdit }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveMetricsSourceAction, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  const [matchers, setMatchers] = useState(values?.matchers ?? current?.matchers ?? "");
  const initial = Object.fromEntries(
    QUERY_KEYS.map((k) => [k, values?.[`queries.${k}`] ?? current?.queries.find((q) => q.key === k)?.template ?? QUERY_LIBRARY[k].template]),
  );
  const [templates, setTemplates] = useState<Record<string, string>>(initial);
  const parsed = parseMatchers(matchers);
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Metrics source">
      {state.status === "error" ? <Alert>{state.message}</Alert> : null}
      {state.status === "ok" ? <Alert tone="green">{state.message}</Alert> : null}
      <input type="hidden" name="clusterId" value={clusterId} />
      <fieldset disabled={!canEdit} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectInput
            name="dataSourceId"
            label="Data source"
            defaultValue={values?.dataSourceId ?? current?.dataSourceId ?? options[0]?.id}
            error={errors.dataSourceId}
            options={options.map((o) => ({ value: o.id, label: `${o.name} (${o.baseUrl})` }))}
          />
          <TextInput
            name="matchers"
            label="Label matchers"
            value={matchers}
            onChange={(e) => setMatchers(e.target.value)}
            placeholder='cluster="payments-prod"'
            error={errors.matchers}
            hint={parsed.ok ? "Replace {…} in every query below." : parsed.error}
          />
          <TextInput
            name="lagThresholdRecords"
            label="Lag counts as recovered under (records)"
            inputMode="decimal"
            defaultValue={values?.lagThresholdRecords ?? String(current?.lagThresholdRecords ?? 1000)}
            error={errors.lagThresholdRecords}
          />
          <div className="grid grid-cols-2 gap-4">
            <TextInput
              name="marginBeforeSec"
              label="Margin before (s)"
              inputMode="numeric"
              defaultValue={values?.marginBeforeSec ?? String(current?.marginBeforeSec ?? 300)}
              error={errors.marginBeforeSec}
            />
            <TextInput
              name="marginAfterSec"
              label="Margin after (s)"
              inputMode="numeric"
              defaultValue={values?.marginAfterSec ?? String(current?.marginAfterSec ?? 300)}
              error={errors.marginAfterSec}
            />
          </div>
        </div>
        <details open={!current}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            Query library ({QUERY_KEYS.length} queries, editable for this cluster)
          </summary>
          <ul className="mt-3 space-y-4">
            {QUERY_KEYS.map((k) => {
              const lib = QUERY_LIBRARY[k];
              const error = errors[`queries.${k}`];
              return (
                <li key={k} className="rounded-md p-3 ring-1 ring-slate-200">
                  <label htmlFor={`query-${k}`} className="text-sm font-medium text-slate-800">
                    {lib.label}
                    {lib.optional ? <span className="ml-1 text-xs font-normal text-slate-500">(optional)</span> : null}
                  </label>
                  <p className="text-xs text-slate-500">{lib.feeds}</p>
                  <Textarea
                    id={`query-${k}`}
                    name={`queries.${k}`}
                    rows={2}
                    value={templates[k]}
                    onChange={(e) => setTemplates({ ...templates, [k]: e.target.value })}
                    aria-invalid={Boolean(error?.length)}
                    mono
                    className="mt-1"
                  />
                  {error?.length ? (
                    <p role="alert" className="text-xs text-red-600">
                      {error.join(". ")}
                    </p>
                  ) : null}
                  <p className="mt-1 break-all text-xs text-slate-600">
                    <span className="font-medium">Runs as:</span>{" "}
                    <code data-testid={`promql-${k}`}>{parsed.ok ? renderQuery(templates[k], parsed.matchers) : "(fix the matchers)"}</code>
                  </p>
                  {templates[k] !== lib.template ? (
                    <button type="button" className="mt-1 text-xs text-brand-700 underline" onClick={() => setTemplates({ ...templates, [k]: lib.template })}>
                      Back to the library default
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </details>
        {canEdit ? (
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save metrics source"}
          </Button>
        ) : null}
      </fieldset>
    </form>
  );
}
