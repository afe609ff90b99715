import { describe, expect, it } from "vitest";
import { questionScores, ScoringError, scoreAssessment, type TrendCycle, trend } from "./index";
import { buildFramework, q } from "./test-fixtures";

const S = "subcontractor";
const v1 = buildFramework({
  version: "1.0",
  questions: {
    "fair-payment": [
      q.agreement("fp.a", S),
      q.agreement("fp.b", S),
      q.agreement("fp.c", S, { weight: 2 }),
      q.days("fp.old", S),
    ],
  },
});
// 1.1 reverses fp.b's scale without a new key, gives fp.c weight 3, drops fp.old and adds fp.new.
const v2 = buildFramework({
  version: "1.1",
  questions: {
    "fair-payment": [
      q.agreement("fp.a", S),
      q.agreement("fp.b", S, { reverse: true }),
      q.agreement("fp.c", S, { weight: 3 }),
      q.agreement("fp.new", S),
    ],
  },
});
const cycle = (name: string, framework = v2, questionScores: Record<string, number | null>): TrendCycle => ({
  cycle: name,
  framework,
  perspective: S,
  questionScores,
});
const first = cycle("2025-26", v1, {
  "fp.a": 50,
  "fp.b": 100,
  "fp.c": 25,
  "fp.old": 100,
  "risk-sharing.s1": 50,
});
const second = cycle("2026-27", v2, {
  "fp.a": 75,
  "fp.b": 0,
  "fp.c": 75,
  "fp.new": 100,
  "risk-sharing.s1": 100,
});

describe("trend", () => {
  const [step] = trend([first, second]);

  it("compares only questions unchanged in both versions and scored in both cycles", () => {
    expect(step?.compared).toEqual(["risk-sharing.s1", "fp.a", "fp.c"]);
    expect(step?.leftOut.filter((l) => l.key.startsWith("fp."))).toEqual([
      { key: "fp.b", reason: "changed" },
      { key: "fp.new", reason: "not-in-both" },
      { key: "fp.old", reason: "not-in-both" },
    ]);
    expect(step?.leftOut).toContainEqual({ key: "risk-sharing.s2", reason: "no-score" });
  });

  it("works each principle from the compared questions alone, with the later weights", () => {
    // fp.a weight 1, fp.c weight 3: from (50 + 25 × 3) / 4 = 31.25 → 31.3; to (75 + 75 × 3) / 4 = 75.
    expect(step?.principles.find((p) => p.key === "fair-payment")).toEqual({
      key: "fair-payment",
      questions: 2,
      from: 31.3,
      to: 75,
      change: 43.7,
    });
    expect(step?.principles.find((p) => p.key === "good-faith")).toMatchObject({
      questions: 0,
      change: null,
    });
  });

  it("works overall from the principles with compared questions", () => {
    // from (31.25 + 50) / 2 = 40.625 → 40.6; to (75 + 100) / 2 = 87.5; 87.5 − 40.6 = 46.9.
    expect(step?.overall).toEqual({ from: 40.6, to: 87.5, change: 46.9 });
    expect(step).toMatchObject({ from: "2025-26", to: "2026-27" });
  });

  it("gives one step per pair of consecutive cycles and refuses a repeated cycle", () => {
    const third = cycle("2027-28", v2, { "fp.a": 25 });
    const steps = trend([first, second, third]);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      ["2025-26", "2026-27"],
      ["2026-27", "2027-28"],
    ]);
    // fp.a 75 → 25 is the only question scored in both.
    expect(steps[1]?.overall).toEqual({ from: 75, to: 25, change: -50 });
    expect(trend([first])).toEqual([]);
    expect(() => trend([first, first])).toThrow(ScoringError);
  });
});

describe("questionScores", () => {
  it("reads question scores from a scored assessment", () => {
    const scored = scoreAssessment(v2, { "fp.a": "agree", "fp.b": "dont_know" }, S);
    expect(questionScores(scored)).toMatchObject({ "fp.a": 75, "fp.b": null });
  });
});
