import { describe, expect, it } from "vitest";
import { framework, questionsFor } from "@/lib/framework";
import { aggregateOfRelease, type ReleasedScopeFigures } from "./released";

const [first, second] = questionsFor(framework, "subcontractor").filter((q) => q.redFlag !== undefined);
if (!first || !second) throw new Error("the framework has flagged questions");
const principle = framework.principles[0]?.key ?? "";

const scope: ReleasedScopeFigures = {
  partners: 6,
  ratings: 7,
  figures: [
    { kind: "question", key: first.key, ratings: 6, mean: 41.7 },
    { kind: "flag", key: first.key, ratings: 6, raised: 3 },
    { kind: "flag", key: second.key, ratings: 5, raised: 1 },
    {
      kind: "spread",
      key: "overall",
      ratings: 7,
      median: 52.5,
      bands: { strong: 1, good: 2, developing: 3, concern: 1 },
    },
  ],
  derived: [
    { measure: "overall", mean: 48.2 },
    { measure: principle, mean: 61.4 },
  ],
};

describe("aggregateOfRelease", () => {
  it("shows nothing without a released scope", () => {
    expect(aggregateOfRelease(framework, undefined)).toEqual({ suppressed: true });
  });

  it("shows exactly the released figures, and everything else as suppressed", () => {
    const shown = aggregateOfRelease(framework, scope);
    if (shown.suppressed) throw new Error("expected figures");
    expect([shown.ratings, shown.respondents]).toEqual([7, 6]);
    expect(shown.overall).toEqual({
      key: "overall",
      suppressed: false,
      n: 7,
      mean: 48.2,
      median: 52.5,
      band: "developing",
      distribution: { strong: 1, good: 2, developing: 3, concern: 1 },
    });
    // A derived mean without a released spread: no median, count or bands.
    expect(shown.principles.find((p) => p.key === principle)).toEqual({
      key: principle,
      suppressed: false,
      n: null,
      mean: 61.4,
      median: null,
      band: "good",
      distribution: null,
    });
    expect(shown.principles.filter((p) => !p.suppressed)).toHaveLength(1);
    expect(shown.questions.find((q) => q.key === first.key)).toMatchObject({
      suppressed: false,
      n: 6,
      mean: 41.7,
      flagged: 3,
      flaggedShare: 50,
    });
    // A flag count released without the question's mean.
    expect(shown.questions.find((q) => q.key === second.key)).toMatchObject({
      suppressed: false,
      n: 5,
      mean: null,
      flagged: 1,
      flaggedShare: 20,
    });
    expect(shown.questions.filter((q) => !q.suppressed)).toHaveLength(2);
  });
});
