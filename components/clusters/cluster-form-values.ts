import type { ClusterDetail } from "@/lib/clusters/queries";
import type { ClusterFormValues } from "./cluster-form";

/** A stored cluster as the strings its edit form starts from. */
export function toClusterFormValues(c: ClusterDetail): ClusterFormValues {
  return {
    id: c.id,
    revision: c.revision,
    name: c.name,
    environment: c.environment,
    architecture: c.architecture,
    distribution: c.distribution,
    version: c.version,
    metadataMode: c.metadataMode,
    brokerCount: String(c.brokerCount),
    availabilityZones: String(c.availabilityZones),
    cloud: c.cloud,
    region: c.region,
    replicationFactor: String(c.replicationFactor),
    partitionCount: String(c.partitionCount),
    retentionHours: String(c.retentionHours),
    peakIngressMBps: String(c.peakIngressMBps),
    peakEgressMBps: String(c.peakEgressMBps),
    walType: c.walType ?? "",
    ownerTeam: c.ownerTeam,
    tags: c.tags.join(", "),
    notes: c.notes,
    freshnessDays: String(c.freshnessDays),
  };
}
