-- AlterEnum
ALTER TYPE "EvidenceKind" ADD VALUE 'kafka_snapshot';

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "kafkaSnapshotId" TEXT;

-- CreateTable
CREATE TABLE "kafka_connection" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "bootstrapServers" TEXT[],
    "securityProtocol" TEXT NOT NULL,
    "saslMechanism" TEXT,
    "username" TEXT,
    "passwordBox" TEXT,
    "caCertPem" TEXT,
    "lastTestedAt" TIMESTAMP(3),
    "lastTestOk" BOOLEAN,
    "lastTestMessage" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "kafka_connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kafka_snapshot" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "takenById" TEXT,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "brokerCount" INTEGER NOT NULL,
    "topicCount" INTEGER NOT NULL,
    "partitionCount" INTEGER NOT NULL,
    "underReplicated" INTEGER NOT NULL,
    "underMinIsr" INTEGER NOT NULL,
    "offlinePartitions" INTEGER NOT NULL,
    "factsDecidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kafka_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "kafka_connection_clusterId_key" ON "kafka_connection"("clusterId");

-- CreateIndex
CREATE INDEX "kafka_snapshot_clusterId_takenAt_idx" ON "kafka_snapshot"("clusterId", "takenAt");

-- CreateIndex
CREATE INDEX "evidence_kafkaSnapshotId_idx" ON "evidence"("kafkaSnapshotId");

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_kafkaSnapshotId_fkey" FOREIGN KEY ("kafkaSnapshotId") REFERENCES "kafka_snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kafka_connection" ADD CONSTRAINT "kafka_connection_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kafka_snapshot" ADD CONSTRAINT "kafka_snapshot_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
