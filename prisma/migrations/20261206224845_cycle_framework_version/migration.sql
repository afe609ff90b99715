-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "frameworkId" TEXT NOT NULL DEFAULT 'ncvo-serco-code',
ADD COLUMN     "frameworkVersion" TEXT NOT NULL DEFAULT '1.0';

-- Written by hand (docs/decisions/0014; STYLE 15). Prisma does not model triggers.
--
-- A cycle uses one framework version: every assessment of it records the cycle's version, so a
-- rating can never be scored or released against questions its cycle did not ask. Cycles that
-- existed before versions could be chosen were all answered against version 1.0 (the default).
CREATE FUNCTION "assessment_cycle_framework"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Cycle" c
    WHERE c."id" = NEW."cycleId"
      AND c."frameworkId" = NEW."frameworkId" AND c."frameworkVersion" = NEW."frameworkVersion";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Assessment % is not on its cycle''s framework version: a cycle uses one version.', NEW."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Assessment_on_cycle_framework"
  BEFORE INSERT OR UPDATE OF "cycleId", "frameworkId", "frameworkVersion" ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "assessment_cycle_framework"();

-- Nor does a cycle change version once it has assessments.
CREATE FUNCTION "cycle_framework_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Assessment" a WHERE a."cycleId" = NEW."id") THEN
    RAISE EXCEPTION 'Cycle % has assessments: its framework version cannot change.', NEW."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Cycle_framework_fixed"
  BEFORE UPDATE OF "frameworkId", "frameworkVersion" ON "Cycle"
  FOR EACH ROW WHEN (OLD."frameworkId" IS DISTINCT FROM NEW."frameworkId" OR OLD."frameworkVersion" IS DISTINCT FROM NEW."frameworkVersion")
  EXECUTE FUNCTION "cycle_framework_fixed"();
