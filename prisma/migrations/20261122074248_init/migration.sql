-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('COMMISSIONER', 'PRIME', 'SUBCONTRACTOR');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('VCSE', 'SME');

-- CreateEnum
CREATE TYPE "SizeBand" AS ENUM ('MICRO', 'SMALL', 'MEDIUM', 'LARGE');

-- CreateEnum
CREATE TYPE "ChainStatus" AS ENUM ('NAMED_IN_BID', 'CONTRACTED', 'DELIVERING', 'EXITED');

-- CreateEnum
CREATE TYPE "Perspective" AS ENUM ('SUBCONTRACTOR', 'PRIME');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "sector" "Sector",
    "sizeBand" "SizeBand",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "valueBand" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "ocid" TEXT,
    "commissionerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractPrime" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "primeId" TEXT NOT NULL,
    "lot" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractPrime_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplyChainMember" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "primeId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "namedInBid" BOOLEAN NOT NULL DEFAULT false,
    "status" "ChainStatus" NOT NULL,
    "canRate" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupplyChainMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "frameworkVersion" TEXT NOT NULL,
    "perspective" "Perspective" NOT NULL,
    "contractId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "primeId" TEXT NOT NULL,
    "respondentOrgId" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "assessmentId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "score" DOUBLE PRECISION,
    "principleKey" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "evidence" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("assessmentId","questionKey")
);

-- CreateIndex
CREATE INDEX "Organisation_type_name_idx" ON "Organisation"("type", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_ocid_key" ON "Contract"("ocid");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_commissionerId_reference_key" ON "Contract"("commissionerId", "reference");

-- CreateIndex
CREATE INDEX "ContractPrime_primeId_idx" ON "ContractPrime"("primeId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractPrime_contractId_primeId_key" ON "ContractPrime"("contractId", "primeId");

-- CreateIndex
CREATE INDEX "SupplyChainMember_organisationId_idx" ON "SupplyChainMember"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "SupplyChainMember_contractId_primeId_organisationId_key" ON "SupplyChainMember"("contractId", "primeId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_contractId_name_key" ON "Cycle"("contractId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_reference_key" ON "Assessment"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_supersedesId_key" ON "Assessment"("supersedesId");

-- CreateIndex
CREATE INDEX "Assessment_primeId_perspective_status_idx" ON "Assessment"("primeId", "perspective", "status");

-- CreateIndex
CREATE INDEX "Assessment_contractId_cycleId_perspective_status_idx" ON "Assessment"("contractId", "cycleId", "perspective", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_cycleId_primeId_respondentOrgId_perspective_vers_key" ON "Assessment"("cycleId", "primeId", "respondentOrgId", "perspective", "version");

-- CreateIndex
CREATE INDEX "Answer_questionKey_idx" ON "Answer"("questionKey");

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_commissionerId_fkey" FOREIGN KEY ("commissionerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPrime" ADD CONSTRAINT "ContractPrime_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractPrime" ADD CONSTRAINT "ContractPrime_primeId_fkey" FOREIGN KEY ("primeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyChainMember" ADD CONSTRAINT "SupplyChainMember_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyChainMember" ADD CONSTRAINT "SupplyChainMember_primeId_fkey" FOREIGN KEY ("primeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyChainMember" ADD CONSTRAINT "SupplyChainMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_primeId_fkey" FOREIGN KEY ("primeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_respondentOrgId_fkey" FOREIGN KEY ("respondentOrgId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
