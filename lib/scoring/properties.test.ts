import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Answers,
  type AnswerValue,
  DONT_KNOW,
  type Framework,
  NOT_APPLICABLE,
  optionValues,
  type Perspective,
  PRINCIPLE_KEYS,
} from "../framework";
import {
  aggregateRatings,
  compareViews,
  guardDifferencing,
  type PartnerRating,
  scoreAssessment,
} from "./index";
import { mirror, mirroredFramework } from "./test-fixtures";

const weight = fc.integer({ min: 1, max: 5 });
const frameworkArb: fc.Arbitrary<Framework> = fc
  .record({
    questions: fc.array(weight, { minLength: 7, maxLength: 7 }),
    principles: fc.tuple(weight, weight, weight, weight, weight),
  })
  .map(({ questions, principles }) =>
    mirroredFramework({
      questions,
      principles: Object.fromEntries(PRINCIPLE_KEYS.map((key, i) => [key, principles[i]])),
    }),
  );
// Building a framework per run is slow; a handful of weightings covers the ground.
const frameworks = fc.sample(frameworkArb, { numRuns: 6, seed: 42 });
const anyFramework = fc.constantFrom(mirroredFramework(), ...frameworks);

const questionsOf = (framework: Framework, perspective: Perspective) =>
  framework.principles.flatMap((p) => p.questions).filter((question) => question.perspective === perspective);

function realAnswer(
  question: Framework["principles"][number]["questions"][number],
): fc.Arbitrary<AnswerValue> {
  const options = optionValues(question.answer);
  if (options === null) {
    const spec = question.answer as { min: number; max: number };
    return fc.integer({ min: spec.min, max: spec.max });
  }
  return question.answer.type === "multiple" ? fc.subarray([...options]) : fc.constantFrom(...options);
}

/** Any mix of real answers, non-answers and blanks to one perspective's questions. */
function answersFor(framework: Framework, perspective: Perspective): fc.Arbitrary<Answers> {
  const entries = questionsOf(framework, perspective).map((question) =>
    fc
      .oneof(
        { arbitrary: realAnswer(question), weight: 6 },
        {
          arbitrary: fc.constantFrom<AnswerValue | undefined>(DONT_KNOW, NOT_APPLICABLE, undefined),
          weight: 2,
        },
      )
      .map((value) => [question.key, value] as const),
  );
  return fc.tuple(...entries).map((pairs) => {
    const answers: Record<string, AnswerValue> = {};
    for (const [key, value] of pairs) if (value !== undefined) answers[key] = value;
    return answers;
  });
}

const withAnswers = (perspective: Perspective) =>
  anyFramework.chain((framework) =>
    answersFor(framework, perspective).map((answers) => ({ framework, answers })),
  );

/** Every number anywhere in a value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("scoreAssessment properties", () => {
  it("keeps every score and coverage within 0–100, with one decimal", () => {
    // Across all runs, so the property cannot pass by never finding a figure to check.
    let checked = 0;
    fc.assert(
      fc.property(withAnswers("subcontractor"), ({ framework, answers }) => {
        const result = scoreAssessment(framework, answers, "subcontractor");
        const figures = [
          result.score,
          ...result.principles.flatMap((p) => [p.score, p.coverage]),
          ...result.questions.map((r) => r.score),
        ].filter((x) => x !== null);
        for (const x of figures) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(100);
          expect(Math.round(x * 10) / 10).toBe(x);
          checked++;
        }
      }),
    );
    expect(checked).toBeGreaterThan(0);
  });

  it("changes no score when a Not applicable answer is added", () => {
    fc.assert(
      fc.property(withAnswers("prime"), fc.nat(), ({ framework, answers }, pick) => {
        const questions = questionsOf(framework, "prime");
        const key = questions[pick % questions.length]?.key ?? "";
        const { [key]: _, ...without } = answers;
        const before = scoreAssessment(framework, without, "prime");
        const after = scoreAssessment(framework, { ...without, [key]: NOT_APPLICABLE }, "prime");
        expect(after.score).toBe(before.score);
        expect(after.principles.map((p) => [p.score, p.status])).toEqual(
          before.principles.map((p) => [p.score, p.status]),
        );
      }),
    );
  });

  it("never lowers a principle's score (or overall) when one answer is raised", () => {
    const raised = anyFramework.chain((framework) => {
      const questions = questionsOf(framework, "subcontractor");
      return fc
        .record({
          framework: fc.constant(framework),
          answers: answersFor(framework, "subcontractor"),
          index: fc.nat({ max: questions.length - 1 }),
        })
        .chain(({ framework, answers, index }) => {
          const question = questions[index] as (typeof questions)[number];
          return fc
            .tuple(realAnswer(question), realAnswer(question))
            .map(([a, b]) => ({ framework, answers, question, a, b }));
        });
    });
    fc.assert(
      fc.property(raised, ({ framework, answers, question, a, b }) => {
        const one = scoreAssessment(framework, { ...answers, [question.key]: a }, "subcontractor");
        const two = scoreAssessment(framework, { ...answers, [question.key]: b }, "subcontractor");
        const [low, high] = (
          (one.questions.find((r) => r.key === question.key)?.score ?? 0) <=
          (two.questions.find((r) => r.key === question.key)?.score ?? 0)
            ? [one, two]
            : [two, one]
        ) as [typeof one, typeof one];
        const principle = (r: typeof one) =>
          r.principles.find((p) => p.key === keyOf(framework, question.key));
        expect(principle(high)?.score ?? 0).toBeGreaterThanOrEqual(principle(low)?.score ?? 0);
        expect(high.score ?? 0).toBeGreaterThanOrEqual(low.score ?? 0);
      }),
    );
  });
});

const keyOf = (framework: Framework, questionKey: string) =>
  framework.principles.find((p) => p.questions.some((question) => question.key === questionKey))?.key;

/** Partners' ratings: distinct ids, respondents drawn from a small pool so some repeat. */
const ratingsArb = (min: number, max: number) =>
  anyFramework.chain((framework) =>
    fc
      .array(fc.tuple(answersFor(framework, "subcontractor"), fc.integer({ min: 0, max: 9 })), {
        minLength: min,
        maxLength: max,
      })
      .map((list) =>
        list.map(
          ([answers, who], i): PartnerRating => ({
            id: `rating-${i}`,
            respondent: `partner-${who}`,
            assessment: scoreAssessment(framework, answers, "subcontractor"),
          }),
        ),
      ),
  );

