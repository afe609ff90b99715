-- CreateEnum
CREATE TYPE "CodeLevel" AS ENUM ('MEETS', 'MEETS_WITH_CONDITIONS', 'NOT_YET');

-- CreateTable
CREATE TABLE "LevelConfirmation" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "level" "CodeLevel" NOT NULL,
    "reasons" JSONB NOT NULL,
    "ruleVersion" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LevelConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LevelConfirmation_assessmentId_confirmedAt_idx" ON "LevelConfirmation"("assessmentId", "confirmedAt");

-- AddForeignKey
ALTER TABLE "LevelConfirmation" ADD CONSTRAINT "LevelConfirmation_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (docs/decisions/0026): a confirmed level is a dated record, never changed. Only
-- deleting the whole self-assessment (deliberately, ADR 0019) takes its confirmations with it.
ALTER TABLE "LevelConfirmation" ADD CONSTRAINT "LevelConfirmation_reasons_a_list"
  CHECK (jsonb_typeof("reasons") = 'array');

CREATE FUNCTION "level_confirmation_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."id" = OLD."assessmentId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'Level confirmation % is a dated record and never changes; confirm again instead.', OLD."id"
    USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER "LevelConfirmation_never_changes" BEFORE UPDATE OR DELETE ON "LevelConfirmation"
  FOR EACH ROW EXECUTE FUNCTION "level_confirmation_refuse_change"();
