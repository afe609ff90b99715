-- Written by hand (docs/decisions/0014; STYLE 15). Prisma does not model triggers.
--
-- A right of reply is the prime's, on a contract it holds: the reply's cycle belongs to a contract,
-- and its "primeId" must be a prime on that contract (ContractPrime), as Invitation's and
-- ActionPlanItem's are by composite foreign keys. PrincipleReply has no "contractId" column to key
-- on, so a trigger follows the cycle to its contract instead. lib/services/prime-responses.ts
-- (saveReplies) checks the same through ownAward; this refuses it whatever code writes the row.
CREATE FUNCTION "principle_reply_by_contract_prime"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "Cycle" c JOIN "ContractPrime" p ON p."contractId" = c."contractId"
    WHERE c."id" = NEW."cycleId" AND p."primeId" = NEW."primeId"
  ) THEN
    RAISE EXCEPTION 'Organisation % is not a prime on the contract of cycle %, so it has no right of reply there.', NEW."primeId", NEW."cycleId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "PrincipleReply_by_contract_prime"
  BEFORE INSERT OR UPDATE OF "cycleId", "primeId" ON "PrincipleReply"
  FOR EACH ROW EXECUTE FUNCTION "principle_reply_by_contract_prime"();
