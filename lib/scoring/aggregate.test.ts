import { describe, expect, it } from "vitest";
import type { PrincipleKey } from "../framework";
import { type AggregateSummary, aggregateRatings, ScoringError, scoreAssessment } from "./index";
import { answerAll, buildFramework, partner, q } from "./test-fixtures";

// Default fixture: five agreement questions per principle, so answering them all alike gives the
// principle that option's score: strongly-disagree 0, disagree 25, neither 50, agree 75, strongly-agree 100.
const framework = buildFramework();
const rate = (
  id: string,
  fairPayment: string | undefined,
  others: Partial<Record<PrincipleKey, string | undefined>> = {},
) =>
  partner(
    framework,
    id,
    answerAll(framework, "subcontractor", (_, principle) =>
      principle === "fair-payment" ? fairPayment : principle in others ? others[principle] : "neither",
    ),
  );

function shown(result: ReturnType<typeof aggregateRatings>): AggregateSummary {
  if (result.suppressed) throw new Error("expected a shown aggregate");
  return result;
}

describe("aggregateRatings", () => {
  it("gives n, mean, median and distribution per principle and overall", () => {
    const result = shown(
      aggregateRatings([
        rate("a", "strongly-agree"),
        rate("b", "agree"),
        rate("c", "disagree"),
        rate("d", "disagree"),
      ]),
    );
    const fairPayment = result.principles.find((p) => p.key === "fair-payment");
    // Scores 100, 75, 25, 25: mean 225 / 4 = 56.25 → 56.3; median (25 + 75) / 2 = 50.
    expect(fairPayment).toEqual({
      key: "fair-payment",
      suppressed: false,
      n: 4,
      mean: 56.3,
      median: 50,
      band: "developing",
      distribution: { strong: 1, good: 1, developing: 0, concern: 2 },
    });
    // Overall per partner: (100 + 4 × 50) / 5 = 60, 55, 45, 45 → mean 205 / 4 = 51.25 → 51.3; median 50.
    expect(result.overall).toMatchObject({ n: 4, mean: 51.3, median: 50 });
    expect(result).toMatchObject({ ratings: 4, respondents: 4, minResponses: 3 });
  });

  it("takes the middle score as the median of an odd count", () => {
    const result = shown(
      aggregateRatings([rate("a", "agree"), rate("b", "strongly-agree"), rate("c", "disagree")]),
    );
    expect(result.principles.find((p) => p.key === "fair-payment")).toMatchObject({
      n: 3,
      median: 75,
      mean: 66.7,
    });
  });

  it("suppresses a principle fewer than k partners could score, with no numbers", () => {
    // c and d leave data-sharing blank: insufficient evidence, so only a and b count there.
    const blank = { "data-sharing": undefined };
    const result = shown(
      aggregateRatings([
        rate("a", "agree"),
        rate("b", "agree"),
        rate("c", "agree", blank),
        rate("d", "agree", blank),
      ]),
    );
    expect(result.principles.find((p) => p.key === "data-sharing")).toEqual({
      key: "data-sharing",
      suppressed: true,
    });
    expect(result.principles.find((p) => p.key === "fair-payment")).toMatchObject({ n: 4 });
  });

  it("suppresses the whole aggregate below k partners, counting partners rather than ratings", () => {
    expect(aggregateRatings([rate("a", "agree"), rate("b", "agree")])).toEqual({ suppressed: true });
    expect(aggregateRatings([])).toEqual({ suppressed: true });
    // Three ratings from two organisations (one rated the prime on two contracts).
    const twice = { ...rate("c", "agree"), respondent: "a" };
    expect(aggregateRatings([rate("a", "agree"), rate("b", "agree"), twice])).toEqual({ suppressed: true });
  });

  it("uses k = minResponses, never below 3 nor below the framework's own threshold", () => {
    const three = [rate("a", "agree"), rate("b", "agree"), rate("c", "agree")];
    expect(aggregateRatings(three, { minResponses: 4 })).toEqual({ suppressed: true });
    expect(() => aggregateRatings(three, { minResponses: 2 })).toThrow(RangeError);
    expect(() => aggregateRatings(three, { minResponses: 3.5 })).toThrow(RangeError);
    const strict = buildFramework({ minResponses: 4 });
    const strictRatings = ["a", "b", "c"].map((id) => partner(strict, id, {}));
    expect(aggregateRatings(strictRatings, { minResponses: 3 })).toEqual({ suppressed: true });
  });

  it("summarises each question: n, mean score and the share raising its red flag", () => {
    const withDays = buildFramework({ questions: { "fair-payment": [q.days("fp.days", "subcontractor")] } });
    const days = (id: string, value: number | string) => partner(withDays, id, { "fp.days": value });
    const result = shown(
      aggregateRatings([days("a", 10), days("b", 45), days("c", 70), days("d", "dont_know")]),
    );
    // Answered: 10 → 100, 45 → 50 (flagged), 70 → 0 (flagged); mean 150 / 3 = 50; 2 of 3 = 66.7%.
    expect(result.questions.find((r) => r.key === "fp.days")).toEqual({
      key: "fp.days",
      pairKey: null,
      principle: "fair-payment",
      suppressed: false,
      n: 3,
      mean: 50,
      flagged: 2,
      flaggedShare: 66.7,
    });
    // Only two partners answered a default question here: suppressed.
    expect(result.questions.find((r) => r.key === "risk-sharing.s1")).toMatchObject({ suppressed: true });
  });

  it("refuses repeated ratings, mixed versions and self-assessments", () => {
    expect(() => aggregateRatings([rate("a", "agree"), rate("a", "agree")])).toThrow(/listed twice/);
    const other = buildFramework({ version: "1.1" });
    expect(() => aggregateRatings([rate("a", "agree"), partner(other, "b", {})])).toThrow(ScoringError);
    const self = { id: "p", respondent: "p", assessment: scoreAssessment(framework, {}, "prime") };
    expect(() => aggregateRatings([rate("a", "agree"), self])).toThrow(/not a partner's rating/);
  });
});
