-- AlterTable
ALTER TABLE "campaign" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "selection" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "cluster" ADD COLUMN     "lastDrillResult" TEXT,
ADD COLUMN     "nextSignalChangeAt" TIMESTAMP(3),
ADD COLUMN     "regressedFrom" "Outcome",
ADD COLUMN     "signalsRefreshedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "campaign_dueDate_idx" ON "campaign"("dueDate");

-- CreateIndex
CREATE INDEX "cluster_score_idx" ON "cluster"("score");

-- CreateIndex
CREATE INDEX "cluster_staleEvidenceCount_idx" ON "cluster"("staleEvidenceCount");

-- CreateIndex
CREATE INDEX "cluster_openRedAnswers_idx" ON "cluster"("openRedAnswers");

-- CreateIndex
CREATE INDEX "cluster_pendingSignOffs_idx" ON "cluster"("pendingSignOffs");

-- CreateIndex
CREATE INDEX "cluster_regressedAt_idx" ON "cluster"("regressedAt");

-- CreateIndex
CREATE INDEX "cluster_nextSignalChangeAt_idx" ON "cluster"("nextSignalChangeAt");

-- Backfill: clusters with scorecards or drills get one refresh from the first sweep, which then
-- records when their signals next change.
UPDATE "cluster" SET "nextSignalChangeAt" = CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "scorecard" s WHERE s."clusterId" = "cluster"."id")
   OR EXISTS (SELECT 1 FROM "drill" d WHERE d."clusterId" = "cluster"."id");
