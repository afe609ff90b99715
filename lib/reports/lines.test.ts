import { describe, expect, it } from "vitest";
import { framework } from "@/lib/framework";
import { frameworkV2 } from "@/lib/framework/versions";
import { benchmark, MEASURE_KEYS } from "@/lib/scoring";
import { partner, released } from "@/lib/scoring/test-fixtures";
import { answersAt } from "@/tests/support/answers";
import { shownValue } from "./format";
import { partnerFlagQuestionsOf } from "./labels";
import { flagLines, shownScores } from "./lines";

const rankOf = (scores: Record<string, number>) =>
  Object.fromEntries(
    (
      benchmark(Object.entries(scores).map(([id, overall]) => ({ id, scores: { overall } }))).find(
        (m) => m.key === "overall",
      )?.ranked ?? []
    ).map((r) => [r.id, r.rank]),
  );

describe("ranks compare figures as they are shown", () => {
  it("gives two primes both shown as 66 the same rank", () => {
    expect(rankOf({ a: shownValue(66.3, 5), b: shownValue(65.8, 5) })).toEqual({ a: 1, b: 1 });
  });

  it("separates them where the count supports a decimal", () => {
    expect(rankOf({ a: shownValue(66.3, 12), b: shownValue(65.8, 12) })).toEqual({ a: 1, b: 2 });
  });

  it("ranks a released aggregate resting on few ratings on whole numbers", () => {
    const mixed = answersAt("subcontractor", "worst", {});
    const ratings = ["a", "b", "c"].map((id, i) =>
      partner(framework, id, i === 0 ? mixed : answersAt("subcontractor", "best")),
    );
    const scores = shownScores(released(framework, ratings));
    const shown = MEASURE_KEYS.flatMap((key) => (typeof scores[key] === "number" ? [scores[key]] : []));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every(Number.isInteger)).toBe(true);
    expect(shownScores({ suppressed: true })).toEqual({});
  });
});

describe("red flag lines", () => {
  const keys = (version: typeof framework) => partnerFlagQuestionsOf(version).map((q) => q.key);

  it("list the flags of the version the figures were released in", () => {
    const ratings = ["a", "b", "c", "d", "e", "f"].map((id, i) =>
      // A fee of 25% is above the stated level of 20%; 10% is not.
      partner(
        frameworkV2,
        id,
        answersAt("subcontractor", i < 3 ? "worst" : "best", { "pay.fee.sub": i < 3 ? 25 : 10 }, frameworkV2),
      ),
    );
    const lines = flagLines(released(frameworkV2, ratings));
    expect(keys(frameworkV2)).not.toEqual(keys(framework));
    expect(lines.map((l) => l.questionKey)).toEqual(keys(frameworkV2));
    expect(lines.some((l) => l.partners?.flagged === 3)).toBe(true);
    // Its fee question has no score, only a flag above a stated level: the flag is released all the same.
    expect(lines.find((l) => l.questionKey === "pay.fee.sub")?.partners).toEqual({
      flagged: 3,
      n: 6,
      share: 50,
    });
  });

  it("go by the cycle's version when nothing was released", () => {
    expect(flagLines({ suppressed: true }, frameworkV2).map((l) => l.questionKey)).toEqual(keys(frameworkV2));
    expect(flagLines({ suppressed: true }).map((l) => l.questionKey)).toEqual(keys(framework));
  });
});
