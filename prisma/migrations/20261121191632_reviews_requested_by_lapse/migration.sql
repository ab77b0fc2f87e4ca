-- AlterTable
ALTER TABLE "approval" ADD COLUMN     "lapsedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "review_slot" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "requestedById" TEXT;

-- CreateIndex
CREATE INDEX "approval_signerId_createdAt_idx" ON "approval"("signerId", "createdAt");

-- CreateIndex
CREATE INDEX "review_slot_requestedById_idx" ON "review_slot"("requestedById");

-- AddForeignKey
ALTER TABLE "review_slot" ADD CONSTRAINT "review_slot_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
