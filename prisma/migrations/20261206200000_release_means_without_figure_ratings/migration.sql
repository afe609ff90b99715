-- A figure's ratings are its scope's ratings with a value for its family, which the stored answers
-- and scores give back (they cannot change once released), so they are no longer stored one row per
-- rating: at bench scale L that was some 10 million rows per period (docs/decisions/0011).
-- CreateEnum
CREATE TYPE "ReleaseView" AS ENUM ('PRIME', 'COMMISSIONER');

-- DropForeignKey
ALTER TABLE "ReleaseFigureRating" DROP CONSTRAINT "ReleaseFigureRating_assessmentId_fkey";

-- DropForeignKey
ALTER TABLE "ReleaseFigureRating" DROP CONSTRAINT "ReleaseFigureRating_figureId_fkey";

-- DropTable
DROP TABLE "ReleaseFigureRating";

-- CreateTable
CREATE TABLE "ReleaseMean" (
    "scopeId" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "view" "ReleaseView" NOT NULL,
    "measure" TEXT NOT NULL,
    "meanTenths" INTEGER NOT NULL,
    "basedOn" INTEGER NOT NULL,

    CONSTRAINT "ReleaseMean_pkey" PRIMARY KEY ("scopeId","view","measure")
);

-- AddForeignKey
ALTER TABLE "ReleaseMean" ADD CONSTRAINT "ReleaseMean_scopeId_releaseId_fkey" FOREIGN KEY ("scopeId", "releaseId") REFERENCES "ReleaseScope"("id", "releaseId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand, as in the releases migration: a mean is a one-decimal score, and it never changes.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "ReleaseMean" ADD CONSTRAINT "ReleaseMean_tenths_check"
  CHECK ("meanTenths" BETWEEN 0 AND 1000 AND "basedOn" >= 1);

CREATE TRIGGER "ReleaseMean_immutable" BEFORE UPDATE OR DELETE ON "ReleaseMean"
  FOR EACH ROW EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseMean_no_truncate" BEFORE TRUNCATE ON "ReleaseMean"
  FOR EACH STATEMENT EXECUTE FUNCTION "release_refuse_change"();

-- A figure's ratings, for reading (tests, audits): its scope's ratings with a real answer to its
-- question, or with an own score for its spread; released answers and scores cannot change.
CREATE VIEW "ReleaseFigureRating" AS
  SELECT f.id AS "figureId", m."assessmentId"
  FROM "ReleaseFigure" f
  JOIN "ReleaseScopeRating" m ON m."scopeId" = f."scopeId"
  WHERE CASE f.family
    WHEN 'SPREAD' THEN EXISTS (
      SELECT 1 FROM "AssessmentScore" s
      WHERE s."assessmentId" = m."assessmentId" AND s.measure = f.key AND s.score IS NOT NULL)
    ELSE EXISTS (
      SELECT 1 FROM "Answer" x
      WHERE x."assessmentId" = m."assessmentId" AND x."questionKey" = f.key AND x.score IS NOT NULL)
  END;
