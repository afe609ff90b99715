import { describe, expect, it } from "vitest";
import { startCorrection } from "@/lib/services/assessments";
import { answersAt } from "@/tests/support/answers";
import { createCycle } from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * A correction is the next version of a submitted assessment of the same cycle, prime, respondent
 * and perspective (prisma/migrations/…_corrections_fit_what_they_correct, ADR 0014). Reports follow
 * `supersedesId` to the newest version, so each attack below, if it got in, would drop a rating from
 * a figure. Raw SQL throughout, as a mistaken script would write it.
 */
describe.each(testDatabaseKinds())("corrections in the database on %s", (kind) => {
  const database = useTestDatabase(kind);
  const NOT_A_CORRECTION = /is not a correction of/;
  let n = 0;

  /**
   * Inserts a draft correcting `originalId`, copied from it as startCorrection does, with the
   * columns in `change` set otherwise. Returns the new row's id, or rejects with the database's error.
   */
  async function correct(
    originalId: string,
    change: { respondentOrgId?: string; cycleId?: string; version?: number } = {},
  ) {
    n++;
    const id = `correction${kind}${n}`;
    await database.client.$executeRawUnsafe(
      `INSERT INTO "Assessment" (id, reference, "frameworkId", "frameworkVersion", perspective, "contractId",
         "cycleId", "primeId", "respondentOrgId", status, version, "supersedesId", "updatedAt")
       SELECT $2, $3, "frameworkId", "frameworkVersion", perspective, "contractId",
         COALESCE($5::text, "cycleId"), "primeId", COALESCE($4::text, "respondentOrgId"), 'DRAFT',
         COALESCE($6::int, version + 1), id, now()
       FROM "Assessment" WHERE id = $1`,
      originalId,
      id,
      `CW-CORR-${kind}-${n}`,
      change.respondentOrgId ?? null,
      change.cycleId ?? null,
      change.version ?? null,
    );
    return id;
  }

  async function refused(attempt: Promise<unknown>, reason: RegExp) {
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, "the database accepted it").toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(reason);
  }

  it("takes a correction made as startCorrection makes it", async () => {
    const scenario = await createRatingScenario(database.client);
    const rating = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"));
    const id = await correct(rating.id);
    const [row] = await database.client.$queryRawUnsafe<{ version: number }[]>(
      `SELECT version FROM "Assessment" WHERE id = $1`,
      id,
    );
    expect(row?.version).toBe(2);
    // The service's own correction of the correction passes the same rule.
    await database.client.$executeRawUnsafe(
      `UPDATE "Assessment" SET status = 'SUBMITTED', "submittedAt" = now() WHERE id = $1`,
      id,
    );
    const third = await startCorrection(scenario.partner, id, new Date("2026-11-20T12:00:00Z"));
    expect(third).toBeTruthy();
  });

  it("refuses a correction by another respondent", async () => {
    const scenario = await createRatingScenario(database.client, { partners: 2 });
    const rating = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"));
    const other = scenario.partners[1]?.organisationId;
    await refused(correct(rating.id, { respondentOrgId: other }), NOT_A_CORRECTION);
  });

  it("refuses a correction in another cycle of the contract", async () => {
    const scenario = await createRatingScenario(database.client);
    const rating = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"));
    const next = await createCycle(database.client, {
      contractId: scenario.contractId,
      name: "2027–28",
      opensAt: new Date("2027-10-01T00:00:00Z"),
      closesAt: new Date("2028-01-31T23:59:59Z"),
    });
    await refused(correct(rating.id, { cycleId: next.id }), NOT_A_CORRECTION);
  });

  it("refuses skipping a version, and correcting a draft", async () => {
    const scenario = await createRatingScenario(database.client, { partners: 2 });
    const rating = await scenario.rate(scenario.partner, answersAt("subcontractor", "best"));
    await refused(correct(rating.id, { version: 3 }), NOT_A_CORRECTION);
    const [, second] = scenario.partners;
    if (!second) throw new Error("the scenario has two partners");
    const draft = await scenario.rate(second, answersAt("subcontractor", "best"), { submittedAt: null });
    await refused(correct(draft.id), NOT_A_CORRECTION);
  });

  it("refuses pointing a draft correction at someone else's rating", async () => {
    const scenario = await createRatingScenario(database.client, { partners: 2 });
    const [first, second] = scenario.partners;
    if (!first || !second) throw new Error("the scenario has two partners");
    const mine = await scenario.rate(first, answersAt("subcontractor", "best"));
    const theirs = await scenario.rate(second, answersAt("subcontractor", "worst"));
    const correction = await correct(mine.id);
    await refused(
      database.client.$executeRawUnsafe(
        `UPDATE "Assessment" SET "supersedesId" = $2 WHERE id = $1`,
        correction,
        theirs.id,
      ),
      NOT_A_CORRECTION,
    );
  });
});
