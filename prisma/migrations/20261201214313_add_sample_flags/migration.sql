-- AlterTable
ALTER TABLE "campaign" ADD COLUMN     "isSample" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "cluster" ADD COLUMN     "isSample" BOOLEAN NOT NULL DEFAULT false;
