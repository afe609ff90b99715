import { describe, expect, it } from "vitest";
import { type Answers, framework } from "../framework";
import { ScoringError, scoreAssessment } from "./index";
import { buildFramework, q } from "./test-fixtures";

const S = "subcontractor";

/** One question under test in fair-payment; every other principle keeps its default questions. */
function scoreOne(question: ReturnType<typeof q.agreement>, answer: Answers[string]) {
  const framework = buildFramework({ questions: { "fair-payment": [question] } });
  const result = scoreAssessment(framework, { [question.key]: answer }, S);
  return result.questions.find((r) => r.key === question.key);
}

describe("question rules", () => {
  it("spreads a scale's options evenly from 0 to 100, or back to front when reversed", () => {
    // agreement has 5 options: i × 100 / 4.
    expect(scoreOne(q.agreement("x", S), "strongly-disagree")?.score).toBe(0);
    expect(scoreOne(q.agreement("x", S), "disagree")?.score).toBe(25);
    expect(scoreOne(q.agreement("x", S), "agree")?.score).toBe(75);
    expect(scoreOne(q.agreement("x", S, { reverse: true }), "agree")?.score).toBe(25);
    // extent has 4 options: 100 / 3 = 33.33… → 33.3, 200 / 3 = 66.66… → 66.7.
    expect(scoreOne(q.extent("x", S), "small-extent")?.score).toBe(33.3);
    expect(scoreOne(q.extent("x", S), "some-extent")?.score).toBe(66.7);
    // yes / partly / no: no 0, partly 50, yes 100.
    expect(scoreOne(q.ypn("x", S), "partly")?.score).toBe(50);
  });

  it("uses an option's written score", () => {
    expect(scoreOne(q.single("x", S, { a: 10, b: 90 }), "b")?.score).toBe(90);
  });

  it("gives a number the first step whose upTo is at least the answer, else otherwise", () => {
    // steps: ≤ 30 → 100, ≤ 60 → 50, otherwise 0.
    expect(scoreOne(q.days("x", S), 30)?.score).toBe(100);
    expect(scoreOne(q.days("x", S), 31)?.score).toBe(50);
    expect(scoreOne(q.days("x", S), 60)?.score).toBe(50);
    expect(scoreOne(q.days("x", S), 61)?.score).toBe(0);
  });

  it("sums a checklist's chosen options, caps it at 100 and counts a repeated option once", () => {
    const question = q.checklist("x", S, { a: 30, b: 45, c: 40 });
    expect(scoreOne(question, ["a", "b"])?.score).toBe(75); // 30 + 45
    expect(scoreOne(question, ["a", "b", "c"])?.score).toBe(100); // 115, capped
    expect(scoreOne(question, ["a", "a"])?.score).toBe(30);
    expect(scoreOne(question, [])?.score).toBe(0); // answered, nothing chosen
  });

  it("records non-answers and blanks without a score", () => {
    expect(scoreOne(q.agreement("x", S), "dont_know")).toMatchObject({ status: "dont-know", score: null });
    expect(scoreOne(q.agreement("x", S), "not_applicable")).toMatchObject({
      status: "not-applicable",
      score: null,
    });
    const framework = buildFramework();
    const blank = scoreAssessment(framework, {}, S).questions[0];
    expect(blank).toMatchObject({ status: "unanswered", score: null, flagged: null });
  });

  it("refuses answers the question cannot take", () => {
    expect(() => scoreOne(q.agreement("x", S), "maybe")).toThrow(ScoringError);
    expect(() => scoreOne(q.agreement("x", S), 3)).toThrow(/expects one of its options/);
    expect(() => scoreOne(q.days("x", S), "45")).toThrow(/expects a number/);
    expect(() => scoreOne(q.days("x", S), Number.NaN)).toThrow(ScoringError);
    expect(() => scoreOne(q.checklist("x", S, { a: 1, b: 2 }), ["a", "z"])).toThrow(/list of its options/);
    expect(() => scoreOne(q.checklist("x", S, { a: 1, b: 2 }), "a")).toThrow(ScoringError);
  });
});

