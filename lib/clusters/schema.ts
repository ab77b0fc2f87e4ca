/** The cluster input schema, shared by the form, the server action and the JSON API. */
import { z } from "zod";
import { boundaryString } from "@/lib/validation/text";
import { ARCHITECTURES, ENVIRONMENTS, METADATA_MODES, SHARED_STORAGE_ARCHITECTURES } from "@/lib/domain/constants";
import { enumField, intField, listField, numberField, optionalIntField, optionalTextField, textField } from "@/lib/validation/fields";

export const CLUSTER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const clusterInputSchema = z
  .object({
    name: textField("Name", 100).pipe(
      boundaryString().regex(CLUSTER_NAME_PATTERN, "Use letters, digits, dots, dashes and underscores, starting with a letter or digit"),
    ),
    environment: enumField("Environment", ENVIRONMENTS),
    architecture: enumField("Architecture", ARCHITECTURES),
    distribution: textField("Distribution", 100),
    version: textField("Version", 50),
    metadataMode: enumField("Metadata mode", METADATA_MODES),
    brokerCount: intField("Broker count", 1, 10_000),
    availabilityZones: intField("Availability zones", 1, 20),
    cloud: textField("Cloud", 50),
    region: textField("Region", 50),
    replicationFactor: intField("Replication factor", 1, 10),
    partitionCount: intField("Partition count", 1, 10_000_000),
    retentionHours: intField("Retention", 1, 24 * 365 * 10),
    peakIngressMBps: numberField("Peak ingress", 0, 1_000_000),
    peakEgressMBps: numberField("Peak egress", 0, 1_000_000),
    walType: optionalTextField("WAL type", 100),
    ownerTeam: textField("Owner team", 100),
    tags: listField("Tags", 20, 40),
    notes: boundaryString(undefined, { max: 10_000, tooLong: "Notes must be at most 10,000 characters" })
      .optional()
      .transform((s) => s ?? ""),
    freshnessDays: optionalIntField("Evidence freshness window", 1, 730).transform((v) => v ?? 90),
  })
  .superRefine((c, ctx) => {
    if (c.brokerCount >= 1 && c.replicationFactor > c.brokerCount) {
      ctx.addIssue({
        code: "custom",
        path: ["replicationFactor"],
        message: `Replication factor cannot exceed the broker count (${c.brokerCount})`,
      });
    }
    const shared = SHARED_STORAGE_ARCHITECTURES.includes(c.architecture);
    if (!shared && c.walType) {
      ctx.addIssue({ code: "custom", path: ["walType"], message: "WAL type only applies to shared-storage platforms; leave it blank" });
    }
    if (shared && !c.walType) {
      ctx.addIssue({ code: "custom", path: ["walType"], message: "Name the WAL type of this shared-storage platform" });
    }
  });

export type ClusterInput = z.output<typeof clusterInputSchema>;

/** Editing also carries the revision the form was loaded at (optimistic concurrency). */
export const clusterUpdateSchema = z.object({ id: boundaryString().min(1).max(64), revision: intField("Revision", 1, 1_000_000_000) });
