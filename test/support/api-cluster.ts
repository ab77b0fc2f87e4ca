/**
 * A valid cluster as the JSON API takes it. No imports, so Playwright specs (which must not load
 * the database client) and integration tests share it.
 */
export function apiClusterBody(overrides: Record<string, unknown> = {}) {
  return {
    name: "api-cluster",
    environment: "production",
    architecture: "apache_kafka",
    distribution: "Apache Kafka",
    version: "3.9.0",
    metadataMode: "kraft",
    brokerCount: 6,
    availabilityZones: 3,
    cloud: "aws",
    region: "eu-west-1",
    replicationFactor: 3,
    partitionCount: 600,
    retentionHours: 72,
    peakIngressMBps: 40,
    peakEgressMBps: 90,
    ownerTeam: "orders",
    ...overrides,
  };
}

/** A small staging cluster, as the e2e API and CLI specs post it, tagged for the spec. */
export function stagingClusterBody(name: string, tag: string) {
  return apiClusterBody({
    name,
    environment: "staging",
    brokerCount: 3,
    cloud: "gcp",
    region: "europe-west1",
    partitionCount: 300,
    ownerTeam: "streaming",
    tags: [tag],
  });
}
