import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ConflictError, RuleError } from "@/lib/errors";
import {
  type Answers,
  type AnswerValue,
  framework,
  optionValues,
  type PrincipleKey,
  principleQuestions,
  type Question,
} from "@/lib/framework";
import type { PageAnswer } from "@/lib/questionnaire/form";
import { scoreAssessment } from "@/lib/scoring";
import { getOwnAssessment, savePrinciple, startOrResume, submit } from "@/lib/services/assessments";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * Many people at once, and one person in two tabs: every answer lands in its own assessment, a save
 * from a stale page is refused with a clear message, and nothing is half-written.
 */

const NOW = new Date("2026-11-22T12:00:00Z");
const PARTNERS = 50;

/** A valid answer to every question, different for each partner `n`, so mixed-up answers would show. */
function answerFor(question: Question, n: number): AnswerValue {
  const spec = question.answer;
  if (spec.type === "number") {
    const span = spec.max - spec.min;
    return spec.min + (n % Math.max(1, Math.min(span, 97)));
  }
  const options = optionValues(spec) ?? [];
  const chosen = options[n % options.length] ?? "";
  return spec.type === "multiple" ? [chosen] : chosen;
}

function pageFor(principle: PrincipleKey, n: number): Map<string, PageAnswer> {
  return new Map(
    principleQuestions(framework, principle, "subcontractor").map((q) => [
      q.key,
      { value: answerFor(q, n), evidence: `Partner ${n} on ${q.key}` },
    ]),
  );
}

function allAnswers(n: number): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const principle of framework.principles) {
    for (const [key, answer] of pageFor(principle.key, n)) answers[key] = answer.value;
  }
  return answers;
}

