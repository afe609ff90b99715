import { describe, expect, it } from "vitest";
import type { Answers, PrincipleKey } from "../framework";
import { compareViews, ScoringError, scoreAssessment } from "./index";
import { answerAll, buildFramework, partner, q, released } from "./test-fixtures";

const framework = buildFramework({
  questions: {
    "fair-payment": [
      q.days("fp.s.days", "subcontractor", { pairKey: "fp.days" }),
      q.days("fp.p.days", "prime", { pairKey: "fp.days" }),
      q.agreement("fp.s.agree", "subcontractor", { pairKey: "fp.agree" }),
      q.agreement("fp.p.agree", "prime", { pairKey: "fp.agree" }),
    ],
  },
});

const SCALE = ["strongly-disagree", "disagree", "neither", "agree", "strongly-agree"];
/** Answers a default principle's five questions with these scale steps (0 = strongly-disagree … 4 = strongly-agree). */
const steps = (
  byPrinciple: Partial<Record<PrincipleKey, number[]>>,
  perspective: "prime" | "subcontractor",
) =>
  answerAll(framework, perspective, (key, principle) => {
    const index = Number(key.slice(-1)) - 1;
    const step = byPrinciple[principle]?.[index];
    return step === undefined ? undefined : SCALE[step];
  });

// Self: risk-sharing (100×4 + 75) / 5 = 95; capacity-building 75; good-faith 75; data-sharing blank.
const selfAnswers: Answers = {
  ...steps(
    { "risk-sharing": [4, 4, 4, 4, 3], "capacity-building": [3, 3, 3, 3, 3], "good-faith": [3, 3, 3, 3, 3] },
    "prime",
  ),
  "fp.p.days": 20,
  "fp.p.agree": "agree",
};
const self = scoreAssessment(framework, selfAnswers, "prime");

// Partners: risk-sharing 75 each; capacity-building 95 each; good-faith 60, 55, 55.
const partnerSteps = (goodFaith: number[]) =>
  steps(
    {
      "risk-sharing": [3, 3, 3, 3, 3],
      "capacity-building": [4, 4, 4, 4, 3],
      "good-faith": goodFaith,
      "data-sharing": [2, 2, 2, 2, 2],
    },
    "subcontractor",
  );
/** Partners' ratings, released at the lowest thresholds (3 partners; 3 on each side of a flag). */
const partners = (days: number[]) =>
  released(
    framework,
    days.map((d, i) =>
      partner(framework, `r${i}`, {
        ...partnerSteps(i === 0 ? [4, 2, 2, 2, 2] : [3, 2, 2, 2, 2]),
        "fp.s.days": d,
        "fp.s.agree": "agree",
      }),
    ),
  );

describe("compareViews", () => {
  const result = compareViews(self, partners([45, 50, 10]));
  if (!result.comparable) throw new Error("expected a comparison");
  const principle = (key: string) => result.principles.find((p) => p.key === key);

  it("calls a gap of 20 or more a blind spot, and -20 or less a hidden strength", () => {
    expect(principle("risk-sharing")).toEqual({
      key: "risk-sharing",
      self: 95,
      partners: 75,
      gap: 20,
      view: "blind-spot",
    });
    expect(principle("capacity-building")).toMatchObject({
      self: 75,
      partners: 95,
      gap: -20,
      view: "hidden-strength",
    });
  });

  it("calls anything closer aligned", () => {
    // Partners (60 + 55 + 55) / 3 = 56.66… → 56.7; 75 − 56.7 = 18.3.
    expect(principle("good-faith")).toMatchObject({ self: 75, partners: 56.7, gap: 18.3, view: "aligned" });
  });

  it("does not compare a principle without a score on one side", () => {
    expect(principle("data-sharing")).toMatchObject({
      self: null,
      partners: 50,
      gap: null,
      view: "not-comparable",
    });
  });

  it("compares paired questions, and cannot tell a dispute from 3 partners", () => {
    // Prime: 20 days → 100, no flag. Partners: 45 → 50, 50 → 50, 10 → 100; mean 66.7. 2 of 3 over
    // 30 days is never released (fewer than 3 on each side), so whether the claim is disputed is unknown.
    expect(result.pairs.find((p) => p.pairKey === "fp.days")).toEqual({
      pairKey: "fp.days",
      principle: "fair-payment",
      primeQuestion: "fp.p.days",
      partnerQuestion: "fp.s.days",
      self: 100,
      partners: 66.7,
      gap: 33.3,
      view: "blind-spot",
      claimDisputed: null,
    });
    expect(result.pairs.find((p) => p.pairKey === "fp.agree")).toMatchObject({
      gap: 0,
      view: "aligned",
      claimDisputed: false,
    });
  });

  it("flags a claim most partners dispute, from a released flag count", () => {
    // 4 of 7 paid after 30 days: at least 3 on each side, so the count is released.
    const most = compareViews(self, partners([45, 50, 60, 90, 10, 20, 25]));
    expect(most.comparable && most.pairs.find((p) => p.pairKey === "fp.days")?.claimDisputed).toBe(true);
  });

  it("does not flag a claim when only half the partners dispute it", () => {
    const half = compareViews(self, partners([45, 50, 60, 10, 20, 25]));
    expect(half.comparable && half.pairs.find((p) => p.pairKey === "fp.days")?.claimDisputed).toBe(false);
  });

  it("does not flag a claim the prime did not make", () => {
    const unsure = scoreAssessment(framework, { ...selfAnswers, "fp.p.days": "dont_know" }, "prime");
    const compared = compareViews(unsure, partners([45, 50, 10]));
    expect(compared.comparable && compared.pairs.find((p) => p.pairKey === "fp.days")).toMatchObject({
      self: null,
      view: "not-comparable",
      claimDisputed: false,
    });
  });

  it("does not know whether a claim is disputed when no flag count is released", () => {
    // A release publishes the question's mean but hides its flag count (docs/decisions/0011).
    const shown = partners([45, 50, 10]);
    if (shown.suppressed) throw new Error("expected figures");
    const withoutFlags = {
      ...shown,
      questions: shown.questions.map((q) => (q.suppressed ? q : { ...q, flagged: null, flaggedShare: null })),
    };
    const compared = compareViews(self, withoutFlags);
    expect(compared.comparable && compared.pairs.find((p) => p.pairKey === "fp.days")).toMatchObject({
      partners: 66.7,
      claimDisputed: null,
    });
  });

  it("compares nothing against a suppressed aggregate", () => {
    expect(compareViews(self, partners([45, 50]))).toEqual({ comparable: false });
  });

  it("needs a prime's self-assessment on the same framework version", () => {
    const rating = scoreAssessment(framework, {}, "subcontractor");
    expect(() => compareViews(rating, partners([1, 2, 3]))).toThrow(ScoringError);
    const other = scoreAssessment(buildFramework({ version: "2.0" }), {}, "prime");
    expect(() => compareViews(other, partners([1, 2, 3]))).toThrow(/partners' ratings/);
  });
});
