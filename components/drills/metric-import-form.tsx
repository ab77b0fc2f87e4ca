"use client";

import { useState } from "react";
import { importMetricsAction } from "@/lib/actions/drill";
import { METRIC_UNITS } from "@/lib/drills/schema";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { TextArea } from "@/components/ui/textarea";
import { useDrillForm } from "./use-drill-form";

/** Mirrors IMPORT_LIMITS.maxBytes on the server, so an oversized file is refused before upload. */
const MAX_BYTES = 10 * 1024 * 1024;

/** Upload of a CSV (`timestamp,metric,value`) or Prometheus range-query JSON export. */
export function MetricImportForm({ drillId }: { drillId: string }) {
  const form = useDrillForm(importMetricsAction);
  // keyed so the chosen format and source name start over after every answer
  return <ImportFields key={form.formKey} drillId={drillId} {...form} />;
}

function ImportFields({ drillId, state, formAction, pending, errors, value }: { drillId: string } & ReturnType<typeof useDrillForm>) {
  const [format, setFormat] = useState(value("format", "csv"));
  const [sourceName, setSourceName] = useState(value("sourceName"));
  const [tooBig, setTooBig] = useState<string | null>(null);

  function chooseFile(file: File | undefined) {
    setTooBig(file && file.size > MAX_BYTES ? `file too large (${(file.size / 1048576).toFixed(1)} MB; limit 10 MB)` : null);
    if (!file) return;
    setSourceName(file.name);
    if (/\.json$/i.test(file.name)) setFormat("prometheus");
    else if (/\.(csv|txt)$/i.test(file.name)) setFormat("csv");
  }
  const fileError = tooBig ? [tooBig] : errors.file;

  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Import metrics">
      <input type="hidden" name="drillId" value={drillId} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextInput
          name="file"
          label="Metrics file"
          type="file"
          accept=".csv,.json,.txt,text/csv,application/json"
          error={fileError}
          className="sm:col-span-2"
          hint="CSV with the header timestamp,metric,value (ISO-8601 or epoch timestamps), or the JSON of a Prometheus range query. Up to 10 MB and 200,000 points."
          onChange={(e) => chooseFile(e.currentTarget.files?.[0])}
        />
        <SelectInput
          name="format"
          label="Format"
          value={format}
          onChange={(e) => setFormat(e.target.value)}
          error={errors.format}
          options={[
            { value: "csv", label: "CSV" },
            { value: "prometheus", label: "Prometheus range query (JSON)" },
          ]}
        />
        <TextInput
          name="sourceName"
          label="Source name"
          value={sourceName}
          onChange={(e) => setSourceName(e.target.value)}
          error={errors.sourceName}
          hint="Defaults to the file name."
        />
      </div>

      {format === "prometheus" ? (
        <div className="grid gap-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4">
          <TextArea
            name="queryText"
            label="PromQL query"
            rows={2}
            defaultValue={value("queryText")}
            error={errors.queryText}
            className="font-mono sm:col-span-2 lg:col-span-4"
            placeholder='sum by (group) (kafka_consumergroup_lag{group="checkout"})'
            hint="Kept with the import so it can be re-run."
          />
          <TextInput
            name="windowStart"
            label="Window start (UTC)"
            type="datetime-local"
            step={1}
            defaultValue={value("windowStart")}
            error={errors.windowStart}
          />
          <TextInput name="windowEnd" label="Window end (UTC)" type="datetime-local" step={1} defaultValue={value("windowEnd")} error={errors.windowEnd} />
          <TextInput name="stepSeconds" label="Step (s)" inputMode="decimal" defaultValue={value("stepSeconds")} error={errors.stepSeconds} placeholder="15" />
        </div>
      ) : null}

      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-xs text-slate-500">Applied to every series in the file; change them per series afterwards.</legend>
        <TextInput
          name="threshold"
          label="SLO threshold"
          inputMode="decimal"
          defaultValue={value("threshold")}
          error={errors.threshold}
          hint="Recovery is when the series returns within it and stays."
        />
        <SelectInput
          name="thresholdDirection"
          label="Within threshold when"
          defaultValue={value("thresholdDirection", "below")}
          error={errors.thresholdDirection}
          options={[
            { value: "below", label: "value ≤ threshold (lag, errors)" },
            { value: "above", label: "value ≥ threshold (throughput)" },
          ]}
        />
        <TextInput
          name="settleSeconds"
          label="Must stay within for (s)"
          inputMode="numeric"
          defaultValue={value("settleSeconds", "60")}
          error={errors.settleSeconds}
        />
        <SelectInput
          name="unit"
          label="Unit"
          defaultValue={value("unit")}
          error={errors.unit}
          options={[{ value: "", label: "From the metric name" }, ...METRIC_UNITS.map((u) => ({ value: u, label: u }))]}
        />
      </fieldset>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || Boolean(tooBig)}>
          {pending ? "Importing…" : "Import metrics"}
        </Button>
        {state.status === "ok" ? (
          <p role="status" className="text-sm text-emerald-700">
            {state.message}
          </p>
        ) : null}
        {state.status === "error" && !fileError?.length ? (
          <p role="alert" className="text-sm text-red-600">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
