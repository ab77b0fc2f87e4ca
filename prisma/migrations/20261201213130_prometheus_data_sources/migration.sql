-- AlterTable
ALTER TABLE "drill" ADD COLUMN     "replicasInSyncSec" DOUBLE PRECISION,
ADD COLUMN     "targetReplicasInSyncSec" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "metric_import" ADD COLUMN     "dataSourceId" TEXT,
ADD COLUMN     "queryKey" TEXT;

-- AlterTable
ALTER TABLE "recovery_target" ADD COLUMN     "replicasInSyncSec" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "data_source" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "authKind" TEXT NOT NULL DEFAULT 'none',
    "username" TEXT,
    "secretBox" TEXT,
    "headersBox" TEXT,
    "headerNames" TEXT[],
    "tlsVerify" BOOLEAN NOT NULL DEFAULT true,
    "caPem" TEXT,
    "timeoutSeconds" INTEGER NOT NULL DEFAULT 15,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "data_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cluster_metrics_source" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "dataSourceId" TEXT NOT NULL,
    "matchers" TEXT NOT NULL,
    "queries" JSONB NOT NULL DEFAULT '{}',
    "lagThresholdRecords" DOUBLE PRECISION NOT NULL DEFAULT 1000,
    "marginBeforeSec" INTEGER NOT NULL DEFAULT 300,
    "marginAfterSec" INTEGER NOT NULL DEFAULT 300,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cluster_metrics_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drill_computed_measurement" (
    "id" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "measurement" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drill_computed_measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drill_matrix_proposal" (
    "id" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" "MatrixAnswer" NOT NULL,
    "rationale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "drill_matrix_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "data_source_name_key" ON "data_source"("name");

-- CreateIndex
CREATE UNIQUE INDEX "cluster_metrics_source_clusterId_key" ON "cluster_metrics_source"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "drill_computed_measurement_drillId_measurement_key" ON "drill_computed_measurement"("drillId", "measurement");

-- CreateIndex
CREATE UNIQUE INDEX "drill_matrix_proposal_drillId_question_key" ON "drill_matrix_proposal"("drillId", "question");

-- AddForeignKey
ALTER TABLE "metric_import" ADD CONSTRAINT "metric_import_dataSourceId_fkey" FOREIGN KEY ("dataSourceId") REFERENCES "data_source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cluster_metrics_source" ADD CONSTRAINT "cluster_metrics_source_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cluster_metrics_source" ADD CONSTRAINT "cluster_metrics_source_dataSourceId_fkey" FOREIGN KEY ("dataSourceId") REFERENCES "data_source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill_computed_measurement" ADD CONSTRAINT "drill_computed_measurement_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drill_matrix_proposal" ADD CONSTRAINT "drill_matrix_proposal_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;
