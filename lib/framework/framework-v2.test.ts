import { describe, expect, it } from "vitest";
import { scoreAssessment } from "@/lib/scoring";
import { nonEmpty } from "@/tests/support/non-empty";
import { estimatedMinutes } from "./duration";
import {
  FRAMEWORK_VERSIONS,
  findQuestion,
  frameworkFor,
  frameworkV2,
  pairedQuestions,
  questionsFor,
  framework as version1,
} from "./index";

const v2Questions = frameworkV2.principles.flatMap((p) => p.questions);

/** Questions version 2 asks for context only: every other question must declare a scoring rule. */
const CONTEXT_ONLY = [
  "pay.31-60.sub",
  "pay.31-60.prime",
  "pay.fee.sub",
  "pay.fee.prime",
  "risk.head-contract-share.prime",
  "capacity.small-partners.prime",
];

describe("framework version 2", () => {
  it("loads beside version 1, which keeps its version and questions", () => {
    expect(FRAMEWORK_VERSIONS.map((f) => f.version)).toEqual(["1.0", "2.0"]);
    expect(frameworkFor(frameworkV2.id, "2.0")).toBe(frameworkV2);
    expect(frameworkFor(version1.id, "1.0")).toBe(version1);
    expect(version1.answerOrder).toBe("as-shipped");
    expect(findQuestion(version1, "pay.days.sub")?.scoring?.rule).toBe("thresholds");
    expect(findQuestion(version1, "pay.methods.sub")?.scoring?.rule).toBe("checklist");
    expect(() => frameworkFor(frameworkV2.id, "9.9")).toThrow(/not available/);
  });

  it("declares a scoring rule for every question except the listed context questions", () => {
    const unscored = v2Questions.filter((q) => !q.scoring).map((q) => q.key);
    expect(unscored.sort()).toEqual([...CONTEXT_ONLY].sort());
    for (const q of nonEmpty(v2Questions.filter((q) => q.scoring))) expect(q.scoring?.rule).toBeTruthy();
  });

  it.each([
    ["exit and handover", "faith.exit"],
    ["TUPE and who carries its cost", "risk.tupe"],
    ["creaming and parking", "risk.creaming"],
    ["named in a bid without consent", "faith.consent"],
    ["equality and diversity of the supply chain", "capacity.diversity"],
    ["contract length and stability", "capacity.length"],
    ["payment within 30 days", "pay.within-30"],
    ["payment in 31 to 60 days", "pay.31-60"],
    ["payment after 60 days", "pay.over-60"],
    ["payment not within terms", "pay.not-in-terms"],
    ["how the fee was set", "pay.fee-terms"],
    ["the payment method fits", "pay.method-fit"],
  ])("asks both sides about %s, with help saying why", (_, pairKey) => {
    const pair = pairedQuestions(frameworkV2).find((p) => p.pairKey === pairKey);
    expect(pair, pairKey).toBeDefined();
    for (const q of [pair?.subcontractor, pair?.prime]) expect(q?.help.length).toBeGreaterThan(60);
    expect(findQuestion(version1, `${pairKey}.sub`)).toBeUndefined();
  });

  it("cites a public source for every payment flag, and offers Don't know on every payment share", () => {
    const payment = nonEmpty(
      v2Questions.filter((q) => /^pay\.(within-30|31-60|over-60|not-in-terms)\./.test(q.key)),
    );
    expect(payment).toHaveLength(8);
    for (const q of payment) {
      expect(q.answer).toMatchObject({ type: "number", unit: "percent", allowDontKnow: true });
      if (q.redFlag) {
        expect(q.redFlag.kind).toBe("late-payment");
        for (const source of nonEmpty(q.redFlag.basis ?? [])) expect(source.url).toMatch(/^https:\/\//);
      }
    }
    expect(findQuestion(frameworkV2, "pay.within-30.sub")?.redFlag?.when).toEqual({ below: 95 });
    expect(findQuestion(frameworkV2, "pay.over-60.sub")?.redFlag?.when).toEqual({ above: 5 });
  });

  it("keeps a partner's questionnaire to 15–20 minutes", () => {
    const minutes = estimatedMinutes(frameworkV2, "subcontractor");
    expect(minutes).toBeGreaterThanOrEqual(15);
    expect(minutes).toBeLessThanOrEqual(20);
    expect(questionsFor(frameworkV2, "subcontractor")).toHaveLength(38);
  });
});

describe("version 2's fee and payment-method rules, on the examples in their help text", () => {
  const score = (key: string, value: string) => {
    const q = findQuestion(frameworkV2, key);
    if (!q) throw new Error(key);
    const result = scoreAssessment(frameworkV2, { [key]: value }, q.perspective);
    const scored = result.questions.find((x) => x.key === key);
    return { score: scored?.score, flagged: result.redFlags.some((f) => f.question === key) };
  };

  it("scores a 15% fee that is explained and agreed 100, and an unexplained 5% fee 0 and flagged", () => {
    expect(findQuestion(frameworkV2, "pay.fee-terms.sub")?.help).toMatch(
      /15% fee .* scores 100; a 5% fee .* scores 0/,
    );
    expect(score("pay.fee-terms.sub", "fair")).toEqual({ score: 100, flagged: false });
    expect(score("pay.fee-terms.sub", "not-explained")).toEqual({ score: 0, flagged: true });
    expect(score("pay.fee-terms.sub", "not-agreed").flagged).toBe(true);
  });

  it("no longer scores the fee's size, but still flags a fee over 20%", () => {
    const result = scoreAssessment(frameworkV2, { "pay.fee.sub": 25 }, "subcontractor");
    expect(result.questions.find((q) => q.key === "pay.fee.sub")?.score ?? null).toBeNull();
    expect(result.redFlags.map((f) => f.question)).toContain("pay.fee.sub");
    const modest = scoreAssessment(frameworkV2, { "pay.fee.sub": 15 }, "subcontractor");
    expect(modest.redFlags.map((f) => f.question)).not.toContain("pay.fee.sub");
  });

  it("scores a fixed monthly sum in advance chosen with the prime 100, and a method that does not suit 0", () => {
    expect(findQuestion(frameworkV2, "pay.method-fit.sub")?.help).toMatch(
      /fixed monthly sum in advance.*scores 100/,
    );
    expect(score("pay.method-fit.sub", "chosen-together").score).toBe(100);
    expect(score("pay.method-fit.sub", "does-not-suit").score).toBe(0);
    // Version 1 scored the same single arrangement 25.
    const v1 = scoreAssessment(version1, { "pay.methods.sub": ["in-advance"] }, "subcontractor");
    expect(v1.questions.find((q) => q.key === "pay.methods.sub")?.score).toBe(25);
  });
});