describe("principle scores", () => {
  const framework = buildFramework({
    questions: {
      "fair-payment": [
        q.agreement("pay.a", S, { weight: 2 }),
        q.agreement("pay.b", S),
        q.agreement("pay.c", S),
        q.agreement("pay.d", S),
      ],
    },
  });
  const principle = (answers: Answers) =>
    scoreAssessment(framework, answers, S).principles.find((p) => p.key === "fair-payment");

  it("is the weighted mean of the answered scored questions", () => {
    // (75 × 2 + 0 × 1 + 100 × 1) / (2 + 1 + 1) = 250 / 4 = 62.5
    const result = principle({ "pay.a": "agree", "pay.b": "strongly-disagree", "pay.c": "strongly-agree" });
    expect(result).toMatchObject({ score: 62.5, band: "good", asked: 4, answered: 3, coverage: 75 });
  });

  it("leaves out Don't know and Not applicable instead of counting them as 0", () => {
    // (100 × 1 + 50 × 1) / 2 = 75, not (100 + 50 + 0 + 0) / 4 = 37.5
    const result = principle({
      "pay.b": "strongly-agree",
      "pay.c": "neither",
      "pay.a": "dont_know",
      "pay.d": "not_applicable",
    });
    expect(result).toMatchObject({ score: 75, answered: 2, dontKnow: 1, notApplicable: 1, coverage: 50 });
  });

  it("has insufficient evidence, and no score, below 50% coverage", () => {
    // 1 of 4 answered = 25%.
    const result = principle({ "pay.a": "agree", "pay.b": "dont_know" });
    expect(result).toMatchObject({ status: "insufficient-evidence", score: null, band: null, coverage: 25 });
  });

  it("rounds halves away from zero", () => {
    // extent small-extent 33.33…, agreement agree 75: (33.33… + 75) / 2 = 54.166… → 54.2
    const mixed = buildFramework({
      questions: { "good-faith": [q.extent("gf.a", S), q.agreement("gf.b", S)] },
    });
    const result = scoreAssessment(mixed, { "gf.a": "small-extent", "gf.b": "agree" }, S);
    expect(result.principles.find((p) => p.key === "good-faith")?.score).toBe(54.2);
  });

  it("counts only the given perspective's scored questions", () => {
    const result = scoreAssessment(
      buildFramework(),
      { "fair-payment.s1": "agree", "fair-payment.p1": "agree" },
      S,
    );
    // Default principles have 5 subcontractor questions; the prime's answer is ignored.
    expect(result.principles.find((p) => p.key === "fair-payment")).toMatchObject({ asked: 5, answered: 1 });
  });
});

describe("overall score", () => {
  // One scored question in each of two principles; the other three have none and so no score.
  const framework = buildFramework({
    weights: { "risk-sharing": 3 },
    questions: {
      "risk-sharing": [q.agreement("rs.a", S)],
      "fair-payment": [q.extent("fp.a", S)],
      "capacity-building": [q.context("cb.a", S)],
      "good-faith": [q.context("gf.a", S)],
      "data-sharing": [q.context("ds.a", S)],
    },
  });

  it("is the weighted mean of the principles that have a score", () => {
    // risk-sharing 0 (weight 3), fair-payment 66.66… (weight 1), the rest no score:
    // (0 × 3 + 66.66… × 1) / 4 = 16.66… → 16.7.
    const result = scoreAssessment(framework, { "rs.a": "strongly-disagree", "fp.a": "some-extent" }, S);
    expect(result.principles.map((p) => p.status)).toEqual([
      "scored",
      "scored",
      "insufficient-evidence",
      "insufficient-evidence",
      "insufficient-evidence",
    ]);
    expect(result.score).toBe(16.7);
    expect(result.band).toBe("concern");
  });

  it("is worked from the unrounded principle scores", () => {
    // Equal weights: (66.66… + 0) / 2 = 33.33… → 33.3; from the shown 66.7 it would be 33.35 → 33.4.
    const even = buildFramework({
      questions: { "risk-sharing": [q.agreement("rs.a", S)], "fair-payment": [q.extent("fp.a", S)] },
    });
    expect(scoreAssessment(even, { "rs.a": "strongly-disagree", "fp.a": "some-extent" }, S).score).toBe(33.3);
  });

  it("is null when no principle has a score", () => {
    expect(scoreAssessment(framework, {}, S)).toMatchObject({ score: null, band: null });
  });
});

