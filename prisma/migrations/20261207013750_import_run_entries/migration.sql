-- CreateEnum
CREATE TYPE "ImportEntryKind" AS ENUM ('IMPORTED', 'UPDATED', 'SKIPPED', 'NOTE');

-- CreateTable
CREATE TABLE "ImportRunEntry" (
    "id" SERIAL NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" "ImportEntryKind" NOT NULL,
    "entry" JSONB NOT NULL,

    CONSTRAINT "ImportRunEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRunEntry_runId_id_idx" ON "ImportRunEntry"("runId", "id");

-- AddForeignKey
ALTER TABLE "ImportRunEntry" ADD CONSTRAINT "ImportRunEntry_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
