-- CreateEnum
CREATE TYPE "VerificationVerdict" AS ENUM ('VERIFIED', 'NOT_VERIFIED', 'MORE_EVIDENCE');

-- CreateTable
CREATE TABLE "VerificationEntry" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "principleKey" TEXT NOT NULL,
    "verdict" "VerificationVerdict",
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VerificationEntry_assessmentId_principleKey_createdAt_idx" ON "VerificationEntry"("assessmentId", "principleKey", "createdAt");

-- AddForeignKey
ALTER TABLE "VerificationEntry" ADD CONSTRAINT "VerificationEntry_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (docs/decisions/0025): what Prisma's schema cannot say.

-- A principle the framework has; a response always says something (a verdict may come without a
-- comment only when it is "verified").
ALTER TABLE "VerificationEntry" ADD CONSTRAINT "VerificationEntry_principle"
  CHECK ("principleKey" IN ('risk-sharing', 'fair-payment', 'capacity-building', 'good-faith', 'data-sharing'));
ALTER TABLE "VerificationEntry" ADD CONSTRAINT "VerificationEntry_says_something"
  CHECK ("verdict" IS NOT DISTINCT FROM 'VERIFIED' OR length(btrim("text")) > 0);

-- The history of a review is kept: rows are added, never changed or removed. Deleting the whole
-- self-assessment takes its review with it (the parent is gone by the time the cascade reaches them,
-- as for answers, ADR 0014).
CREATE FUNCTION "verification_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."id" = OLD."assessmentId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'Verification entry % is part of a review''s history and never changes.', OLD."id"
    USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER "VerificationEntry_never_changes" BEFORE UPDATE OR DELETE ON "VerificationEntry"
  FOR EACH ROW EXECUTE FUNCTION "verification_entry_refuse_change"();

-- TRUNCATE skips row triggers: refused too, unless the transaction erases on purpose (ADR 0019).
CREATE FUNCTION "verification_entry_refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('chainwise.erase_submitted', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'Verification entries are a review''s history and are never emptied.'
    USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER "VerificationEntry_never_truncated" BEFORE TRUNCATE ON "VerificationEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "verification_entry_refuse_truncate"();