describe("aggregation properties", () => {
  it("does not depend on the order of the ratings", () => {
    fc.assert(
      fc.property(
        ratingsArb(0, 9).chain((ratings) =>
          fc.tuple(fc.constant(ratings), fc.shuffledSubarray(ratings, { minLength: ratings.length })),
        ),
        ([ratings, shuffled]) => {
          expect(aggregateRatings(shuffled)).toEqual(aggregateRatings(ratings));
        },
      ),
    );
  });

  it("exposes no number from fewer than k partners", () => {
    let measures = 0;
    fc.assert(
      fc.property(ratingsArb(0, 10), fc.integer({ min: 3, max: 6 }), (ratings, k) => {
        const result = aggregateRatings(ratings, { minResponses: k });
        const partners = new Set(ratings.map((r) => r.respondent)).size;
        if (partners < k) expect(numbersIn(result)).toEqual([]);
        if (result.suppressed) return;
        result.principles.forEach((measure, i) => {
          const scored = ratings.filter((r) => r.assessment.principles[i]?.score !== null);
          const enough = new Set(scored.map((r) => r.respondent)).size >= k;
          expect(measure.suppressed).toBe(!enough);
          if (measure.suppressed) expect(numbersIn(measure)).toEqual([]);
          measures++;
        });
        result.questions.forEach((question, i) => {
          const answered = ratings.filter((r) => r.assessment.questions[i]?.status === "answered");
          expect(question.suppressed).toBe(new Set(answered.map((r) => r.respondent)).size < k);
          if (question.suppressed) expect(numbersIn(question)).toEqual([]);
          measures++;
        });
      }),
    );
    expect(measures).toBeGreaterThan(0);
  });

  it("shows only groups whose every cell holds k partners", () => {
    let cellsChecked = 0;
    const groups = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3 }),
        members: fc.subarray([...Array(12).keys()]),
      }),
      { selector: (g) => g.id, maxLength: 5 },
    );
    fc.assert(
      fc.property(groups, (list) => {
        const asGroups = list.map((g) => ({
          id: g.id,
          ratings: g.members.map((m) => ({ id: `r${m}`, respondent: `r${m}` })),
        }));
        const { shown } = guardDifferencing(asGroups);
        const cells = new Map<string, number>();
        for (let m = 0; m < 12; m++) {
          const inside = shown.filter((id) => list.find((g) => g.id === id)?.members.includes(m));
          const cell = JSON.stringify(inside);
          if (inside.length > 0) cells.set(cell, (cells.get(cell) ?? 0) + 1);
        }
        for (const size of cells.values()) {
          expect(size).toBeGreaterThanOrEqual(3);
          cellsChecked++;
        }
      }),
    );
    expect(cellsChecked).toBeGreaterThan(0);
  });
});

describe("compareViews properties", () => {
  it("shows no gaps when partners' ratings match the self-assessment", () => {
    fc.assert(
      fc.property(withAnswers("prime"), fc.integer({ min: 3, max: 5 }), ({ framework, answers }, k) => {
        const self = scoreAssessment(framework, answers, "prime");
        const ratings = Array.from({ length: k }, (_, i) => ({
          id: `r${i}`,
          respondent: `p${i}`,
          assessment: scoreAssessment(framework, mirror(answers), "subcontractor"),
        }));
        const result = compareViews(self, aggregateRatings(ratings));
        if (!result.comparable) throw new Error("k partners should be comparable");
        for (const gap of [result.overall, ...result.principles, ...result.pairs]) {
          expect(gap.gap).toBe(gap.self === null ? null : 0);
          expect(gap.view).toBe(gap.self === null ? "not-comparable" : "aligned");
        }
        expect(result.pairs.some((p) => p.claimDisputed)).toBe(false);
      }),
    );
  });
});
