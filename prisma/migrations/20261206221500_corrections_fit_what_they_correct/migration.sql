-- Written by hand (docs/decisions/0014, "Corrections"; STYLE 15). Prisma does not model triggers.
--
-- A correction is a new version of a submitted assessment (lib/services/assessments.ts,
-- startCorrection): the same cycle (so the same contract), prime, respondent and perspective, and
-- the next version number. Reports and releases count the newest submitted version of each rating
-- by following "supersedesId" (lib/services/report-counts.ts, release-input.ts), so a row pointing
-- at another respondent's or another cycle's rating would silently drop that rating from a figure.
--
-- An AFTER trigger, so it sees every row of its statement whatever their order (a restore or the
-- benchmark load writes versions in one statement); the foreign key reports a missing original.
CREATE FUNCTION "assessment_correction_fits"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  original record;
BEGIN
  SELECT o."cycleId", o."primeId", o."respondentOrgId", o."perspective", o."version", o."status"
    INTO original FROM "Assessment" o WHERE o."id" = NEW."supersedesId";
  IF FOUND AND (
    (original."cycleId", original."primeId", original."respondentOrgId", original."perspective")
      IS DISTINCT FROM (NEW."cycleId", NEW."primeId", NEW."respondentOrgId", NEW."perspective")
    OR NEW."version" <> original."version" + 1
    OR original."status" <> 'SUBMITTED'
  ) THEN
    RAISE EXCEPTION 'Assessment % is not a correction of %: a correction is the next version of a submitted assessment, in the same cycle, of the same prime, by the same respondent, from the same perspective.', NEW."id", NEW."supersedesId"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Assessment_correction_fits"
  AFTER INSERT OR UPDATE OF "supersedesId", "cycleId", "primeId", "respondentOrgId", "perspective", "version"
  ON "Assessment"
  FOR EACH ROW WHEN (NEW."supersedesId" IS NOT NULL) EXECUTE FUNCTION "assessment_correction_fits"();
