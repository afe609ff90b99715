-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "formerMember" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "AuditEvent_userId_idx" ON "AuditEvent"("userId");
