-- Written by hand (docs/decisions/0014, "Cycles"; STYLE 15). Prisma does not model triggers.
--
-- The cycles of a contract have names of their own, whatever their case, and never overlap: a
-- rating belongs to the one cycle open when it is made, and a period is found by its cycles' name.
-- lib/services/contract-admin.ts (openCycle) refuses both with a message for people; this refuses
-- them whatever code writes the row. The unique index on ("contractId", "name") knows case only.
--
-- Two cycles written at once would each pass a check that cannot see the other: the trigger first
-- locks the contract's row (FOR NO KEY UPDATE, which ratings' foreign-key locks do not wait on), so
-- the second waits for the first to commit, and its check (a new snapshot per statement in READ
-- COMMITTED) sees it. Touching cycles (one closes as the next opens) do not overlap.
CREATE FUNCTION "cycle_refuse_clash"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  clash record;
BEGIN
  PERFORM 1 FROM "Contract" WHERE "id" = NEW."contractId" FOR NO KEY UPDATE;
  SELECT c."name" INTO clash FROM "Cycle" c
    WHERE c."contractId" = NEW."contractId" AND c."id" <> NEW."id"
      AND (lower(c."name") = lower(NEW."name") OR (c."opensAt" < NEW."closesAt" AND c."closesAt" > NEW."opensAt"))
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Cycle "%" clashes with cycle "%" of its contract: a contract''s cycles have their own names and never overlap.', NEW."name", clash."name"
      USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Cycle_never_clashes"
  BEFORE INSERT OR UPDATE OF "contractId", "name", "opensAt", "closesAt" ON "Cycle"
  FOR EACH ROW EXECUTE FUNCTION "cycle_refuse_clash"();
