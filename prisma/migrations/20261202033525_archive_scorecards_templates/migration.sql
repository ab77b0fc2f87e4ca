-- AlterTable
ALTER TABLE "scorecard" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "template" ADD COLUMN     "archivedAt" TIMESTAMP(3);
