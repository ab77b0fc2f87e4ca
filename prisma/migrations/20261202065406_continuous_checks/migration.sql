-- AlterEnum
ALTER TYPE "EvidenceKind" ADD VALUE 'metric_check';

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "checkId" TEXT;

-- CreateTable
CREATE TABLE "metric_check" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "queryKey" TEXT,
    "promql" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "lookbackSec" INTEGER NOT NULL,
    "schedule" TEXT NOT NULL,
    "templateKey" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "metric_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_check_run" (
    "id" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "slotAt" TIMESTAMP(3) NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'schedule',
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retryAt" TIMESTAMP(3),
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "stepSeconds" INTEGER NOT NULL,
    "queryText" TEXT NOT NULL,
    "minValue" DOUBLE PRECISION,
    "maxValue" DOUBLE PRECISION,
    "lastValue" DOUBLE PRECISION,
    "points" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "scorecardItemId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "metric_check_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "metric_check_nextRunAt_idx" ON "metric_check"("nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "metric_check_clusterId_name_key" ON "metric_check"("clusterId", "name");

-- CreateIndex
CREATE INDEX "metric_check_run_status_retryAt_idx" ON "metric_check_run"("status", "retryAt");

-- CreateIndex
CREATE UNIQUE INDEX "metric_check_run_checkId_slotAt_key" ON "metric_check_run"("checkId", "slotAt");

-- CreateIndex
CREATE INDEX "evidence_checkId_idx" ON "evidence"("checkId");

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "metric_check"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_check" ADD CONSTRAINT "metric_check_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_check_run" ADD CONSTRAINT "metric_check_run_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "metric_check"("id") ON DELETE CASCADE ON UPDATE CASCADE;
