import { describe, expect, it } from "vitest";
import { VALUE_BANDS } from "@/lib/contracts/options";
import { PRINCIPLE_KEYS } from "@/lib/framework";
import { OVERALL } from "@/lib/reports/stored-scores";
import { submit } from "@/lib/services/assessments";
import { answersAt } from "@/tests/support/answers";
import { createEvidence } from "@/tests/support/evidence-factory";
import { createContract, createCycle, createPrime } from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * The rules the database holds itself (prisma/migrations/…_database_invariants, ADR 0014), each
 * attacked with raw SQL the way a mistaken script or a future bug would: none goes through the
 * services, which keep the same rules in code.
 */
describe.each(testDatabaseKinds())("database invariants on %s", (kind) => {
  const database = useTestDatabase(kind);

  const sql = (text: string, ...values: unknown[]) => database.client.$executeRawUnsafe(text, ...values);
  const rows = <T>(text: string, ...values: unknown[]) =>
    database.client.$queryRawUnsafe<T[]>(text, ...values);

  /** The first row, which must be there. */
  function first<T>(list: T[]): T {
    const [item] = nonEmpty(list);
    if (item === undefined) throw new Error("no rows");
    return item;
  }

  /** The statement fails, and the database says which rule stopped it. */
  async function refused(attempt: Promise<unknown>, reason: RegExp) {
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, "the database accepted it").toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(reason);
  }

  const SUBMITTED = /is submitted/;

  /** A partner's submitted rating (answers and scores stored), and the scenario around it. */
  async function submittedRating() {
    const scenario = await createRatingScenario(database.client);
    const rating = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"));
    expect(rating.status).toBe("SUBMITTED");
    const answer = first(
      await rows<{ questionKey: string }>(
        `SELECT "questionKey" FROM "Answer" WHERE "assessmentId" = $1`,
        rating.id,
      ),
    );
    return { ...scenario, rating, answer };
  }

  describe("a submitted assessment never changes", () => {
    it("refuses an update of the assessment, whatever the column", async () => {
      const { rating } = await submittedRating();
      await refused(
        sql(`UPDATE "Assessment" SET "status" = 'DRAFT', "submittedAt" = NULL WHERE id = $1`, rating.id),
        SUBMITTED,
      );
      await refused(
        sql(`UPDATE "Assessment" SET "notesSharedWithPrime" = true WHERE id = $1`, rating.id),
        SUBMITTED,
      );
      await refused(
        sql(`UPDATE "Assessment" SET "revision" = "revision" + 1 WHERE id = $1`, rating.id),
        SUBMITTED,
      );
    });

    it("refuses changing, removing or adding an answer", async () => {
      const { rating, answer } = await submittedRating();
      await refused(
        sql(
          `UPDATE "Answer" SET "value" = '"dont_know"', "score" = NULL WHERE "assessmentId" = $1 AND "questionKey" = $2`,
          rating.id,
          answer.questionKey,
        ),
        SUBMITTED,
      );
      await refused(
        sql(`UPDATE "Answer" SET "evidence" = 'rewritten' WHERE "assessmentId" = $1`, rating.id),
        SUBMITTED,
      );
      await refused(
        sql(
          `DELETE FROM "Answer" WHERE "assessmentId" = $1 AND "questionKey" = $2`,
          rating.id,
          answer.questionKey,
        ),
        SUBMITTED,
      );
      await refused(
        sql(
          `INSERT INTO "Answer" ("assessmentId", "questionKey", "value", "principleKey", "updatedAt")
           VALUES ($1, 'planted.question', '"yes"', 'risk-sharing', now())`,
          rating.id,
        ),
        SUBMITTED,
      );
    });

    it("refuses moving an answer into a submitted assessment", async () => {
      const scenario = await createRatingScenario(database.client, { partners: 2 });
      const [first, second] = scenario.partners;
      if (!first || !second) throw new Error("the scenario has two partners");
      const rating = await scenario.rate(first, answersAt("subcontractor", "best"));
      const draft = await scenario.rate(second, {}, { submittedAt: null });
      await sql(
        `INSERT INTO "Answer" ("assessmentId", "questionKey", "value", "principleKey", "updatedAt")
         VALUES ($1, 'planted.question', '"yes"', 'risk-sharing', now())`,
        draft.id,
      );
      await refused(
        sql(`UPDATE "Answer" SET "assessmentId" = $1 WHERE "assessmentId" = $2`, rating.id, draft.id),
        SUBMITTED,
      );
    });

    it("refuses changing or removing a stored score", async () => {
      const { rating } = await submittedRating();
      await refused(
        sql(
          `UPDATE "AssessmentScore" SET "score" = 100 WHERE "assessmentId" = $1 AND "measure" = 'overall'`,
          rating.id,
        ),
        SUBMITTED,
      );
      await refused(sql(`DELETE FROM "AssessmentScore" WHERE "assessmentId" = $1`, rating.id), SUBMITTED);
    });

    it("still lets a draft change freely, and lets submitting store the scores", async () => {
      const scenario = await createRatingScenario(database.client);
      const draft = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"), {
        submittedAt: null,
      });
      expect(
        await sql(`UPDATE "Answer" SET "evidence" = 'edited' WHERE "assessmentId" = $1`, draft.id),
      ).toBeGreaterThan(0);
      const [{ revision } = { revision: -1 }] = await rows<{ revision: number }>(
        `SELECT "revision" FROM "Assessment" WHERE id = $1`,
        draft.id,
      );
      await submit(scenario.partner, draft.id, revision, { now: new Date("2026-11-22T12:00:00Z") });
      const scores = await rows<{ measure: string }>(
        `SELECT "measure" FROM "AssessmentScore" WHERE "assessmentId" = $1`,
        draft.id,
      );
      expect(scores.map((s) => s.measure).sort()).toEqual([OVERALL, ...PRINCIPLE_KEYS].sort());
    });

    /** How many answers and scores the assessment still has. */
    async function contentOf(id: string) {
      const [left] = await rows<{ assessments: number; answers: number; scores: number }>(
        `SELECT (SELECT count(*)::int FROM "Assessment" WHERE id = $1) AS assessments,
                (SELECT count(*)::int FROM "Answer" WHERE "assessmentId" = $1) AS answers,
                (SELECT count(*)::int FROM "AssessmentScore" WHERE "assessmentId" = $1) AS scores`,
        id,
      );
      return left;
    }

    it("refuses deleting a submitted assessment by accident, keeping its answers and scores", async () => {
      const { rating } = await submittedRating();
      const before = await contentOf(rating.id);
      await refused(sql(`DELETE FROM "Assessment" WHERE id = $1`, rating.id), /is submitted/);
      await refused(sql(`DELETE FROM "Assessment"`), /is submitted/);
      // TRUNCATE skips row triggers; statement triggers refuse it on each table.
      for (const table of ["Answer", "AssessmentScore", "Assessment"]) {
        await refused(sql(`TRUNCATE "${table}" CASCADE`), /only a deliberate erasure/);
      }
      expect(await contentOf(rating.id)).toEqual(before);
      expect(before?.answers).toBeGreaterThan(0);
    });

    it("lets a deliberate erasure delete a whole submitted assessment, its answers and scores with it", async () => {
      // Retention and erasure remove whole records (docs/privacy.md, ADR 0019); never a part.
      const { rating } = await submittedRating();
      const deleted = await database.client.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT set_config('chainwise.erase_submitted', 'on', true)`);
        return tx.$executeRawUnsafe(`DELETE FROM "Assessment" WHERE id = $1`, rating.id);
      });
      expect(deleted).toBe(1);
      expect(await contentOf(rating.id)).toEqual({ assessments: 0, answers: 0, scores: 0 });
    });

    it("keeps an erasure to its own transaction, and to whole assessments", async () => {
      const { rating, answer } = await submittedRating();
      const erasing = (statement: string) =>
        database.client.$transaction(async (tx) => {
          await tx.$queryRawUnsafe(`SELECT set_config('chainwise.erase_submitted', 'on', true)`);
          return tx.$executeRawUnsafe(statement, rating.id, answer.questionKey);
        });
      await refused(
        erasing(`UPDATE "Answer" SET "score" = 0 WHERE "assessmentId" = $1 AND "questionKey" = $2`),
        /is submitted/,
      );
      await refused(
        erasing(`DELETE FROM "Answer" WHERE "assessmentId" = $1 AND "questionKey" = $2`),
        /is submitted/,
      );
      await refused(
        erasing(`UPDATE "Assessment" SET "revision" = 9 WHERE id = $1 AND $2 <> ''`),
        /is submitted/,
      );
      // The setting ended with the transaction (on PGlite the very same connection).
      await database.client.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT set_config('chainwise.erase_submitted', 'on', true)`);
      });
      await refused(sql(`DELETE FROM "Assessment" WHERE id = $1`, rating.id), /is submitted/);
      expect((await contentOf(rating.id))?.assessments).toBe(1);
    });
  });

  describe("CHECK constraints", () => {
    it("refuses a cycle that closes before it opens, or as it opens", async () => {
      const { contractId } = await createRatingScenario(database.client);
      const cycle = first(
        await rows<{ id: string }>(`SELECT id FROM "Cycle" WHERE "contractId" = $1`, contractId),
      );
      await refused(
        sql(`UPDATE "Cycle" SET "closesAt" = "opensAt" - interval '1 day' WHERE id = $1`, cycle.id),
        /Cycle_closes_after_opens/,
      );
      await refused(
        sql(`UPDATE "Cycle" SET "closesAt" = "opensAt" WHERE id = $1`, cycle.id),
        /Cycle_closes_after_opens/,
      );
    });

    it("refuses a self-assessment by anyone but the prime, and a partner's rating by the prime", async () => {
      const scenario = await createRatingScenario(database.client);
      const draft = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"), {
        submittedAt: null,
      });
      await refused(
        sql(`UPDATE "Assessment" SET "perspective" = 'PRIME' WHERE id = $1`, draft.id),
        /Assessment_respondent_fits_perspective/,
      );
      await refused(
        sql(`UPDATE "Assessment" SET "respondentOrgId" = "primeId" WHERE id = $1`, draft.id),
        /Assessment_respondent_fits_perspective/,
      );
    });

    it("refuses a submitted assessment without a submission time, and a draft with one", async () => {
      const scenario = await createRatingScenario(database.client);
      const draft = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"), {
        submittedAt: null,
      });
      await refused(
        sql(`UPDATE "Assessment" SET "status" = 'SUBMITTED' WHERE id = $1`, draft.id),
        /Assessment_submitted_when_timed/,
      );
      await refused(
        sql(`UPDATE "Assessment" SET "submittedAt" = now() WHERE id = $1`, draft.id),
        /Assessment_submitted_when_timed/,
      );
    });

    it("refuses a score outside 0–100 and a measure that is neither overall nor a principle", async () => {
      const scenario = await createRatingScenario(database.client);
      const draft = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"), {
        submittedAt: null,
      });
      await refused(
        sql(`UPDATE "Answer" SET "score" = 101 WHERE "assessmentId" = $1`, draft.id),
        /Answer_score_in_range/,
      );
      await refused(
        sql(`UPDATE "Answer" SET "score" = -5 WHERE "assessmentId" = $1`, draft.id),
        /Answer_score_in_range/,
      );
      await refused(
        sql(
          `INSERT INTO "AssessmentScore" ("assessmentId", "measure", "score") VALUES ($1, 'overall', 250)`,
          draft.id,
        ),
        /AssessmentScore_score_in_range/,
      );
      await refused(
        sql(
          `INSERT INTO "AssessmentScore" ("assessmentId", "measure", "score") VALUES ($1, 'kindness', 50)`,
          draft.id,
        ),
        /AssessmentScore_measure_known/,
      );
      // Every measure the code stores is one the database knows: the two lists cannot drift apart.
      for (const measure of [OVERALL, ...PRINCIPLE_KEYS]) {
        await sql(
          `INSERT INTO "AssessmentScore" ("assessmentId", "measure", "score") VALUES ($1, $2, 50)`,
          draft.id,
          measure,
        );
      }
    });

    it("refuses a principle that is not one of the five on answers, actions, replies and evidence", async () => {
      const scenario = await createRatingScenario(database.client);
      const draft = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"), {
        submittedAt: null,
      });
      const selfAssessment = await scenario.rate(scenario.prime, answersAt("prime", "best"), {
        submittedAt: null,
      });
      await refused(
        sql(`UPDATE "Answer" SET "principleKey" = 'kindness' WHERE "assessmentId" = $1`, draft.id),
        /Answer_principle_known/,
      );
      await refused(
        sql(
          `INSERT INTO "ActionPlanItem" (id, "contractId", "primeId", "principleKey", action, owner, "dueDate", "updatedAt")
           VALUES ('plan-misspelt', $1, $2, 'fair-payments', 'Pay on time', 'Finance', '2027-01-01', now())`,
          scenario.contractId,
          scenario.prime.organisationId,
        ),
        /ActionPlanItem_principle_known/,
      );
      await refused(
        sql(
          `INSERT INTO "PrincipleReply" (id, "cycleId", "primeId", "principleKey", text, "updatedAt")
           VALUES ('reply-misspelt', $1, $2, 'Risk sharing', 'We disagree', now())`,
          scenario.cycleId,
          scenario.prime.organisationId,
        ),
        /PrincipleReply_principle_known/,
      );
      const file = await createEvidence(database.client, {
        assessmentId: selfAssessment.id,
        principleKey: "fair-payment",
        kind: "csv",
      });
      await refused(
        sql(`UPDATE "EvidenceFile" SET "principleKey" = 'overall' WHERE id = $1`, file.id),
        /EvidenceFile_principle_known/,
      );
      // Every principle the code writes is one the database knows, and an action may name none.
      for (const [index, key] of [...PRINCIPLE_KEYS, null].entries()) {
        await sql(
          `INSERT INTO "ActionPlanItem" (id, "contractId", "primeId", "principleKey", action, owner, "dueDate", "updatedAt")
           VALUES ($1, $2, $3, $4, 'Pay on time', 'Finance', '2027-01-01', now())`,
          `plan-${index}`,
          scenario.contractId,
          scenario.prime.organisationId,
          key,
        );
      }
    });

    it("refuses a value band the forms and the import would never write", async () => {
      const { contractId } = await createRatingScenario(database.client);
      await refused(
        sql(`UPDATE "Contract" SET "valueBand" = 'lots' WHERE id = $1`, contractId),
        /Contract_valueBand_known/,
      );
      await refused(
        sql(`UPDATE "Contract" SET "valueBand" = 'Not in pounds (euros)' WHERE id = $1`, contractId),
        /Contract_valueBand_known/,
      );
      for (const band of [...VALUE_BANDS, "Several currencies", "Not in pounds (EUR)"]) {
        expect(await sql(`UPDATE "Contract" SET "valueBand" = $2 WHERE id = $1`, contractId, band)).toBe(1);
      }
    });
  });

  describe("foreign keys", () => {
    it("ties an assessment to a cycle of its own contract", async () => {
      const scenario = await createRatingScenario(database.client);
      const draft = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"), {
        submittedAt: null,
      });
      const other = await createContract(database.client, {
        commissionerId: scenario.commissioner.organisationId,
        primes: [{ primeId: scenario.prime.organisationId }],
      });
      const otherCycle = await createCycle(database.client, { contractId: other.id });
      await refused(
        sql(`UPDATE "Assessment" SET "cycleId" = $2 WHERE id = $1`, draft.id, otherCycle.id),
        /Assessment_cycleId_contractId_fkey/,
      );
      await refused(
        sql(`UPDATE "Assessment" SET "contractId" = $2 WHERE id = $1`, draft.id, other.id),
        /Assessment_cycleId_contractId_fkey/,
      );
    });

    it("ties an assessment and a supply-chain entry to a prime on their contract", async () => {
      const scenario = await createRatingScenario(database.client);
      const draft = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"), {
        submittedAt: null,
      });
      const stranger = await createPrime(database.client);
      await refused(
        sql(`UPDATE "Assessment" SET "primeId" = $2 WHERE id = $1`, draft.id, stranger.id),
        /Assessment_contractId_primeId_fkey/,
      );
      await refused(
        sql(
          `UPDATE "SupplyChainMember" SET "primeId" = $2 WHERE "contractId" = $1`,
          scenario.contractId,
          stranger.id,
        ),
        /SupplyChainMember_contractId_primeId_fkey/,
      );
    });

    it("ties invitations, action plans and replies to a prime on their contract", async () => {
      const scenario = await createRatingScenario(database.client);
      const stranger = await createPrime(database.client);
      await refused(
        sql(
          `INSERT INTO "Invitation" (id, "tokenHash", email, "organisationId", "contractId", "primeId", perspective, "invitedByOrgId", "expiresAt")
           VALUES ('inv-planted', 'hash-planted', 'a@example.org', $1, $2, $3, 'SUBCONTRACTOR', $4, now() + interval '1 day')`,
          scenario.partner.organisationId,
          scenario.contractId,
          stranger.id,
          scenario.commissioner.organisationId,
        ),
        /Invitation_contractId_primeId_fkey/,
      );
      await refused(
        sql(
          `INSERT INTO "ActionPlanItem" (id, "contractId", "primeId", action, owner, "dueDate", "updatedAt")
           VALUES ('plan-planted', $1, $2, 'Pay on time', 'Finance', '2027-01-01', now())`,
          scenario.contractId,
          stranger.id,
        ),
        /ActionPlanItem_contractId_primeId_fkey/,
      );
      await refused(
        sql(
          `INSERT INTO "PrincipleReply" (id, "cycleId", "primeId", "principleKey", text, "updatedAt")
           VALUES ('reply-planted', $1, 'no-such-organisation', 'risk-sharing', 'We disagree', now())`,
          scenario.cycleId,
        ),
        // The trigger runs before the foreign key (PrincipleReply_primeId_fkey) is checked.
        /is not a prime on the contract/,
      );
      // A real organisation that is not a prime on the cycle's contract has no right of reply there.
      for (const outsider of [stranger.id, scenario.partner.organisationId]) {
        await refused(
          sql(
            `INSERT INTO "PrincipleReply" (id, "cycleId", "primeId", "principleKey", text, "updatedAt")
             VALUES ('reply-outsider', $1, $2, 'risk-sharing', 'We disagree', now())`,
            scenario.cycleId,
            outsider,
          ),
          /is not a prime on the contract/,
        );
      }
      expect(
        await sql(
          `INSERT INTO "PrincipleReply" (id, "cycleId", "primeId", "principleKey", text, "updatedAt")
           VALUES ('reply-fine', $1, $2, 'risk-sharing', 'We disagree', now())`,
          scenario.cycleId,
          scenario.prime.organisationId,
        ),
      ).toBe(1);
      await refused(
        sql(`UPDATE "PrincipleReply" SET "primeId" = $2 WHERE id = $1`, "reply-fine", stranger.id),
        /is not a prime on the contract/,
      );
      // The same rows with the contract's own prime are fine.
      expect(
        await sql(
          `INSERT INTO "ActionPlanItem" (id, "contractId", "primeId", action, owner, "dueDate", "updatedAt")
           VALUES ('plan-fine', $1, $2, 'Pay on time', 'Finance', '2027-01-01', now())`,
          scenario.contractId,
          scenario.prime.organisationId,
        ),
      ).toBe(1);
    });
  });

  it("has an index for an organisation's own assessments in given cycles (lib/services/tasks.ts)", async () => {
    const scenario = await createRatingScenario(database.client);
    const plan = await database.client.$transaction(async (tx) => {
      // The tables are tiny here, so a scan would win on cost: ask whether the index can serve it.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Assessment" WHERE "respondentOrgId" = $1 AND "cycleId" = ANY($2::text[])`,
        scenario.partner.organisationId,
        [scenario.cycleId],
      );
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/Assessment_respondentOrgId_cycleId_idx/);
  });
});
