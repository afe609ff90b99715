-- Written by hand (docs/decisions/0019; STYLE 15). Prisma does not model triggers, and its diff
-- leaves functions and triggers be, so the drift check stays quiet.
--
-- A submitted assessment was guarded against UPDATE only: a mistaken `DELETE FROM "Assessment"`
-- took a partner's rating, its answers and its scores away without a word. Now a DELETE of a
-- submitted assessment is refused too, unless the transaction has said first, on purpose, that it
-- erases submitted assessments:
--
--   SELECT set_config('chainwise.erase_submitted', 'on', true);  -- this transaction only
--   DELETE FROM "Assessment" WHERE ...;                           -- answers and scores go with it
--
-- No code path deletes a submitted assessment today: the retention purge deletes drafts only, and
-- deleting an account keeps its organisation's assessments (docs/privacy.md). A retention period
-- for submitted assessments, or an erasure the controller decides, takes this path. A released
-- rating stays refused whatever the setting ("Assessment_released", docs/decisions/0011).

CREATE OR REPLACE FUNCTION "assessment_refuse_change_once_submitted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'SUBMITTED' THEN
    IF TG_OP = 'DELETE' THEN
      IF current_setting('chainwise.erase_submitted', true) IS DISTINCT FROM 'on' THEN
        RAISE EXCEPTION 'Assessment % is submitted and is deleted only by a deliberate erasure (docs/decisions/0019).', OLD."id"
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Assessment % is submitted and never changes; a correction is a new version.', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER "Assessment_submitted_never_changes" ON "Assessment";
CREATE TRIGGER "Assessment_submitted_never_changes" BEFORE UPDATE OR DELETE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "assessment_refuse_change_once_submitted"();

-- TRUNCATE skips row triggers: without these, `TRUNCATE "Answer"` would empty every submitted
-- rating's answers in one go. Refused while any submitted assessment exists, unless erasing.
CREATE FUNCTION "assessment_refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('chainwise.erase_submitted', true) IS DISTINCT FROM 'on'
     AND EXISTS (SELECT 1 FROM "Assessment" WHERE "status" = 'SUBMITTED') THEN
    RAISE EXCEPTION 'TRUNCATE "%" would delete submitted assessments, which only a deliberate erasure does (docs/decisions/0019).', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Assessment_no_truncate" BEFORE TRUNCATE ON "Assessment"
  FOR EACH STATEMENT EXECUTE FUNCTION "assessment_refuse_truncate"();
CREATE TRIGGER "Answer_no_truncate" BEFORE TRUNCATE ON "Answer"
  FOR EACH STATEMENT EXECUTE FUNCTION "assessment_refuse_truncate"();
CREATE TRIGGER "AssessmentScore_no_truncate" BEFORE TRUNCATE ON "AssessmentScore"
  FOR EACH STATEMENT EXECUTE FUNCTION "assessment_refuse_truncate"();
