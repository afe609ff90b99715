import { describe, expect, it } from "vitest";
import { findQuestion, framework } from "@/lib/framework";
import { compareViews, scoreAssessment } from "@/lib/scoring";
import { partner, released } from "@/lib/scoring/test-fixtures";
import { answersAt, principleAnswers } from "@/tests/support/answers";
import { groupByPrinciple, questionGaps } from "./gaps";
import { principleTitle } from "./labels";

// A prime that claims the best everywhere, rated worst everywhere by two partners and best on risk
// sharing by two more: blind spots of two sizes (about 100 points, and about 50 on risk sharing).
const self = scoreAssessment(framework, answersAt("prime", "best"), "prime");
const best = answersAt("subcontractor", "best");
const riskBest = principleAnswers("risk-sharing", "subcontractor", best);
const worst = answersAt("subcontractor", "worst");
const partners = released(framework, [
  partner(framework, "a", worst),
  partner(framework, "b", worst),
  partner(framework, "c", { ...worst, ...riskBest }),
  partner(framework, "d", { ...worst, ...riskBest }),
]);
const comparison = compareViews(self, partners);

describe("a prime's blind spots", () => {
  const gaps = questionGaps(comparison, partners, "blind-spot");

  it("are listed biggest gap first", () => {
    expect(gaps.length).toBeGreaterThan(3);
    const sizes = gaps.map((g) => g.gap);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(gaps.every((g) => g.gap >= 20)).toBe(true);
    expect(gaps.at(-1)?.principle).toBe("risk-sharing");
    expect(gaps[0]?.gap).toBeGreaterThan(gaps.at(-1)?.gap ?? 100);
  });

  it("are worded as the prime was asked, never in the partners' words", () => {
    for (const gap of gaps) {
      const pair = comparison.comparable
        ? comparison.pairs.find((p) => p.pairKey === gap.pairKey)
        : undefined;
      expect(gap.question).toBe(findQuestion(framework, pair?.primeQuestion ?? "")?.text);
      expect(gap.question).not.toBe(findQuestion(framework, pair?.partnerQuestion ?? "")?.text);
    }
  });

  it("carry the partners' figure with the count it rests on", () => {
    for (const gap of gaps) {
      expect(gap.self - gap.partners).toBeCloseTo(gap.gap, 1);
      expect(gap.answers).toBe(4);
    }
  });

  it("group by principle, the group holding the biggest gap first, each group biggest first", () => {
    const groups = groupByPrinciple(gaps, principleTitle);
    expect(groups.map((g) => g.gaps.length).reduce((a, b) => a + b, 0)).toBe(gaps.length);
    expect(new Set(groups.map((g) => g.principle)).size).toBe(groups.length);
    expect(groups[0]?.gaps[0]).toEqual(gaps[0]);
    for (const group of groups) {
      expect(group.gaps.every((g) => g.principle === group.principle)).toBe(true);
      const sizes = group.gaps.map((g) => g.gap);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
    const firsts = groups.map((g) => g.gaps[0]?.gap ?? 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => b - a));
    expect(groups.at(-1)?.principle).toBe("risk-sharing");
  });

  it("are none when the partners' figures are withheld", () => {
    expect(questionGaps(comparison, { suppressed: true }, "blind-spot")).toEqual([]);
    expect(questionGaps(null, partners, "blind-spot")).toEqual([]);
  });
});
