import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError, RuleError } from "@/lib/errors";
import { AUDIT_ACTIONS } from "@/lib/services/audit";
import {
  currentSelfAssessmentId,
  getReview,
  recordVerdict,
  respondToReview,
} from "@/lib/services/verification";
import { answersAt } from "@/tests/support/answers";
import { actorFor, createAssessment, createCommissioner, createPrime } from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/** Verification of a prime's self-assessment (issue 18, part 2): who may read and write, and the kept history. */
describe.each(testDatabaseKinds())("verification on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function selfAssessed() {
    const scenario = await createRatingScenario(database.client, { partners: 1 });
    const { id } = await scenario.rate(scenario.prime, answersAt("prime", "best"));
    return { ...scenario, assessmentId: id };
  }

  const fairPayment = (review: Awaited<ReturnType<typeof getReview>>) => {
    const principle = review.principles.find((p) => p.key === "fair-payment");
    if (!principle) throw new Error("no fair-payment principle");
    return principle;
  };

  it("keeps every verdict and response in order, and the latest verdict is the principle's state", async () => {
    const { prime, commissioner, assessmentId, contractId, cycleId } = await selfAssessed();
    await recordVerdict(commissioner, {
      assessmentId,
      principleKey: "fair-payment",
      verdict: "MORE_EVIDENCE",
      comment: "Send the payment-run report for March.",
    });
    let seen = fairPayment(await getReview(prime, assessmentId));
    expect(seen.verdict).toBe("MORE_EVIDENCE");
    expect(seen.responded).toBe(false);
    expect(seen.entries.map((e) => e.text)).toEqual(["Send the payment-run report for March."]);

    await respondToReview(prime, {
      assessmentId,
      principleKey: "fair-payment",
      text: "  Added it: March's run, paid in 14 days.  ",
    });
    seen = fairPayment(await getReview(commissioner, assessmentId));
    expect(seen.verdict).toBe("MORE_EVIDENCE");
    expect(seen.responded).toBe(true);

    await recordVerdict(commissioner, {
      assessmentId,
      principleKey: "fair-payment",
      verdict: "VERIFIED",
      comment: "",
    });
    const review = await getReview(prime, assessmentId);
    seen = fairPayment(review);
    expect(seen.verdict).toBe("VERIFIED");
    expect(seen.responded).toBe(false);
    expect(seen.entries.map((e) => [e.side, e.verdict, e.text])).toEqual([
      ["commissioner", "MORE_EVIDENCE", "Send the payment-run report for March."],
      ["prime", null, "Added it: March's run, paid in 14 days."],
      ["commissioner", "VERIFIED", ""],
    ]);
    // The other principles are untouched.
    expect(review.principles.filter((p) => p.verdict !== null).map((p) => p.key)).toEqual(["fair-payment"]);
    expect(
      await currentSelfAssessmentId(commissioner, { contractId, primeId: prime.organisationId, cycleId }),
    ).toBe(assessmentId);

    // Each step is in the writer's activity log, and says what was decided, not who the prime's partners are.
    const audit = await database.client.auditEvent.findMany({
      where: { action: { in: [AUDIT_ACTIONS.verdict, AUDIT_ACTIONS.reviewResponse] } },
      orderBy: { createdAt: "asc" },
      select: { organisationId: true, action: true, summary: true },
    });
    const ours = audit.filter((a) =>
      [commissioner.organisationId, prime.organisationId].includes(a.organisationId ?? ""),
    );
    expect(ours.map((a) => [a.organisationId, a.action])).toEqual([
      [commissioner.organisationId, AUDIT_ACTIONS.verdict],
      [prime.organisationId, AUDIT_ACTIONS.reviewResponse],
      [commissioner.organisationId, AUDIT_ACTIONS.verdict],
    ]);
    expect(ours[0]?.summary).toContain("“More evidence needed” on paying fairly and on time");
  });

  it("lets only the contract's commissioner record a verdict and only the prime respond; everyone else finds nothing", async () => {
    const { prime, commissioner, partners, assessmentId, contractId, cycleId } = await selfAssessed();
    const verdict = { assessmentId, principleKey: "fair-payment", verdict: "VERIFIED" as const, comment: "" };
    const response = { assessmentId, principleKey: "fair-payment", text: "Here is more." };
    const strangers: [string, Actor][] = [
      ["a partner of the prime", partners[0] as Actor],
      ["another prime", actorFor(await createPrime(database.client))],
      ["another commissioner", actorFor(await createCommissioner(database.client))],
    ];
    for (const [who, stranger] of nonEmpty(strangers)) {
      await expect(getReview(stranger, assessmentId), who).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordVerdict(stranger, verdict), who).rejects.toBeInstanceOf(NotFoundError);
      await expect(respondToReview(stranger, response), who).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        currentSelfAssessmentId(stranger, { contractId, primeId: prime.organisationId, cycleId }),
        who,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    // Each side only writes its own part.
    await expect(recordVerdict(prime, verdict)).rejects.toBeInstanceOf(NotFoundError);
    await expect(respondToReview(commissioner, response)).rejects.toBeInstanceOf(NotFoundError);
    expect(await database.client.verificationEntry.count({ where: { assessmentId } })).toBe(0);
  });

  it("refuses a verdict without a reason, on a draft, on a superseded version, or on an unknown principle", async () => {
    const { prime, commissioner, assessmentId, contractId, cycleId } = await selfAssessed();
    await expect(
      recordVerdict(commissioner, {
        assessmentId,
        principleKey: "fair-payment",
        verdict: "NOT_VERIFIED",
        comment: " ",
      }),
    ).rejects.toBeInstanceOf(RuleError);
    await expect(
      recordVerdict(commissioner, {
        assessmentId,
        principleKey: "nonsense",
        verdict: "VERIFIED",
        comment: "",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const correction = await createAssessment(database.client, {
      contractId,
      cycleId,
      primeId: prime.organisationId,
      respondentOrgId: prime.organisationId,
      perspective: "prime",
      answers: answersAt("prime", "worst"),
      submittedAt: new Date(),
      version: 2,
      supersedesId: assessmentId,
    });
    await expect(
      recordVerdict(commissioner, {
        assessmentId,
        principleKey: "fair-payment",
        verdict: "VERIFIED",
        comment: "",
      }),
    ).rejects.toThrow("A newer version");
    expect((await getReview(commissioner, assessmentId)).state).toBe("superseded");
    expect(
      await currentSelfAssessmentId(commissioner, { contractId, primeId: prime.organisationId, cycleId }),
    ).toBe(correction.id);

    const other = await createRatingScenario(database.client, { partners: 0 });
    const draft = await other.rate(other.prime, answersAt("prime", "best"), { submittedAt: null });
    await expect(
      recordVerdict(other.commissioner, {
        assessmentId: draft.id,
        principleKey: "fair-payment",
        verdict: "VERIFIED",
        comment: "",
      }),
    ).rejects.toThrow("has not been submitted");
    expect((await getReview(other.commissioner, draft.id)).state).toBe("draft");
  });

  it("keeps the history in the database: entries cannot be changed or removed, only go with their self-assessment", async () => {
    const { commissioner, assessmentId } = await selfAssessed();
    await recordVerdict(commissioner, {
      assessmentId,
      principleKey: "risk-sharing",
      verdict: "NOT_VERIFIED",
      comment: "The risk register does not cover this contract.",
    });
    const sql = (text: string, ...values: unknown[]) => database.client.$executeRawUnsafe(text, ...values);
    const never = /never changes/;
    await expect(sql(`UPDATE "VerificationEntry" SET "verdict" = 'VERIFIED'`)).rejects.toThrow(never);
    await expect(sql(`UPDATE "VerificationEntry" SET "text" = 'fine'`)).rejects.toThrow(never);
    await expect(sql(`DELETE FROM "VerificationEntry"`)).rejects.toThrow(never);
    await expect(sql(`TRUNCATE "VerificationEntry"`)).rejects.toThrow(/never emptied/);
    await expect(
      sql(
        `INSERT INTO "VerificationEntry" (id, "assessmentId", "principleKey", verdict, text) VALUES ('x1', $1, 'fair-payment', NULL, '  ')`,
        assessmentId,
      ),
    ).rejects.toThrow(/VerificationEntry_says_something/);
    expect(await database.client.verificationEntry.count({ where: { assessmentId } })).toBe(1);

    // Erasing the whole self-assessment, deliberately (ADR 0019), takes its review with it.
    await database.client.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT set_config('chainwise.erase_submitted', 'on', true)`);
      await tx.$executeRawUnsafe(`DELETE FROM "Assessment" WHERE id = $1`, assessmentId);
    });
    expect(await database.client.verificationEntry.count({ where: { assessmentId } })).toBe(0);
  });
});
