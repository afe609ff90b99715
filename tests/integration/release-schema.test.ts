import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { releasePeriod } from "@/lib/services/releases";
import { answersAt } from "@/tests/support/answers";
import { createSubcontractor, createUser } from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * The database's own guard on releases (docs/decisions/0011, STYLE 15): raw SQL that tries to
 * change a release, or store one the rules forbid, is refused by a trigger, a CHECK constraint, a
 * unique index or a foreign key, whatever code sends it.
 */

const TABLES = [
  "Release",
  "ReleaseThreshold",
  "ReleaseScope",
  "ReleaseScopeRating",
  "ReleaseFigure",
  "ReleaseMean",
] as const;

describe.each(testDatabaseKinds())("release tables on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A released programme: three partners of one prime on one contract, the commissioner at 3. */
  async function released() {
    const client = database.client;
    const scenario = await createRatingScenario(client, { partners: 3 });
    await client.organisation.update({
      where: { id: scenario.commissioner.organisationId },
      data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
    });
    for (const [n, partner] of scenario.partners.entries()) {
      await scenario.rate(partner, answersAt("subcontractor", n % 2 ? "best" : "worst"));
    }
    const user = await createUser(client);
    await client.membership.create({
      data: { userId: user.id, organisationId: scenario.commissioner.organisationId, role: "ADMIN" },
    });
    const admin: Actor = { ...scenario.commissioner, userId: user.id, role: "ADMIN" };
    const outcome = await releasePeriod(
      admin,
      admin.organisationId,
      scenario.cycleName,
      new Date("2027-02-15T00:00:00Z"),
    );
    const releaseId = outcome.releaseId as string;
    expect(releaseId).toEqual(expect.any(String));
    const scope = await client.releaseScope.findFirstOrThrow({
      where: { releaseId, level: "CONTRACT" },
      select: { id: true, period: true, scopeKey: true, primeId: true, contractId: true },
    });
    const figure = await client.releaseFigure.findFirstOrThrow({
      where: { scopeId: scope.id },
      select: { id: true },
    });
    const rating = await client.releaseScopeRating.findFirstOrThrow({
      where: { scopeId: scope.id },
      select: { assessmentId: true },
    });
    return { ...scenario, admin, releaseId, scope, figure, rating };
  }

  async function refused(sql: string, message: RegExp) {
    await expect(database.client.$executeRawUnsafe(sql), sql).rejects.toThrow(message);
  }

  const q = (value: string) => `'${value.replace(/'/g, "''")}'`;

  it("refuses to change, remove or empty any release table", async () => {
    const { releaseId } = await released();
    const before = await database.client.releaseFigure.count({ where: { releaseId } });
    const never = /a release is never changed/;
    for (const table of nonEmpty([...TABLES], "release tables")) {
      const column = table === "Release" ? "period" : table.endsWith("Rating") ? "assessmentId" : "releaseId";
      await refused(`UPDATE "${table}" SET "${column}" = "${column}"`, never);
      await refused(`DELETE FROM "${table}"`, never);
      await refused(`TRUNCATE "${table}" CASCADE`, never);
    }
    // A figure's ratings are a view over the scope's stored ratings and answers: nothing to change.
    await refused(`UPDATE "ReleaseFigureRating" SET "assessmentId" = "assessmentId"`, /cannot update view/);
    await refused(`DELETE FROM "ReleaseFigureRating"`, /cannot delete from view/);
    expect(await database.client.releaseFigure.count({ where: { releaseId } })).toBe(before);
    expect(await database.client.releaseMean.count({ where: { scope: { releaseId } } })).toBeGreaterThan(0);
  });

  it("keeps programme thresholds and a release's thresholds at 3 or more", async () => {
    const { commissioner, releaseId } = await released();
    const id = q(commissioner.organisationId);
    await refused(
      `UPDATE "Organisation" SET "releaseScoreThreshold" = 2 WHERE id = ${id}`,
      /release_thresholds/,
    );
    await refused(
      `UPDATE "Organisation" SET "releaseCategoryThreshold" = 0 WHERE id = ${id}`,
      /release_thresholds/,
    );
    await refused(
      `INSERT INTO "Organisation" (id, name, type, "releaseScoreThreshold", "updatedAt")
       VALUES ('org-low', 'Low', 'COMMISSIONER', 2, now())`,
      /release_thresholds/,
    );
    const other = await database.client.organisation.create({
      data: { name: "Another council", type: "COMMISSIONER" },
    });
    await refused(
      `INSERT INTO "ReleaseThreshold" ("releaseId", "commissionerId", score, category)
       VALUES (${q(releaseId)}, ${q(other.id)}, 2, 5)`,
      /at_least_3/,
    );
    const fresh = await database.client.organisation.findUniqueOrThrow({
      where: { id: other.id },
      select: { releaseScoreThreshold: true, releaseCategoryThreshold: true },
    });
    expect(fresh).toEqual({ releaseScoreThreshold: 5, releaseCategoryThreshold: 5 });
  });

  it("refuses a release of the wrong kind, a scope released twice, and scopes or figures of the wrong shape", async () => {
    const { commissioner, releaseId, scope, figure } = await released();
    const c = q(commissioner.organisationId);
    await refused(
      `INSERT INTO "Release" (id, kind, "commissionerId", period, "cutOff", "frameworkId", "frameworkVersion")
       VALUES ('rel-bad-1', 'NATIONAL', ${c}, 'p', now(), 'f', '1')`,
      /Release_kind_check/,
    );
    await refused(
      `INSERT INTO "Release" (id, kind, "commissionerId", period, "cutOff", "frameworkId", "frameworkVersion")
       VALUES ('rel-bad-2', 'COMMISSIONER', NULL, 'p', now(), 'f', '1')`,
      /Release_kind_check/,
    );

    const scopeRow = (id: string, values: Partial<Record<string, string>>) => {
      const v = {
        releaseId: q(releaseId),
        period: q(scope.period),
        scopeKey: q(`${scope.scopeKey}-${id}`),
        level: "'CONTRACT'",
        primeId: q(scope.primeId),
        contractId: q(scope.contractId as string),
        commissionerId: "NULL",
        partners: "3",
        ratings: "3",
        ...values,
      };
      return `INSERT INTO "ReleaseScope" (id, "releaseId", period, "scopeKey", level, "primeId", "contractId",
                "commissionerId", partners, ratings)
              VALUES (${q(id)}, ${v.releaseId}, ${v.period}, ${v.scopeKey}, ${v.level}, ${v.primeId},
                ${v.contractId}, ${v.commissionerId}, ${v.partners}, ${v.ratings})`;
    };
    // The same scope in the same period again.
    await refused(scopeRow("s-twice", { scopeKey: q(scope.scopeKey) }), /scopeKey|unique/i);
    // A scope in another period than its release's.
    await refused(scopeRow("s-period", { period: "'another period'" }), /foreign key|violates/i);
    await refused(scopeRow("s-level", { contractId: "NULL" }), /ReleaseScope_level_check/);
    await refused(scopeRow("s-level2", { commissionerId: c }), /ReleaseScope_level_check/);
    await refused(scopeRow("s-few", { partners: "2", ratings: "2" }), /ReleaseScope_counts_check/);
    await refused(scopeRow("s-ratings", { partners: "4", ratings: "3" }), /ReleaseScope_counts_check/);

    const figureRow = (id: string, family: string, values: Record<string, string | number>) => {
      const columns = Object.keys(values).map((k) => `"${k}"`);
      return `INSERT INTO "ReleaseFigure" (id, "releaseId", "scopeId", family, key, audience, ratings, partners
                ${columns.length ? `, ${columns.join(", ")}` : ""})
              VALUES (${q(id)}, ${q(releaseId)}, ${q(scope.id)}, '${family}', ${q(`k-${id}`)}, 'ALL', 4, 3
                ${columns.length ? `, ${Object.values(values).join(", ")}` : ""})`;
    };
    const shape = /ReleaseFigure_values_check/;
    await refused(figureRow("f1", "QUESTION", {}), shape);
    await refused(figureRow("f2", "QUESTION", { totalTenths: 4001 }), shape);
    await refused(figureRow("f3", "QUESTION", { totalTenths: 2000, raised: 1 }), shape);
    await refused(figureRow("f4", "FLAG", { raised: 5 }), shape);
    await refused(figureRow("f5", "FLAG", { raised: 1, totalTenths: 100 }), shape);
    await refused(
      figureRow("f6", "SPREAD", { medianTenths: 500, strong: 1, good: 1, developing: 1, concern: 0 }),
      shape,
    );
    await refused(
      figureRow("f7", "SPREAD", { medianTenths: 1001, strong: 4, good: 0, developing: 0, concern: 0 }),
      shape,
    );
    await refused(
      figureRow("f8", "SPREAD", { medianTenths: 500, strong: 5, good: -1, developing: 0, concern: 0 }),
      shape,
    );
    await refused(
      figureRow("f9", "QUESTION", { totalTenths: 2000 }).replace("'ALL', 4, 3", "'ALL', 2, 2"),
      /ReleaseFigure_counts_check/,
    );
    // A figure whose scope belongs to another release.
    await database.client.$executeRawUnsafe(
      `INSERT INTO "Release" (id, kind, period, "cutOff", "frameworkId", "frameworkVersion")
       VALUES ('rel-other', 'NATIONAL', ${q(scope.period)}, now(), 'f', '1')`,
    );
    await refused(
      figureRow("f10", "QUESTION", { totalTenths: 2000 }).replace(
        `${q(releaseId)}, ${q(scope.id)}`,
        `'rel-other', ${q(scope.id)}`,
      ),
      /foreign key|violates/i,
    );
    // The figure it copies is well formed: the constraints refuse only what is wrong.
    expect(await database.client.releaseFigure.count({ where: { id: figure.id } })).toBe(1);
  });

  it("keeps every rating a release rests on, and the organisations it names", async () => {
    const { rating, prime, partners, commissioner, contractId } = await released();
    const fk = /foreign key|violates|never changed/i;
    await refused(`DELETE FROM "Assessment" WHERE id = ${q(rating.assessmentId)}`, fk);
    await refused(`DELETE FROM "Organisation" WHERE id = ${q(prime.organisationId)}`, fk);
    await refused(`DELETE FROM "Organisation" WHERE id = ${q(commissioner.organisationId)}`, fk);
    await refused(`DELETE FROM "Contract" WHERE id = ${q(contractId)}`, fk);
    for (const partner of nonEmpty(partners, "partners")) {
      await refused(`DELETE FROM "Organisation" WHERE id = ${q(partner.organisationId)}`, fk);
    }
    expect(await database.client.assessment.count({ where: { id: rating.assessmentId } })).toBe(1);
  });

  it("never changes a released rating, and takes no rating into a released cycle of the prime", async () => {
    const { rating, prime, contractId, cycleId } = await released();
    const id = q(rating.assessmentId);
    const never = /a released rating is never changed/;
    await refused(
      `UPDATE "Assessment" SET "notesSharedWithPrime" = NOT "notesSharedWithPrime" WHERE id = ${id}`,
      never,
    );
    await refused(`UPDATE "Answer" SET score = 0 WHERE "assessmentId" = ${id}`, never);
    await refused(`DELETE FROM "Answer" WHERE "assessmentId" = ${id}`, never);
    await refused(`UPDATE "AssessmentScore" SET score = 0 WHERE "assessmentId" = ${id}`, never);
    await refused(`DELETE FROM "AssessmentScore" WHERE "assessmentId" = ${id}`, never);

    // A late partner, submitting straight into the released cycle or finishing a draft there.
    const late = await createSubcontractor(database.client);
    const insert = (status: string, reference: string) =>
      `INSERT INTO "Assessment" (id, reference, "frameworkId", "frameworkVersion", perspective, "contractId",
         "cycleId", "primeId", "respondentOrgId", status, "updatedAt")
       VALUES (${q(`late-${reference}`)}, ${q(reference)}, 'ncvo-serco-code', '1.0', 'SUBCONTRACTOR', ${q(contractId)},
         ${q(cycleId)}, ${q(prime.organisationId)}, ${q(late.id)}, '${status}', now())`;
    const closed = /have been released/;
    await refused(insert("SUBMITTED", `CW-LATE-${late.id}`), closed);
    await database.client.$executeRawUnsafe(insert("DRAFT", `CW-LATE-${late.id}`));
    await refused(
      `UPDATE "Assessment" SET status = 'SUBMITTED' WHERE id = ${q(`late-CW-LATE-${late.id}`)}`,
      closed,
    );
    // A draft there can still be saved (and is purged in time); other cycles are untouched.
    await database.client.$executeRawUnsafe(
      `UPDATE "Assessment" SET revision = revision + 1 WHERE id = ${q(`late-CW-LATE-${late.id}`)}`,
    );
    const submitted = { cycleId, primeId: prime.organisationId, status: "SUBMITTED" as const };
    expect(await database.client.assessment.count({ where: submitted })).toBe(3);
  });
});