describe.each(testDatabaseKinds())("concurrency on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** `count` partners on one prime's roster in an open cycle, and how each starts its rating. */
  async function roster(count: number) {
    const scenario = await createRatingScenario(database.client, { partners: count });
    const { contractId, prime, partners } = scenario;
    const start = (actor: Actor) =>
      startOrResume(actor, { contractId, primeId: prime.organisationId, perspective: "subcontractor" }, NOW);
    return { partners, partner: scenario.partner, start };
  }

  it(`${PARTNERS} partners starting, answering and submitting at once: no answer lost or mixed`, async () => {
    const { partners: crowd, start } = await roster(PARTNERS);
    const ids = await Promise.all(crowd.map(start));
    expect(new Set(ids).size).toBe(PARTNERS);

    // Every partner saves every page at the same moment as everyone else, one page after another.
    for (const principle of nonEmpty(framework.principles, "principles")) {
      await Promise.all(
        crowd.map(async (actor, n) => {
          const id = ids[n] ?? "";
          const { revision } = await getOwnAssessment(actor, id);
          await savePrinciple(actor, {
            id,
            revision,
            principle: principle.key,
            answers: pageFor(principle.key, n),
          });
        }),
      );
    }
    await Promise.all(
      crowd.map(async (actor, n) => {
        const id = ids[n] ?? "";
        await submit(actor, id, (await getOwnAssessment(actor, id)).revision, { now: NOW });
      }),
    );

    const stored = await database.client.assessment.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, answers: true },
    });
    expect(stored).toHaveLength(PARTNERS);
    for (const [n, id] of ids.entries()) {
      const row = stored.find((s) => s.id === id);
      expect(row?.status, `partner ${n}`).toBe("SUBMITTED");
      const expected = allAnswers(n);
      const scored = scoreAssessment(framework, expected, "subcontractor");
      expect(row?.answers).toHaveLength(Object.keys(expected).length);
      for (const answer of nonEmpty(row?.answers ?? [], `partner ${n}'s answers`)) {
        expect(answer.value, `partner ${n} ${answer.questionKey}`).toEqual(expected[answer.questionKey]);
        expect(answer.evidence).toBe(`Partner ${n} on ${answer.questionKey}`);
        expect(answer.score).toBe(scored.questions.find((q) => q.key === answer.questionKey)?.score ?? null);
      }
    }
    const events = await database.client.auditEvent.count({
      where: { organisationId: { in: crowd.map((p) => p.organisationId) }, action: "assessment.submitted" },
    });
    expect(events).toBe(PARTNERS);
  });

  it("two tabs saving the same draft at once: one wins, the other is refused and stores nothing", async () => {
    const { partner: actor, start } = await roster(1);
    const id = await start(actor);
    const { revision } = await getOwnAssessment(actor, id);
    const tabA = savePrinciple(actor, {
      id,
      revision,
      principle: "fair-payment",
      answers: pageFor("fair-payment", 1),
    });
    const tabB = savePrinciple(actor, {
      id,
      revision,
      principle: "risk-sharing",
      answers: pageFor("risk-sharing", 2),
    });
    const [a, b] = await Promise.allSettled([tabA, tabB]);
    const outcomes = [a.status, b.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const refused = (a.status === "rejected" ? a.reason : b.status === "rejected" ? b.reason : null) as Error;
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toMatch(/changed somewhere else \(perhaps in another tab\)/);

    const winner = a.status === "fulfilled" ? "fair-payment" : "risk-sharing";
    const loser = winner === "fair-payment" ? "risk-sharing" : "fair-payment";
    let view = await getOwnAssessment(actor, id);
    expect(view.revision).toBe(revision + 1);
    const saved = (principle: PrincipleKey) =>
      principleQuestions(framework, principle, "subcontractor").filter((q) => view.answers.has(q.key)).length;
    expect(saved(winner)).toBe(principleQuestions(framework, winner, "subcontractor").length);
    expect(saved(loser)).toBe(0);

    // The refused tab reloads and saves again: now both pages are kept.
    const n = loser === "fair-payment" ? 1 : 2;
    await savePrinciple(actor, { id, revision: view.revision, principle: loser, answers: pageFor(loser, n) });
    view = await getOwnAssessment(actor, id);
    expect(saved(loser)).toBe(principleQuestions(framework, loser, "subcontractor").length);
    expect(saved(winner)).toBe(principleQuestions(framework, winner, "subcontractor").length);
  });

  it("a stale tab cannot submit, and a save racing a submit never leaves both done", async () => {
    const { partner: actor, start } = await roster(1);
    const id = await start(actor);
    for (const principle of nonEmpty(framework.principles, "principles")) {
      const { revision } = await getOwnAssessment(actor, id);
      await savePrinciple(actor, {
        id,
        revision,
        principle: principle.key,
        answers: pageFor(principle.key, 3),
      });
    }
    const stale = (await getOwnAssessment(actor, id)).revision;
    await savePrinciple(actor, {
      id,
      revision: stale,
      principle: "data-sharing",
      answers: pageFor("data-sharing", 4),
    });
    await expect(submit(actor, id, stale, { now: NOW })).rejects.toBeInstanceOf(ConflictError);
    expect((await getOwnAssessment(actor, id)).status).toBe("draft");

    const { revision } = await getOwnAssessment(actor, id);
    const [saved, submitted] = await Promise.allSettled([
      savePrinciple(actor, { id, revision, principle: "good-faith", answers: pageFor("good-faith", 5) }),
      submit(actor, id, revision, { now: NOW }),
    ]);
    const view = await getOwnAssessment(actor, id);
    if (submitted.status === "fulfilled") {
      // The submission won: the save was refused, and the submitted answers are those of partner 3.
      expect(saved.status).toBe("rejected");
      expect(saved.status === "rejected" ? saved.reason : null).toSatisfy(
        (e: unknown) => e instanceof ConflictError || e instanceof RuleError,
      );
      expect(view.status).toBe("submitted");
      const key = principleQuestions(framework, "good-faith", "subcontractor")[0]?.key ?? "";
      expect(view.answers.get(key)?.value).toEqual(pageFor("good-faith", 3).get(key)?.value);
    } else {
      expect(submitted.reason).toBeInstanceOf(ConflictError);
      expect(saved.status).toBe("fulfilled");
      expect(view.status).toBe("draft");
    }
  });
});
