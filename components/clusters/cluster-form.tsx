"use client";

import { useActionState, useState } from "react";
import { ARCHITECTURES, ARCHITECTURE_LABELS, ENVIRONMENTS, ENVIRONMENT_LABELS, METADATA_MODES, METADATA_MODE_LABELS, SHARED_STORAGE_ARCHITECTURES, type Architecture } from "@/lib/domain/constants";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectInput, TextArea, TextInput } from "@/components/ui/field";

export interface ClusterFormValues {
  id?: string;
  revision?: number | string;
  name: string;
  environment: string;
  architecture: string;
  distribution: string;
  version: string;
  metadataMode: string;
  brokerCount: string;
  availabilityZones: string;
  cloud: string;
  region: string;
  replicationFactor: string;
  partitionCount: string;
  retentionHours: string;
  peakIngressMBps: string;
  peakEgressMBps: string;
  walType: string;
  ownerTeam: string;
  tags: string;
  notes: string;
  freshnessDays: string;
}

export const emptyClusterValues: ClusterFormValues = {
  name: "",
  environment: "production",
  architecture: "apache_kafka",
  distribution: "Apache Kafka",
  version: "",
  metadataMode: "kraft",
  brokerCount: "3",
  availabilityZones: "3",
  cloud: "",
  region: "",
  replicationFactor: "3",
  partitionCount: "",
  retentionHours: "168",
  peakIngressMBps: "",
  peakEgressMBps: "",
  walType: "",
  ownerTeam: "",
  tags: "",
  notes: "",
  freshnessDays: "90",
};

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** Create/edit form for every cluster fact; server field errors appear beside each field. */
export function ClusterForm({ action, initial, submitLabel, cancelHref }: { action: Action; initial: ClusterFormValues; submitLabel: string; cancelHref: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  // After a failed submit React resets the form; show what the person typed, not the original values.
  const values: ClusterFormValues = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const [architecture, setArchitecture] = useState(values.architecture);
  const shared = SHARED_STORAGE_ARCHITECTURES.includes(architecture as Architecture);
  const v = (k: keyof ClusterFormValues) => String(values[k] ?? "");
  const formKey = state.status === "error" ? JSON.stringify(state.fieldErrors) + state.message : "initial";

  return (
    <form key={formKey} action={formAction} noValidate className="space-y-8">
      {state.status === "error" ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial.revision ? <input type="hidden" name="revision" value={String(values.revision ?? initial.revision)} /> : null}

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Identity</legend>
        <TextInput name="name" label="Name" required defaultValue={v("name")} error={errors.name} hint="Unique; letters, digits, dots, dashes, underscores." />
        <SelectInput name="environment" label="Environment" defaultValue={v("environment")} error={errors.environment} options={options(ENVIRONMENTS, ENVIRONMENT_LABELS)} />
        <TextInput name="ownerTeam" label="Owner team" required defaultValue={v("ownerTeam")} error={errors.ownerTeam} />
        <TextInput name="tags" label="Tags" defaultValue={v("tags")} error={errors.tags} hint="Comma-separated, e.g. tier-1, pci" />
        <TextInput name="freshnessDays" label="Evidence freshness window (days)" inputMode="numeric" defaultValue={v("freshnessDays")} error={errors.freshnessDays} hint="Evidence older than this is stale." />
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Platform</legend>
        <SelectInput
          name="architecture"
          label="Architecture"
          defaultValue={v("architecture")}
          error={errors.architecture}
          options={options(ARCHITECTURES, ARCHITECTURE_LABELS)}
          onChange={(e) => setArchitecture(e.target.value)}
        />
        <TextInput name="distribution" label="Distribution / vendor" required defaultValue={v("distribution")} error={errors.distribution} />
        <TextInput name="version" label="Version" required defaultValue={v("version")} error={errors.version} placeholder="3.9.0" />
        <SelectInput name="metadataMode" label="Metadata mode" defaultValue={v("metadataMode")} error={errors.metadataMode} options={options(METADATA_MODES, METADATA_MODE_LABELS)} />
        {shared || v("walType") ? (
          <TextInput name="walType" label="WAL type" defaultValue={v("walType")} error={errors.walType} hint="Shared-storage platforms only, e.g. EBS WAL, S3 WAL." />
        ) : null}
        <TextInput name="cloud" label="Cloud" required defaultValue={v("cloud")} error={errors.cloud} placeholder="aws" />
        <TextInput name="region" label="Region" required defaultValue={v("region")} error={errors.region} placeholder="eu-west-1" />
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Topology and traffic</legend>
        <TextInput name="brokerCount" label="Brokers" inputMode="numeric" required defaultValue={v("brokerCount")} error={errors.brokerCount} />
        <TextInput name="availabilityZones" label="Availability zones" inputMode="numeric" required defaultValue={v("availabilityZones")} error={errors.availabilityZones} />
        <TextInput name="replicationFactor" label="Replication factor" inputMode="numeric" required defaultValue={v("replicationFactor")} error={errors.replicationFactor} />
        <TextInput name="partitionCount" label="Partitions" inputMode="numeric" required defaultValue={v("partitionCount")} error={errors.partitionCount} />
        <TextInput name="retentionHours" label="Retention (hours)" inputMode="numeric" required defaultValue={v("retentionHours")} error={errors.retentionHours} />
        <TextInput name="peakIngressMBps" label="Peak ingress (MB/s)" inputMode="decimal" required defaultValue={v("peakIngressMBps")} error={errors.peakIngressMBps} />
        <TextInput name="peakEgressMBps" label="Peak egress (MB/s)" inputMode="decimal" required defaultValue={v("peakEgressMBps")} error={errors.peakEgressMBps} />
      </fieldset>

      <TextArea name="notes" label="Notes" defaultValue={v("notes")} error={errors.notes} hint="Anything reviewers should know: special topics, known risks, contacts." />

      <div className="flex gap-3 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
