-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "afterRelease" BOOLEAN NOT NULL DEFAULT false;

-- ---------------------------------------------------------------------------------------------
-- Written by hand (docs/decisions/0029; STYLE 15). Prisma does not model triggers or CHECKs.
--
-- A prime's self-assessment is locked once partners' figures for its cycle are released, so a
-- claim cannot be adjusted to what partners said. Released means what "Assessment_not_after_release"
-- (docs/decisions/0011) already means by it: a stored release holds one of the prime's partners'
-- ratings of that cycle. The code refuses the same (lib/services/self-assessment-lock.ts); these
-- triggers refuse it whatever code sends it. A later change is a new row with "afterRelease" set,
-- superseding the locked version, which stays as it was.
-- ---------------------------------------------------------------------------------------------

-- Only a prime's self-assessment is changed after release, and only as a new version of it.
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_after_release_is_a_prime_version"
  CHECK (NOT "afterRelease" OR ("perspective" = 'PRIME' AND "supersedesId" IS NOT NULL));

CREATE FUNCTION "cycle_released_for_prime"(cycle text, prime text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "Assessment" a JOIN "ReleaseScopeRating" r ON r."assessmentId" = a."id"
    WHERE a."cycleId" = cycle AND a."primeId" = prime AND a."perspective" = 'SUBCONTRACTOR'
  )
$$;

-- The locked version of a self-assessment: from before the release, of a released cycle. False
-- once the assessment is gone, so a deliberate deletion's cascade reaches its rows (ADR 0019).
CREATE FUNCTION "self_assessment_locked"(assessment text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "Assessment" a
    WHERE a."id" = assessment AND a."perspective" = 'PRIME' AND NOT a."afterRelease"
      AND "cycle_released_for_prime"(a."cycleId", a."primeId")
  )
$$;

-- No change to a locked version (a draft's answers saved, a draft submitted), no new version from
-- before the release into a released cycle, and "afterRelease" is set once, when the row is written.
-- DELETE is left to ADR 0019: a submitted one is erased only deliberately, and a draft nobody sent
-- by the release was never a claim.
CREATE FUNCTION "self_assessment_refuse_change_after_release"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."afterRelease" IS DISTINCT FROM NEW."afterRelease" THEN
      RAISE EXCEPTION 'Assessment %: whether it was made after release is set when it is written, never changed.', OLD."id"
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF "self_assessment_locked"(OLD."id") THEN
      RAISE EXCEPTION 'Self-assessment % is locked: partners'' figures for its cycle have been released (docs/decisions/0029). A later change is a new version made after release.', OLD."id"
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF NEW."perspective" = 'PRIME' AND NOT NEW."afterRelease"
     AND "cycle_released_for_prime"(NEW."cycleId", NEW."primeId") THEN
    RAISE EXCEPTION 'Self-assessment % is locked: partners'' figures for its cycle have been released (docs/decisions/0029). A later change is a new version made after release.', NEW."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Assessment_self_assessment_locked" BEFORE INSERT OR UPDATE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "self_assessment_refuse_change_after_release"();

-- A version marked as made after release must really follow a release, or a prime could hide a
-- correction from reports (which read the locked version) before anything was released. Checked at
-- commit: a restore (lib/db/backup.ts) writes the assessment before the release rows that hold its
-- cycle's ratings, in one transaction.
CREATE FUNCTION "self_assessment_after_release_follows_one"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT "cycle_released_for_prime"(NEW."cycleId", NEW."primeId") THEN
    RAISE EXCEPTION 'Assessment % is marked as made after release, but partners'' figures for its cycle have not been released.', NEW."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Assessment_after_release_follows_one" AFTER INSERT ON "Assessment"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."afterRelease") EXECUTE FUNCTION "self_assessment_after_release_follows_one"();

-- A locked version's answers: no insert, update or delete (a draft's answers are otherwise free).
-- Evidence files of a locked version: none removed or altered. Adding one is allowed: a document
-- does not change what was claimed, the file is dated, and a commissioner asking for more evidence
-- after the release must be able to get it (ADR 0029). Clearing "uploadedById" when an account is
-- deleted (ON DELETE SET NULL) is not a change to the evidence, so UPDATE is watched per column.
-- TG_ARGV[0] names the column holding the assessment's id, TG_ARGV[1] the table's own word.
CREATE FUNCTION "self_assessment_rows_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND "self_assessment_locked"(to_jsonb(OLD) ->> TG_ARGV[0]) THEN
    RAISE EXCEPTION 'Self-assessment % is locked: its % never change once partners'' figures for its cycle are released (docs/decisions/0029).', to_jsonb(OLD) ->> TG_ARGV[0], TG_ARGV[1]
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF TG_TABLE_NAME = 'Answer' AND "self_assessment_locked"(NEW."assessmentId") THEN
    RAISE EXCEPTION 'Self-assessment % is locked: its answers never change once partners'' figures for its cycle are released (docs/decisions/0029).', NEW."assessmentId"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Answer_self_assessment_locked" BEFORE INSERT OR UPDATE OR DELETE ON "Answer"
  FOR EACH ROW EXECUTE FUNCTION "self_assessment_rows_locked"('assessmentId', 'answers');

CREATE TRIGGER "EvidenceFile_self_assessment_locked"
  BEFORE DELETE OR UPDATE OF "assessmentId", "principleKey", "fileName", "mediaType", "size", "sha256"
  ON "EvidenceFile"
  FOR EACH ROW EXECUTE FUNCTION "self_assessment_rows_locked"('assessmentId', 'evidence files');

-- A file's bytes: watched through the file they belong to.
CREATE FUNCTION "evidence_content_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "EvidenceFile" f WHERE f."id" = OLD."fileId" AND "self_assessment_locked"(f."assessmentId")
  ) THEN
    RAISE EXCEPTION 'Evidence file % belongs to a locked self-assessment: its content never changes (docs/decisions/0029).', OLD."fileId"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "EvidenceContent_self_assessment_locked" BEFORE UPDATE OR DELETE ON "EvidenceContent"
  FOR EACH ROW EXECUTE FUNCTION "evidence_content_locked"();
