-- AlterTable
ALTER TABLE "campaign" ADD COLUMN     "templateKey" TEXT;
