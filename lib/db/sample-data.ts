/** Deterministic sample data for a new installation and for demos. */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const SAMPLE_CLUSTER_NAME = "payments-events-prod";

/** Inserts the sample cluster unless a cluster of that name exists. */
export async function seedSampleData(prisma: PrismaClient): Promise<void> {
  const exists = await prisma.cluster.findUnique({ where: { name: SAMPLE_CLUSTER_NAME }, select: { id: true } });
  if (exists) return;
  await prisma.cluster.create({
    data: {
      name: SAMPLE_CLUSTER_NAME,
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
      partitionCount: 1200,
      retentionHours: 72,
      peakIngressMBps: 50,
      peakEgressMBps: 150,
      ownerTeam: "payments-platform",
      tags: ["sample", "tier-1"],
      notes:
        "Sample cluster created on first start. Six brokers across three zones, broker-local storage. " +
        "Edit or delete it once you have added your own clusters.",
      recoveryTargets: {
        create: [
          { scenario: "broker_kill", leadershipSettledSec: 30, producersStableSec: 60, lagRecoveredSec: 600, peakLagRecords: 500000 },
        ],
      },
    },
  });
}
