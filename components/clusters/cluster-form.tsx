"use client";

import { useActionState, useState } from "react";
import {
  ARCHITECTURES,
  ARCHITECTURE_LABELS,
  ENVIRONMENTS,
  ENVIRONMENT_LABELS,
  METADATA_MODES,
  METADATA_MODE_LABELS,
  SHARED_STORAGE_ARCHITECTURES,
  type Architecture,
} from "@/lib/domain/constants";
import { idleState, type ActionState } from "@/lib/action-state";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConflictComparison } from "@/components/ui/conflict-comparison";
import { RequiredNote } from "@/components/ui/field";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { TextArea } from "@/components/ui/textarea";
import { useTheirValues } from "@/components/ui/use-their-values";

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

type ClusterField = Exclude<keyof ClusterFormValues, "id" | "revision">;

/** What each cluster fact is called: the label of its input and its row in a conflict comparison. */
const CLUSTER_FIELD_LABELS: Record<ClusterField, string> = {
  name: "Name",
  environment: "Environment",
  architecture: "Architecture",
  distribution: "Distribution / vendor",
  version: "Version",
  metadataMode: "Metadata mode",
  brokerCount: "Brokers",
  availabilityZones: "Availability zones",
  cloud: "Cloud",
  region: "Region",
  replicationFactor: "Replication factor",
  partitionCount: "Partitions",
  retentionHours: "Retention (hours)",
  peakIngressMBps: "Peak ingress (MB/s)",
  peakEgressMBps: "Peak egress (MB/s)",
  walType: "WAL type",
  ownerTeam: "Owner team",
  tags: "Tags",
  notes: "Notes",
  freshnessDays: "Evidence freshness window (days)",
};

/** The fields holding an enum, read through their labels in a comparison (never the raw value). */
const VALUE_LABELS: Partial<Record<string, Record<string, string>>> = {
  environment: ENVIRONMENT_LABELS,
  architecture: ARCHITECTURE_LABELS,
  metadataMode: METADATA_MODE_LABELS,
};
const formatValue = (field: string, value: string) => VALUE_LABELS[field]?.[value] ?? value;

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Create/edit form for every cluster fact; server field errors appear beside each field. A
 * refused edit (someone else saved first) shows their values beside the typed ones, which
 * stay in the form unless the person takes theirs.
 */
export function ClusterForm({
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  action: Action;
  initial: ClusterFormValues;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idleState);
  const theirs = useTheirValues(state);
  const { conflict, errors, take } = theirs;
  // After a failed submit React resets the form; show what the person typed (or took from the
  // other save), not the original values. A conflict's answer carries the new revision.
  const values: ClusterFormValues = { ...initial, ...(state.status === "error" ? state.values : undefined), ...theirs.values };
  const [architecture, setArchitecture] = useState(values.architecture);
  const shared = SHARED_STORAGE_ARCHITECTURES.includes(architecture as Architecture);
  const v = (k: keyof ClusterFormValues) => String(values[k] ?? "");
  const field = (k: ClusterField) => ({ name: k, label: CLUSTER_FIELD_LABELS[k], defaultValue: v(k), error: errors[k] });
  const formKey = state.status === "error" ? JSON.stringify(state.fieldErrors) + state.message + theirs.keySuffix : "initial";

  const takeTheirs = take
    ? () => {
        const picked = take();
        if (picked.architecture) setArchitecture(picked.architecture);
      }
    : undefined;

  return (
    <form key={formKey} action={formAction} noValidate className="space-y-8">
      {/* a conflict's message heads its comparison; any other refusal shows it here */}
      {state.status === "error" && !conflict ? <Alert title={state.message}>{errors._form?.join(". ")}</Alert> : null}
      {conflict ? (
        <ConflictComparison conflict={conflict} message={theirs.message} labels={CLUSTER_FIELD_LABELS} formatValue={formatValue} onUseTheirs={takeTheirs} />
      ) : null}
      <RequiredNote />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial.revision ? <input type="hidden" name="revision" value={String(values.revision ?? initial.revision)} /> : null}

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Identity</legend>
        <TextInput {...field("name")} required hint="Unique; letters, digits, dots, dashes, underscores." />
        <SelectInput {...field("environment")} required options={options(ENVIRONMENTS, ENVIRONMENT_LABELS)} />
        <TextInput {...field("ownerTeam")} required />
        <TextInput {...field("tags")} hint="Comma-separated, e.g. tier-1, pci" />
        <TextInput {...field("freshnessDays")} inputMode="numeric" hint="Evidence older than this is stale." />
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Platform</legend>
        <SelectInput
          {...field("architecture")}
          required
          options={options(ARCHITECTURES, ARCHITECTURE_LABELS)}
          onChange={(e) => setArchitecture(e.target.value)}
        />
        <TextInput {...field("distribution")} required />
        <TextInput {...field("version")} required hint="As the platform reports it, e.g. 3.9.0 or 7.7." />
        <SelectInput {...field("metadataMode")} required options={options(METADATA_MODES, METADATA_MODE_LABELS)} />
        {shared || v("walType") ? <TextInput {...field("walType")} required={shared} hint="Shared-storage platforms only, e.g. EBS WAL, S3 WAL." /> : null}
        <TextInput {...field("cloud")} required hint="e.g. aws, gcp, azure or on-prem." />
        <TextInput {...field("region")} required hint="e.g. eu-west-1." />
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Topology and traffic</legend>
        <TextInput {...field("brokerCount")} inputMode="numeric" required />
        <TextInput {...field("availabilityZones")} inputMode="numeric" required />
        <TextInput {...field("replicationFactor")} inputMode="numeric" required />
        <TextInput {...field("partitionCount")} inputMode="numeric" required />
        <TextInput {...field("retentionHours")} inputMode="numeric" required />
        <TextInput {...field("peakIngressMBps")} inputMode="decimal" required />
        <TextInput {...field("peakEgressMBps")} inputMode="decimal" required />
      </fieldset>

      <TextArea {...field("notes")} hint="Anything reviewers should know: special topics, known risks, contacts." />

      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
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
