import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { framework, principleQuestions } from "@/lib/framework";
import { scoreAssessment } from "@/lib/scoring";
import {
  getOwnAssessment,
  getStartContext,
  savePrinciple,
  startCorrection,
  startOrResume,
  submit,
} from "@/lib/services/assessments";
import { answersAt, firstAnswers } from "@/tests/support/answers";
import { actorFor, createSubcontractor } from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const NOW = new Date("2026-11-22T12:00:00Z");

describe.each(testDatabaseKinds())("assessments on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A partner on a prime's roster in an open cycle, and what it starts a rating with. */
  async function partnerOnRoster() {
    const scenario = await createRatingScenario(database.client);
    const asPartner = {
      contractId: scenario.contractId,
      primeId: scenario.prime.organisationId,
      perspective: "subcontractor" as const,
    };
    return { ...scenario, asPartner };
  }

  it("lets only roster partners rate, and only the prime assess itself", async () => {
    const { partner, prime, asPartner } = await partnerOnRoster();
    const outsider = actorFor(await createSubcontractor(database.client));
    await expect(getStartContext(outsider, asPartner, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      getStartContext(partner, { ...asPartner, perspective: "prime" }, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getStartContext(prime, asPartner, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    const context = await getStartContext(partner, asPartner, NOW);
    expect(context.cycle?.name).toBe("2026–27");
  });

  it("refuses to start when no cycle is open", async () => {
    const { partner, asPartner } = await partnerOnRoster();
    await expect(startOrResume(partner, asPartner, new Date("2030-01-01"))).rejects.toBeInstanceOf(RuleError);
  });

  it("resumes the same draft instead of starting a second", async () => {
    const { partner, asPartner } = await partnerOnRoster();
    const first = await startOrResume(partner, asPartner, NOW);
    const second = await startOrResume(partner, asPartner, NOW);
    expect(second).toBe(first);
  });

  it("hides a draft from every other organisation", async () => {
    const { partner, prime, asPartner } = await partnerOnRoster();
    const outsider = actorFor(await createSubcontractor(database.client));
    const id = await startOrResume(partner, asPartner, NOW);
    await expect(getOwnAssessment(outsider, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOwnAssessment(prime, id)).rejects.toBeInstanceOf(NotFoundError);
    const questions = principleQuestions(framework, "risk-sharing", "subcontractor");
    await expect(
      savePrinciple(prime, { id, revision: 0, principle: "risk-sharing", answers: firstAnswers(questions) }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("saves a page with each answer's score and flag, refuses a stale save, and submits once complete", async () => {
    const { partner, asPartner } = await partnerOnRoster();
    const id = await startOrResume(partner, asPartner, NOW);
    let view = await getOwnAssessment(partner, id);
    const pay = principleQuestions(framework, "fair-payment", "subcontractor");
    const answers = firstAnswers(pay);
    answers.set("pay.days.sub", {
      value: 45,
      evidence: "  Invoices wait for the prime's own payment.  ".trim(),
    });
    await savePrinciple(partner, { id, revision: view.revision, principle: "fair-payment", answers });

    const stored = await database.client.answer.findUniqueOrThrow({
      where: { assessmentId_questionKey: { assessmentId: id, questionKey: "pay.days.sub" } },
    });
    expect(stored).toMatchObject({ value: 45, flagged: true, score: 30, principleKey: "fair-payment" });
    expect(stored.evidence).toBe("Invoices wait for the prime's own payment.");

    // A second tab still holding the old revision is refused; nothing it sent is stored.
    const staleAnswers = firstAnswers(pay);
    staleAnswers.set("pay.days.sub", { value: 5, evidence: null });
    await expect(
      savePrinciple(partner, {
        id,
        revision: view.revision,
        principle: "fair-payment",
        answers: staleAnswers,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    view = await getOwnAssessment(partner, id);
    expect(view.answers.get("pay.days.sub")?.value).toBe(45);
    expect(view.progress.find((p) => p.key === "fair-payment")?.status).toBe("completed");
    await expect(submit(partner, id, view.revision, { now: NOW })).rejects.toBeInstanceOf(RuleError);

    for (const principle of nonEmpty(framework.principles, "principles")) {
      if (principle.key === "fair-payment") continue;
      view = await getOwnAssessment(partner, id);
      const questions = principleQuestions(framework, principle.key, "subcontractor");
      await savePrinciple(partner, {
        id,
        revision: view.revision,
        principle: principle.key,
        answers: firstAnswers(questions),
      });
    }
    view = await getOwnAssessment(partner, id);
    expect(view.complete).toBe(true);
    await submit(partner, id, view.revision, { now: NOW });
    view = await getOwnAssessment(partner, id);
    expect(view.status).toBe("submitted");
    expect(view.reference).toMatch(/^CW-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The organisation's log says a rating was submitted, and nothing of what it said.
    const logged = await database.client.auditEvent.findMany({
      where: { organisationId: partner.organisationId },
    });
    expect(logged.map((e) => [e.action, e.summary])).toEqual([
      [
        "assessment.submitted",
        expect.stringMatching(/^Submitted a rating of Test Prime Services \d+ Ltd for .* \(2026–27\)$/),
      ],
    ]);
    expect(JSON.stringify(logged)).not.toContain(view.reference);

    // Its scores are stored for reports, exactly as scoring works them out.
    const given = Object.fromEntries([...view.answers].map(([key, a]) => [key, a.value]));
    const scored = scoreAssessment(framework, given, "subcontractor");
    const scoreRows = await database.client.assessmentScore.findMany({ where: { assessmentId: id } });
    expect(Object.fromEntries(scoreRows.map((row) => [row.measure, row.score]))).toEqual({
      overall: scored.score,
      ...Object.fromEntries(scored.principles.map((p) => [p.key, p.score])),
    });
    expect(scored.score).not.toBeNull();

    // Submitted answers never change.
    await expect(
      savePrinciple(partner, {
        id,
        revision: view.revision,
        principle: "fair-payment",
        answers: staleAnswers,
      }),
    ).rejects.toBeInstanceOf(RuleError);
  });

  it("keeps the submitted version when a correction is made and submitted", async () => {
    const { partner, asPartner, rate } = await partnerOnRoster();
    const { id } = await rate(partner, answersAt("subcontractor", "best", { "pay.days.sub": 45 }));
    expect(await startOrResume(partner, asPartner, NOW)).toBe(id);
    const original = await getOwnAssessment(partner, id);
    expect(original.status).toBe("submitted");

    const correctionId = await startCorrection(partner, id);
    expect(await startCorrection(partner, id)).toBe(correctionId);
    let correction = await getOwnAssessment(partner, correctionId);
    expect(correction).toMatchObject({ status: "draft", version: 2, complete: true });
    expect(correction.reference).not.toBe(original.reference);
    expect(correction.answers.get("pay.days.sub")?.value).toBe(45);

    const pay = principleQuestions(framework, "fair-payment", "subcontractor");
    const answers = firstAnswers(pay);
    answers.set("pay.days.sub", { value: 20, evidence: null });
    await savePrinciple(partner, {
      id: correctionId,
      revision: correction.revision,
      principle: "fair-payment",
      answers,
    });
    correction = await getOwnAssessment(partner, correctionId);
    await submit(partner, correctionId, correction.revision, { now: NOW });

    const history = await database.client.assessment.findMany({
      where: { respondentOrgId: partner.organisationId },
      orderBy: { version: "asc" },
      select: {
        version: true,
        status: true,
        supersedesId: true,
        answers: { where: { questionKey: "pay.days.sub" } },
      },
    });
    expect(history.map((h) => [h.version, h.status, h.answers[0]?.value])).toEqual([
      [1, "SUBMITTED", 45],
      [2, "SUBMITTED", 20],
    ]);
    expect(history[1]?.supersedesId).toBe(id);
    // The dashboard and start page now lead to the latest version.
    expect(await startOrResume(partner, asPartner, NOW)).toBe(correctionId);
  });
});
