-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'REFUSED';

-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "upload" BYTEA,
ALTER COLUMN "total" SET DEFAULT 0,
ALTER COLUMN "contracts" DROP NOT NULL;
