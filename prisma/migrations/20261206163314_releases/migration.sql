-- CreateEnum
CREATE TYPE "ReleaseKind" AS ENUM ('COMMISSIONER', 'NATIONAL');

-- CreateEnum
CREATE TYPE "ReleaseLevel" AS ENUM ('NATIONAL', 'COMMISSIONER', 'CONTRACT');

-- CreateEnum
CREATE TYPE "ReleaseFamily" AS ENUM ('QUESTION', 'FLAG', 'SPREAD');

-- CreateEnum
CREATE TYPE "ReleaseAudience" AS ENUM ('ALL', 'NOT_PRIME');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "releaseCategoryThreshold" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "releaseScoreThreshold" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "kind" "ReleaseKind" NOT NULL,
    "commissionerId" TEXT,
    "period" TEXT NOT NULL,
    "cutOff" TIMESTAMP(3) NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "frameworkVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseThreshold" (
    "releaseId" TEXT NOT NULL,
    "commissionerId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "category" INTEGER NOT NULL,

    CONSTRAINT "ReleaseThreshold_pkey" PRIMARY KEY ("releaseId","commissionerId")
);

-- CreateTable
CREATE TABLE "ReleaseScope" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "level" "ReleaseLevel" NOT NULL,
    "primeId" TEXT NOT NULL,
    "contractId" TEXT,
    "commissionerId" TEXT,
    "partners" INTEGER NOT NULL,
    "ratings" INTEGER NOT NULL,

    CONSTRAINT "ReleaseScope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseScopeRating" (
    "scopeId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,

    CONSTRAINT "ReleaseScopeRating_pkey" PRIMARY KEY ("scopeId","assessmentId")
);

-- CreateTable
CREATE TABLE "ReleaseFigure" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "family" "ReleaseFamily" NOT NULL,
    "key" TEXT NOT NULL,
    "audience" "ReleaseAudience" NOT NULL,
    "ratings" INTEGER NOT NULL,
    "partners" INTEGER NOT NULL,
    "totalTenths" INTEGER,
    "raised" INTEGER,
    "medianTenths" INTEGER,
    "strong" INTEGER,
    "good" INTEGER,
    "developing" INTEGER,
    "concern" INTEGER,

    CONSTRAINT "ReleaseFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseFigureRating" (
    "figureId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,

    CONSTRAINT "ReleaseFigureRating_pkey" PRIMARY KEY ("figureId","assessmentId")
);

