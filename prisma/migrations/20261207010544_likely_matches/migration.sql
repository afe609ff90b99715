-- CreateEnum
CREATE TYPE "LikelyMatchDecision" AS ENUM ('SAME', 'DIFFERENT');

-- CreateTable
CREATE TABLE "LikelyMatch" (
    "id" TEXT NOT NULL,
    "commissionerId" TEXT NOT NULL,
    "importRunId" TEXT,
    "supplierName" TEXT NOT NULL,
    "contractLabel" TEXT NOT NULL,
    "madeId" TEXT,
    "existingId" TEXT,
    "existingName" TEXT NOT NULL,
    "decision" "LikelyMatchDecision",
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LikelyMatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LikelyMatch_importRunId_createdAt_idx" ON "LikelyMatch"("importRunId", "createdAt");

-- CreateIndex
CREATE INDEX "LikelyMatch_commissionerId_decision_idx" ON "LikelyMatch"("commissionerId", "decision");

-- CreateIndex
CREATE INDEX "LikelyMatch_madeId_idx" ON "LikelyMatch"("madeId");

-- CreateIndex
CREATE INDEX "LikelyMatch_existingId_idx" ON "LikelyMatch"("existingId");

-- AddForeignKey
ALTER TABLE "LikelyMatch" ADD CONSTRAINT "LikelyMatch_commissionerId_fkey" FOREIGN KEY ("commissionerId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LikelyMatch" ADD CONSTRAINT "LikelyMatch_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LikelyMatch" ADD CONSTRAINT "LikelyMatch_madeId_fkey" FOREIGN KEY ("madeId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LikelyMatch" ADD CONSTRAINT "LikelyMatch_existingId_fkey" FOREIGN KEY ("existingId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
