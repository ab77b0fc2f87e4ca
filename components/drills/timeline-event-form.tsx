"use client";

import { TIMELINE_LAYERS } from "@/lib/domain/constants";
import { addTimelineEventAction } from "@/lib/actions/drill";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { LAYER_LABEL } from "./layer-labels";
import { useDrillForm } from "./use-drill-form";

const MARKERS = [
  { value: "other", label: "Event" },
  { value: "fault", label: "Fault injected" },
  { value: "recovered", label: "Recovered" },
];

/** Adds one event to the drill's timeline. */
export function TimelineEventForm({ drillId, defaultAt }: { drillId: string; defaultAt: string }) {
  const { state, formAction, pending, errors, value, formKey } = useDrillForm(addTimelineEventAction);
  return (
    <form key={formKey} action={formAction} noValidate className="mt-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200" aria-label="Add timeline event">
      <h3 className="mb-3 text-sm font-semibold text-slate-900">Add event</h3>
      <input type="hidden" name="drillId" value={drillId} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
        <TextInput
          name="at"
          label="Time (UTC)"
          type="datetime-local"
          step={1}
          defaultValue={value("at", defaultAt)}
          error={errors.at}
          className="lg:col-span-2"
        />
        <SelectInput
          name="layer"
          label="Layer"
          defaultValue={value("layer", "control_plane")}
          error={errors.layer}
          options={TIMELINE_LAYERS.map((l) => ({ value: l, label: LAYER_LABEL[l] }))}
        />
        <SelectInput
          name="marker"
          label="Marker"
          defaultValue={value("marker", "other")}
          error={errors.marker}
          options={MARKERS}
          hint="Faults and recoveries mark the charts."
        />
        <TextInput
          name="label"
          label="What happened"
          defaultValue={value("label")}
          error={errors.label}
          className="lg:col-span-2"
          placeholder="Leaders re-elected for all partitions"
        />
        <TextInput name="detail" label="Detail (optional)" defaultValue={value("detail")} error={errors.detail} className="sm:col-span-2 lg:col-span-5" />
        <div className="flex items-end">
          <Button type="submit" variant="secondary" disabled={pending} className="w-full">
            {pending ? "Adding…" : "Add event"}
          </Button>
        </div>
      </div>
      {state.status === "error" && !Object.keys(errors).length ? (
        <div className="mt-3">
          <Alert>{state.message}</Alert>
        </div>
      ) : null}
      {state.status === "ok" ? (
        <p role="status" className="mt-3 text-sm text-emerald-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
