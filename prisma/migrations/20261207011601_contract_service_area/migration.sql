-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "serviceArea" TEXT;

-- The values of lib/contracts/options.ts SERVICE_AREAS: a filter on a misspelt area would miss it.
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_serviceArea_check"
  CHECK ("serviceArea" IS NULL OR "serviceArea" IN ('employment', 'justice', 'health', 'community', 'housing', 'other'));
