/*
  Warnings:

  - A unique constraint covering the columns `[id,contractId]` on the table `Cycle` will be added. If there are existing duplicate values, this will fail.

*/
-- DropForeignKey
ALTER TABLE "Assessment" DROP CONSTRAINT "Assessment_cycleId_fkey";

-- CreateIndex
CREATE INDEX "Assessment_respondentOrgId_cycleId_idx" ON "Assessment"("respondentOrgId", "cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_id_contractId_key" ON "Cycle"("id", "contractId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_cycleId_contractId_fkey" FOREIGN KEY ("cycleId", "contractId") REFERENCES "Cycle"("id", "contractId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_contractId_primeId_fkey" FOREIGN KEY ("contractId", "primeId") REFERENCES "ContractPrime"("contractId", "primeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanItem" ADD CONSTRAINT "ActionPlanItem_contractId_primeId_fkey" FOREIGN KEY ("contractId", "primeId") REFERENCES "ContractPrime"("contractId", "primeId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrincipleReply" ADD CONSTRAINT "PrincipleReply_primeId_fkey" FOREIGN KEY ("primeId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyChainMember" ADD CONSTRAINT "SupplyChainMember_contractId_primeId_fkey" FOREIGN KEY ("contractId", "primeId") REFERENCES "ContractPrime"("contractId", "primeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_contractId_primeId_fkey" FOREIGN KEY ("contractId", "primeId") REFERENCES "ContractPrime"("contractId", "primeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- What Prisma's schema cannot say, written by hand (docs/decisions/0014). Prisma's diff neither
-- reads nor drops CHECK constraints, functions or triggers, so later migrations leave them be.
-- tests/integration/invariants.test.ts tries to break each with raw SQL.
-- ---------------------------------------------------------------------------------------------

-- A cycle closes after it opens.
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_closes_after_opens" CHECK ("closesAt" > "opensAt");

-- A self-assessment is answered by the prime itself, and a partner's rating never is.
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_respondent_fits_perspective"
  CHECK (("perspective" = 'PRIME') = ("respondentOrgId" = "primeId"));

-- Submitted exactly when it has a submission time.
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_submitted_when_timed"
  CHECK (("status" = 'SUBMITTED') = ("submittedAt" IS NOT NULL));

-- Scores are 0 to 100, or null (unscored, or not enough evidence).
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_score_in_range" CHECK ("score" BETWEEN 0 AND 100);
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_score_in_range" CHECK ("score" BETWEEN 0 AND 100);

-- A stored score is the overall score or one principle's: lib/reports/stored-scores.ts and
-- PRINCIPLE_KEYS (lib/framework/constants.ts). A framework with another principle needs a migration.
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_measure_known"
  CHECK ("measure" IN ('overall', 'risk-sharing', 'fair-payment', 'capacity-building', 'good-faith', 'data-sharing'));

-- A contract's value band: VALUE_BANDS (lib/contracts/options.ts), or what an OCDS import says
-- instead of guessing (lib/ocds/parse.ts): several currencies, or one that is not pounds.
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_valueBand_known"
  CHECK ("valueBand" IN ('Under £100k', '£100k–£1m', '£1m–£10m', '£10m–£50m', '£50m and over', 'Not published', 'Several currencies')
    OR "valueBand" ~ '^Not in pounds \([A-Z]{3}\)$');

-- A submitted assessment never changes: a correction is a new version (lib/services/assessments.ts).
CREATE FUNCTION "assessment_refuse_change_once_submitted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'SUBMITTED' THEN
    RAISE EXCEPTION 'Assessment % is submitted and never changes; a correction is a new version.', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Assessment_submitted_never_changes" BEFORE UPDATE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "assessment_refuse_change_once_submitted"();

-- Nor do its answers and scores. Allowed:
-- - deleting the whole assessment, which takes its answers and scores with it (the parent is gone
--   by the time the cascade reaches them): retention and erasure remove whole records, never parts;
-- - inserting answers in the transaction that wrote the submitted assessment (the row's xmin is this
--   transaction): the seed, the tests' factories, a restore and the benchmark load write a submitted
--   assessment and its answers together;
-- - inserting scores, which are stored once, on submit or by the backfill of older submissions
--   (lib/services/score-backfill.ts); the primary key stops a second row for a measure.
CREATE FUNCTION "assessment_content_refuse_change_once_submitted"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT a."status" INTO parent FROM "Assessment" a WHERE a."id" = OLD."assessmentId" FOR SHARE;
    IF FOUND AND parent."status" = 'SUBMITTED' THEN
      RAISE EXCEPTION 'Assessment % is submitted: its % rows never change.', OLD."assessmentId", TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT a."status", a.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text AS "writtenNow"
      INTO parent FROM "Assessment" a WHERE a."id" = NEW."assessmentId" FOR SHARE;
    IF FOUND AND parent."status" = 'SUBMITTED'
      AND NOT (TG_OP = 'INSERT' AND (TG_TABLE_NAME = 'AssessmentScore' OR parent."writtenNow")) THEN
      RAISE EXCEPTION 'Assessment % is submitted: its % rows never change.', NEW."assessmentId", TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Answer_submitted_never_changes" BEFORE INSERT OR UPDATE OR DELETE ON "Answer"
  FOR EACH ROW EXECUTE FUNCTION "assessment_content_refuse_change_once_submitted"();

CREATE TRIGGER "AssessmentScore_submitted_never_changes" BEFORE INSERT OR UPDATE OR DELETE ON "AssessmentScore"
  FOR EACH ROW EXECUTE FUNCTION "assessment_content_refuse_change_once_submitted"();