-- CreateIndex
CREATE INDEX "Release_period_createdAt_idx" ON "Release"("period", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Release_id_period_key" ON "Release"("id", "period");

-- CreateIndex
CREATE INDEX "ReleaseScope_primeId_period_idx" ON "ReleaseScope"("primeId", "period");

-- CreateIndex
CREATE INDEX "ReleaseScope_commissionerId_period_idx" ON "ReleaseScope"("commissionerId", "period");

-- CreateIndex
CREATE INDEX "ReleaseScope_contractId_period_idx" ON "ReleaseScope"("contractId", "period");

-- CreateIndex
CREATE INDEX "ReleaseScope_releaseId_idx" ON "ReleaseScope"("releaseId");

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseScope_period_scopeKey_key" ON "ReleaseScope"("period", "scopeKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseScope_id_releaseId_key" ON "ReleaseScope"("id", "releaseId");

-- CreateIndex
CREATE INDEX "ReleaseScopeRating_assessmentId_idx" ON "ReleaseScopeRating"("assessmentId");

-- CreateIndex
CREATE INDEX "ReleaseFigure_releaseId_idx" ON "ReleaseFigure"("releaseId");

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseFigure_scopeId_family_key_key" ON "ReleaseFigure"("scopeId", "family", "key");

-- CreateIndex
CREATE INDEX "ReleaseFigureRating_assessmentId_idx" ON "ReleaseFigureRating"("assessmentId");

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_commissionerId_fkey" FOREIGN KEY ("commissionerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseThreshold" ADD CONSTRAINT "ReleaseThreshold_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseThreshold" ADD CONSTRAINT "ReleaseThreshold_commissionerId_fkey" FOREIGN KEY ("commissionerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseScope" ADD CONSTRAINT "ReleaseScope_releaseId_period_fkey" FOREIGN KEY ("releaseId", "period") REFERENCES "Release"("id", "period") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseScope" ADD CONSTRAINT "ReleaseScope_primeId_fkey" FOREIGN KEY ("primeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseScope" ADD CONSTRAINT "ReleaseScope_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseScope" ADD CONSTRAINT "ReleaseScope_commissionerId_fkey" FOREIGN KEY ("commissionerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseScopeRating" ADD CONSTRAINT "ReleaseScopeRating_scopeId_fkey" FOREIGN KEY ("scopeId") REFERENCES "ReleaseScope"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseScopeRating" ADD CONSTRAINT "ReleaseScopeRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseFigure" ADD CONSTRAINT "ReleaseFigure_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseFigure" ADD CONSTRAINT "ReleaseFigure_scopeId_releaseId_fkey" FOREIGN KEY ("scopeId", "releaseId") REFERENCES "ReleaseScope"("id", "releaseId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseFigureRating" ADD CONSTRAINT "ReleaseFigureRating_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "ReleaseFigure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseFigureRating" ADD CONSTRAINT "ReleaseFigureRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand (docs/decisions/0011, next step 1): the invariants of releases, held by the
-- database as well as by lib/services/releases.ts. Prisma does not model CHECK constraints or
-- triggers, so its diff neither writes nor expects them.
-- ---------------------------------------------------------------------------------------------

-- A programme's thresholds are never below 3 (a release also never goes below the framework's own).
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_release_thresholds_check"
  CHECK ("releaseScoreThreshold" >= 3 AND "releaseCategoryThreshold" >= 3);

ALTER TABLE "ReleaseThreshold" ADD CONSTRAINT "ReleaseThreshold_at_least_3_check"
  CHECK ("score" >= 3 AND "category" >= 3);

-- A commissioner's release names the commissioner; the national one names none.
ALTER TABLE "Release" ADD CONSTRAINT "Release_kind_check"
  CHECK (("kind" = 'NATIONAL') = ("commissionerId" IS NULL));

-- A scope names exactly the contract or commissioner its level needs, and never rests on fewer than
-- 3 partners (no threshold is lower), nor on fewer ratings than partners.
ALTER TABLE "ReleaseScope" ADD CONSTRAINT "ReleaseScope_level_check"
  CHECK (("level" = 'CONTRACT') = ("contractId" IS NOT NULL)
     AND ("level" = 'COMMISSIONER') = ("commissionerId" IS NOT NULL));
ALTER TABLE "ReleaseScope" ADD CONSTRAINT "ReleaseScope_counts_check"
  CHECK ("partners" >= 3 AND "ratings" >= "partners");

-- A figure has the values of its family and no others, within what its ratings allow.
ALTER TABLE "ReleaseFigure" ADD CONSTRAINT "ReleaseFigure_counts_check"
  CHECK ("partners" >= 3 AND "ratings" >= "partners");
-- A CHECK passes when its expression is NULL, so a missing value must make it false, not NULL.
ALTER TABLE "ReleaseFigure" ADD CONSTRAINT "ReleaseFigure_values_check"
  CHECK (coalesce(CASE "family"
    WHEN 'QUESTION' THEN "totalTenths" BETWEEN 0 AND 1000 * "ratings"
      AND num_nulls("raised", "medianTenths", "strong", "good", "developing", "concern") = 6
    WHEN 'FLAG' THEN "raised" BETWEEN 0 AND "ratings"
      AND num_nulls("totalTenths", "medianTenths", "strong", "good", "developing", "concern") = 6
    WHEN 'SPREAD' THEN "medianTenths" BETWEEN 0 AND 1000
      AND least("strong", "good", "developing", "concern") >= 0
      AND "strong" + "good" + "developing" + "concern" = "ratings"
      AND num_nulls("totalTenths", "raised") = 2
  END, false));

-- Released means published: no row of a release is ever changed or removed (STYLE 15). Inserting is
-- the only way in; a restore from a dump inserts too.
CREATE FUNCTION "release_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a release is never changed: % on "%" refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "Release_immutable" BEFORE UPDATE OR DELETE ON "Release"
  FOR EACH ROW EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseThreshold_immutable" BEFORE UPDATE OR DELETE ON "ReleaseThreshold"
  FOR EACH ROW EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseScope_immutable" BEFORE UPDATE OR DELETE ON "ReleaseScope"
  FOR EACH ROW EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseScopeRating_immutable" BEFORE UPDATE OR DELETE ON "ReleaseScopeRating"
  FOR EACH ROW EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseFigure_immutable" BEFORE UPDATE OR DELETE ON "ReleaseFigure"
  FOR EACH ROW EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseFigureRating_immutable" BEFORE UPDATE OR DELETE ON "ReleaseFigureRating"
  FOR EACH ROW EXECUTE FUNCTION "release_refuse_change"();

CREATE TRIGGER "Release_no_truncate" BEFORE TRUNCATE ON "Release"
  FOR EACH STATEMENT EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseThreshold_no_truncate" BEFORE TRUNCATE ON "ReleaseThreshold"
  FOR EACH STATEMENT EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseScope_no_truncate" BEFORE TRUNCATE ON "ReleaseScope"
  FOR EACH STATEMENT EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseScopeRating_no_truncate" BEFORE TRUNCATE ON "ReleaseScopeRating"
  FOR EACH STATEMENT EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseFigure_no_truncate" BEFORE TRUNCATE ON "ReleaseFigure"
  FOR EACH STATEMENT EXECUTE FUNCTION "release_refuse_change"();
CREATE TRIGGER "ReleaseFigureRating_no_truncate" BEFORE TRUNCATE ON "ReleaseFigureRating"
  FOR EACH STATEMENT EXECUTE FUNCTION "release_refuse_change"();
