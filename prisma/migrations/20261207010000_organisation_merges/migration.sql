-- Written by hand (docs/decisions/0027; STYLE 15). Prisma does not model triggers.
--
-- Merging two organisations that are the same (lib/services/organisation-merge.ts) moves the
-- duplicate's ratings and self-assessments to the organisation kept: their "primeId" and
-- "respondentOrgId" change, and nothing else. A submitted assessment otherwise never changes, so
-- the transaction says first, on purpose, that it merges organisations:
--
--   SELECT set_config('chainwise.merge_organisations', 'on', true);  -- this transaction only
--
-- and then an UPDATE that changes only those two columns is let through. Any other change is still
-- refused, and a released rating is still refused whatever the setting ("Assessment_released",
-- docs/decisions/0011): the merge refuses a duplicate that released figures rest on before it
-- gets here.

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
    IF current_setting('chainwise.merge_organisations', true) = 'on'
       AND (to_jsonb(NEW) - 'primeId' - 'respondentOrgId') = (to_jsonb(OLD) - 'primeId' - 'respondentOrgId') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Assessment % is submitted and never changes; a correction is a new version.', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
