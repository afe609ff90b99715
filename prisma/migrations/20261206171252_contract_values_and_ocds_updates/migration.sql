/*
  Warnings:

  - A unique constraint covering the columns `[commissionerId,ocid]` on the table `Contract` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "Contract_ocid_key";

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "ocdsReleaseDate" TIMESTAMP(3),
ADD COLUMN     "ocdsReleaseId" TEXT,
ADD COLUMN     "valueAmount" DECIMAL(18,2),
ADD COLUMN     "valueCurrency" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Contract_commissionerId_ocid_key" ON "Contract"("commissionerId", "ocid");
