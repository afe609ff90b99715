-- Written by hand (docs/decisions/0011; STYLE 15): a rating a release rests on never changes, and a
-- released cycle of a prime takes no more ratings. The code already refuses both (a submitted
-- rating is never changed, and nothing is submitted once a cycle has closed, which every released
-- cycle has); these triggers refuse them whatever code sends them. Prisma does not model triggers.

-- The rating, its answers and its own scores, once a release holds it: no UPDATE, no DELETE.
-- TG_ARGV[0] names the column holding the rating's id in the table the trigger is on.
CREATE FUNCTION "release_keep_rating"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "ReleaseScopeRating" WHERE "assessmentId" = to_jsonb(OLD) ->> TG_ARGV[0]
  ) THEN
    RAISE EXCEPTION 'a released rating is never changed: % on "%" refused', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Assessment_released" BEFORE UPDATE OR DELETE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "release_keep_rating"('id');
CREATE TRIGGER "Answer_released" BEFORE UPDATE OR DELETE ON "Answer"
  FOR EACH ROW EXECUTE FUNCTION "release_keep_rating"('assessmentId');
CREATE TRIGGER "AssessmentScore_released" BEFORE UPDATE OR DELETE ON "AssessmentScore"
  FOR EACH ROW EXECUTE FUNCTION "release_keep_rating"('assessmentId');

-- A partner's rating submitted to a cycle of a prime that a release already holds ratings of.
CREATE FUNCTION "release_refuse_late_rating"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'SUBMITTED' AND NEW."perspective" = 'SUBCONTRACTOR'
     AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM 'SUBMITTED')
     AND EXISTS (
       SELECT 1 FROM "Assessment" a JOIN "ReleaseScopeRating" r ON r."assessmentId" = a."id"
       WHERE a."cycleId" = NEW."cycleId" AND a."primeId" = NEW."primeId"
     ) THEN
    RAISE EXCEPTION 'this cycle''s ratings of the prime have been released: no rating is submitted to it'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Assessment_not_after_release" BEFORE INSERT OR UPDATE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "release_refuse_late_rating"();
