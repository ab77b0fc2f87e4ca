-- AlterTable
ALTER TABLE "cluster" ADD COLUMN     "heldBackBy" TEXT,
ADD COLUMN     "templateOutcomes" JSONB;

-- AlterTable
ALTER TABLE "scorecard" ADD COLUMN     "isCurrent" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "scorecard_clusterId_isCurrent_idx" ON "scorecard"("clusterId", "isCurrent");

-- Existing data: mark each template's current scorecard (the newest sent to review, else the
-- newest draft; the same rule as lib/readiness/current-rules.ts) and make every cluster with
-- scorecards due for the sweep, which recomputes its readiness as the weakest current outcome.
-- The per-template outcomes start empty, so that recomputation flags no regression.
UPDATE "scorecard" s SET "isCurrent" = true
FROM (
  SELECT DISTINCT ON (sc."clusterId", t."key") sc."id"
  FROM "scorecard" sc JOIN "template" t ON t."id" = sc."templateId"
  ORDER BY sc."clusterId", t."key",
    (sc."state" IN ('in_review', 'changes_requested', 'approved')) DESC, sc."createdAt" DESC, sc."id" DESC
) c
WHERE s."id" = c."id";

UPDATE "cluster" SET "nextSignalChangeAt" = CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "scorecard" sc WHERE sc."clusterId" = "cluster"."id");
