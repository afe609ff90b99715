import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError, RuleError } from "@/lib/errors";
import { evidenceFixture } from "@/lib/evidence/test-fixtures";
import { framework, principleQuestions } from "@/lib/framework";
import type { PageAnswer } from "@/lib/questionnaire/form";
import {
  CLOSED_MESSAGE,
  getOwnAssessment,
  savePrinciple,
  startCorrection,
  submit,
} from "@/lib/services/assessments";
import { addEvidence, listEvidence, removeEvidence } from "@/lib/services/evidence";
import { releasePeriod } from "@/lib/services/releases";
import { getContractReport } from "@/lib/services/reports";
import { readSelfAssessment } from "@/lib/services/self-assessment-versions";
import { answersAt } from "@/tests/support/answers";
import { AFTER, chain, DURING, programme } from "@/tests/support/disclosure";
import { actorFor, createAssessment, createCommissioner, createPrime } from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * Issue 18, part 3 (docs/decisions/0029): once partners' figures for a cycle are released, the
 * prime's self-assessment for it is locked as it was, in the services and in the database; a later
 * change is a new version made after release, which reports do not read in its place.
 */
describe.each(testDatabaseKinds())("a self-assessment locked at release on %s", (kind) => {
  const database = useTestDatabase(kind);
  const sql = (text: string, ...values: unknown[]) => database.client.$executeRawUnsafe(text, ...values);

  async function refused(attempt: Promise<unknown>, reason: RegExp) {
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, "it was accepted").toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(reason);
  }

  /** A prime with three partners' ratings and its own self-assessment (a draft when `draft`). */
  async function world({ draft = false } = {}) {
    const { admin, commissionerId, period } = await programme(database.client, { score: 3, category: 3 });
    const prime = actorFor(await createPrime(database.client));
    const c = await chain(database.client, commissionerId, prime, period, 3);
    for (const [i, partner] of c.partners.entries()) await c.rate(partner, "best", i);
    const self = await createAssessment(database.client, {
      contractId: c.contractId,
      cycleId: c.cycleId,
      primeId: prime.organisationId,
      respondentOrgId: prime.organisationId,
      perspective: "prime",
      answers: answersAt("prime", "best"),
      submittedAt: draft ? undefined : DURING,
    });
    const commissioner: Actor = { ...admin, role: null, userId: null };
    return {
      prime,
      commissioner,
      partners: c.partners,
      contractId: c.contractId,
      selfId: self.id,
      release: () => releasePeriod(admin, commissionerId, period, AFTER),
    };
  }

  const worstPage = (principle: "fair-payment") =>
    new Map<string, PageAnswer>(
      principleQuestions(framework, principle, "prime").map((q) => [
        q.key,
        { value: answersAt("prime", "worst")[q.key] as PageAnswer["value"], evidence: null },
      ]),
    );

  it("is locked by the release; a change is version 2, made after release, which reports do not read", async () => {
    const { prime, commissioner, contractId, selfId, release } = await world();
    // Before the release the closed cycle refuses a correction, as it always has.
    await refused(startCorrection(prime, selfId, AFTER), new RegExp(CLOSED_MESSAGE.slice(0, 30)));
    expect((await getOwnAssessment(prime, selfId)).lockedOn).toBeNull();

    const outcome = await release();
    expect(outcome.releaseId).not.toBeNull();
    const locked = await getOwnAssessment(prime, selfId);
    expect(locked.lockedOn).not.toBeNull();
    const before = [...locked.answers];

    const v2 = await startCorrection(prime, selfId, AFTER);
    const draft = await getOwnAssessment(prime, v2);
    expect([draft.version, draft.afterRelease, draft.supersedesId, draft.lockedOn]).toEqual([
      2,
      true,
      selfId,
      null,
    ]);
    await savePrinciple(
      prime,
      { id: v2, revision: draft.revision, principle: "fair-payment", answers: worstPage("fair-payment") },
      AFTER,
    );
    await submit(prime, v2, draft.revision + 1, { now: AFTER });
    expect((await getOwnAssessment(prime, v2)).status).toBe("submitted");

    // The locked version is as it was, and the report still reads it, not the later version.
    expect([...(await getOwnAssessment(prime, selfId)).answers]).toEqual(before);
    const report = await getContractReport(commissioner, contractId, { now: AFTER });
    const self = report.primes[0]?.self;
    expect(self?.principles.find((p) => p.key === "fair-payment")?.score).toBe(100);
  });

  it("refuses saving or submitting a draft left unsent at the release, with the reason", async () => {
    const { prime, selfId, release } = await world({ draft: true });
    await release();
    const draft = await getOwnAssessment(prime, selfId);
    // Each started only when awaited: a refusal started early is an unhandled rejection meanwhile.
    const attempts = [
      () =>
        savePrinciple(
          prime,
          {
            id: selfId,
            revision: draft.revision,
            principle: "fair-payment",
            answers: worstPage("fair-payment"),
          },
          AFTER,
        ),
      () => submit(prime, selfId, draft.revision, { now: AFTER }),
    ];
    for (const attempt of attempts) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RuleError);
      expect((error as Error).message).toMatch(/released on .*, so this self-assessment is locked/);
    }
  });

  it("lets the prime remove evidence until the release, audited; afterwards adding is dated, removing refused", async () => {
    const { prime, commissioner, selfId, release } = await world();
    const pdf = evidenceFixture("pdf");
    const add = (name: string) =>
      addEvidence(prime, { assessmentId: selfId, principleKey: "fair-payment", fileName: name, bytes: pdf });
    const wrong = await add("wrong-year.pdf");
    const kept = await add("payment-run.pdf");
    await refused(removeEvidence(commissioner, wrong.id), /Only the prime/);
    await removeEvidence(prime, wrong.id);
    expect((await listEvidence(prime, selfId)).files.map((f) => f.fileName)).toEqual(["payment-run.pdf"]);
    const audit = await database.client.auditEvent.findMany({
      where: { organisationId: prime.organisationId, action: "evidence.removed" },
      select: { summary: true },
    });
    expect(audit.map((a) => a.summary)).toEqual([
      expect.stringContaining("Removed the evidence file “wrong-year.pdf” from version 1"),
    ]);

    await release();
    await refused(removeEvidence(prime, kept.id), /so this self-assessment is locked/);
    const later = await add("requested-by-the-council.pdf");
    const listing = await listEvidence(prime, selfId);
    expect([listing.canAdd, listing.canRemove, listing.lockedOn !== null]).toEqual([true, false, true]);
    expect(listing.files.map((f) => f.id)).toEqual([kept.id, later.id]);
  });

  it("shows the versions to the prime and its commissioner only, and a draft to the prime only", async () => {
    const { prime, commissioner, partners, selfId, release } = await world();
    await release();
    const v2 = await startCorrection(prime, selfId, AFTER);
    const asPrime = await readSelfAssessment(prime, selfId);
    expect(asPrime.versions.map((v) => [v.version, v.afterRelease, v.submittedAt !== null])).toEqual([
      [1, false, true],
      [2, true, false],
    ]);
    expect(asPrime.reportedId).toBe(selfId);
    expect(asPrime.releasedOn).not.toBeNull();
    expect((await readSelfAssessment(commissioner, selfId)).versions.map((v) => v.version)).toEqual([1]);
    await expect(readSelfAssessment(commissioner, v2)).rejects.toBeInstanceOf(NotFoundError);
    // The prime's own partners, another prime and another commissioner find nothing.
    const strangers: Actor[] = [
      actorFor(await createPrime(database.client)),
      actorFor(await createCommissioner(database.client)),
      ...partners,
    ];
    for (const stranger of strangers) {
      await expect(readSelfAssessment(stranger, selfId)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  describe("the database refuses the same, whatever code sends it", () => {
    it("refuses changing a locked draft, its answers or its evidence, and a new version marked otherwise", async () => {
      const { prime, selfId, release } = await world({ draft: true });
      const { id: fileId } = await addEvidence(prime, {
        assessmentId: selfId,
        principleKey: "fair-payment",
        fileName: "payment-run.pdf",
        bytes: evidenceFixture("pdf"),
      });
      await release();
      const LOCKED = /locked/;
      await refused(sql(`UPDATE "Assessment" SET "revision" = "revision" + 1 WHERE id = $1`, selfId), LOCKED);
      await refused(
        sql(`UPDATE "Answer" SET "evidence" = 'changed' WHERE "assessmentId" = $1`, selfId),
        LOCKED,
      );
      await refused(sql(`DELETE FROM "Answer" WHERE "assessmentId" = $1`, selfId), LOCKED);
      await refused(
        sql(
          `INSERT INTO "Answer" ("assessmentId", "questionKey", value, "principleKey", "updatedAt")
           VALUES ($1, 'new-question', '"yes"', 'fair-payment', now())`,
          selfId,
        ),
        LOCKED,
      );
      await refused(sql(`DELETE FROM "EvidenceFile" WHERE id = $1`, fileId), LOCKED);
      await refused(sql(`UPDATE "EvidenceFile" SET "fileName" = 'other.pdf' WHERE id = $1`, fileId), LOCKED);
      await refused(sql(`DELETE FROM "EvidenceContent" WHERE "fileId" = $1`, fileId), LOCKED);
      await refused(
        sql(`UPDATE "EvidenceContent" SET bytes = '\\x00'::bytea WHERE "fileId" = $1`, fileId),
        LOCKED,
      );
      // Deleting an account clears who uploaded a file: not a change to the evidence.
      expect(await sql(`UPDATE "EvidenceFile" SET "uploadedById" = NULL WHERE id = $1`, fileId)).toBe(1);
      // A draft nobody sent is still removed whole (the retention purge), its files with it.
      expect(await sql(`DELETE FROM "Assessment" WHERE id = $1`, selfId)).toBe(1);
      expect(await database.client.evidenceContent.count({ where: { fileId } })).toBe(0);
    });

    it("refuses a version from before the release into a released cycle, and a false mark either way", async () => {
      const { selfId, release } = await world();
      const copy = (afterRelease: boolean, version = 2) =>
        sql(
          `INSERT INTO "Assessment" (id, reference, "frameworkId", "frameworkVersion", perspective, "contractId",
             "cycleId", "primeId", "respondentOrgId", version, "supersedesId", "afterRelease", "updatedAt")
           SELECT 'v' || $2::text || $3::text, 'CW-LOCK-' || $2::text || $3::text, "frameworkId", "frameworkVersion",
             perspective, "contractId", "cycleId", "primeId", "respondentOrgId", $2::int, id, $3::boolean, now()
           FROM "Assessment" WHERE id = $1`,
          selfId,
          version,
          afterRelease,
        );
      // Before any release, a version cannot pretend to come after one (and so hide from reports).
      await refused(copy(true), /have not been released/);
      await release();
      await refused(copy(false), /is locked/);
      expect(await copy(true)).toBe(1);
      await refused(
        sql(`UPDATE "Assessment" SET "afterRelease" = false WHERE id = 'v2true'`),
        /set when it is written/,
      );
    });
  });
});