describe("red flags", () => {
  const framework = buildFramework({
    questions: {
      "fair-payment": [
        q.days("fp.days", S),
        q.ypn("fp.fees", S, {
          redFlag: { kind: "unfair-fees", label: "Fees charged", when: { anyOf: ["no"] } },
        }),
        q.context("fp.share", S, {
          answer: { type: "number", unit: "percent", min: 0, max: 100 },
          redFlag: { kind: "risk-passed-down", label: "Under half funded", when: { below: 50 } },
        }),
      ],
    },
  });

  it("are raised by indicator thresholds and listed apart from the score", () => {
    const result = scoreAssessment(framework, { "fp.days": 45, "fp.fees": "no", "fp.share": 40 }, S);
    expect(result.redFlags.map((f) => [f.kind, f.question])).toEqual([
      ["late-payment", "fp.days"],
      ["unfair-fees", "fp.fees"],
      ["risk-passed-down", "fp.share"],
    ]);
    // The flags change nothing: 45 days scores 50 and "no" scores 0 as always; (50 + 0) / 2 = 25.
    expect(result.principles.find((p) => p.key === "fair-payment")?.score).toBe(25);
    expect(result.questions.find((r) => r.key === "fp.share")).toMatchObject({ score: null, flagged: true });
  });

  it("compare strictly and are never raised by a non-answer", () => {
    const result = scoreAssessment(framework, { "fp.days": 30, "fp.fees": "dont_know", "fp.share": 50 }, S);
    expect(result.redFlags).toEqual([]);
    expect(result.questions.find((r) => r.key === "fp.days")?.flagged).toBe(false);
    expect(result.questions.find((r) => r.key === "fp.fees")?.flagged).toBe(false);
  });

  it("are raised by any chosen option of a multiple choice", () => {
    const checklist = q.checklist(
      "fp.list",
      S,
      { a: 50, b: 50 },
      {
        redFlag: { kind: "bid-candy", label: "Named in bid, no work", when: { anyOf: ["b"] } },
      },
    );
    const withList = buildFramework({ questions: { "fair-payment": [checklist] } });
    expect(scoreAssessment(withList, { "fp.list": ["a", "b"] }, S).redFlags).toHaveLength(1);
    expect(scoreAssessment(withList, { "fp.list": ["a"] }, S).redFlags).toHaveLength(0);
  });
});

describe("scoreAssessment: numbers outside what the question allows", () => {
  // The web form refuses these; imports and backfills reach the library without it (issue 19).
  it.each([
    [-5, "from 0 to 365, got -5"],
    [366, "from 0 to 365, got 366"],
    [30.5, "expects a whole number from 0 to 365, got 30.5"],
  ])("refuses %s days to pay instead of scoring it", (days, message) => {
    expect(() => scoreAssessment(framework, { "pay.days.sub": days }, "subcontractor")).toThrow(message);
  });

  it("still scores the ends of the range", () => {
    for (const days of [0, 365]) {
      const scored = scoreAssessment(framework, { "pay.days.sub": days }, "subcontractor");
      expect(scored.questions.find((q) => q.key === "pay.days.sub")?.status).toBe("answered");
    }
  });
});
