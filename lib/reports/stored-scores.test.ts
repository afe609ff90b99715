import { describe, expect, it } from "vitest";
import { type Answers, framework } from "@/lib/framework";
import { scoreAssessment } from "@/lib/scoring";
import { OVERALL, storedScores } from "./stored-scores";

/**
 * The rows reports aggregate, checked against figures worked by hand from the scoring rules
 * (lib/scoring/README.md) and the framework's questions, not against scoring's own output.
 */

const stored = (answers: Answers) => storedScores(scoreAssessment(framework, answers, "subcontractor"));

describe("storedScores", () => {
  it("stores the overall score under 'overall', then each principle under its key, in the framework's order", () => {
    expect(OVERALL).toBe("overall");
    expect(stored({}).map((r) => r.measure)).toEqual([
      "overall",
      "risk-sharing",
      "fair-payment",
      "capacity-building",
      "good-faith",
      "data-sharing",
    ]);
  });

  it("stores null, never 0, where there is not enough evidence", () => {
    // Every question "Don't know": no principle has half its questions answered, so none has a
    // score, and an overall score needs at least one principle.
    const answers = Object.fromEntries(
      framework.principles.flatMap((p) =>
        p.questions.filter((q) => q.perspective === "subcontractor").map((q) => [q.key, "dont_know"]),
      ),
    );
    expect(Object.keys(answers).length).toBeGreaterThan(0);
    expect(stored(answers).map((r) => r.score)).toEqual([null, null, null, null, null, null]);
  });

  it("stores the figures worked by hand: weighted means, rounded once, overall from unrounded principles", () => {
    const answers: Answers = {
      // Fair payment, every question answered (weights in brackets):
      "pay.days.sub": 45, // over 30, up to 60 days: 30 (×2)
      "pay.fee.sub": 12, // over 10%, up to 15%: 65
      "pay.fee-explained.sub": "partly", // 50
      "pay.full-cost.sub": "disagree", // second of five agreement options: 25
      "pay.methods.sub": ["milestone", "results-only"], // 25 + 0
      "pay.method-choice.sub": "some-extent", // third of four extent options: 66.67
      // (30×2 + 65 + 50 + 25 + 25 + 66.67) / 7 = 291.67 / 7 = 41.67 → 41.7
      //
      // Capacity building, 3 of its 6 questions answered: half, so enough evidence.
      "capacity.proportionate.sub": "agree", // 75
      "capacity.pay-when-paid.sub": "strongly-agree", // 100
      "capacity.innovation.sub": "neither", // 50
      // (75 + 100 + 50) / 3 = 75
      //
      // Good faith, 2 of 6 answered: not enough, no score.
      "faith.speak-up.sub": "agree",
      "faith.disputes.sub": "yes",
      // Risk sharing all "Don't know", data sharing unanswered: no score.
      "risk.shielded.sub": "dont_know",
      "risk.outcome-share.sub": "dont_know",
      "risk.controllable.sub": "dont_know",
    };
    // Overall: the mean of the principles with a score, from their unrounded figures:
    // (41.667 + 75) / 2 = 58.33 → 58.3 (from the rounded 41.7 it would be 58.35 → 58.4).
    expect(stored(answers)).toEqual([
      { measure: "overall", score: 58.3 },
      { measure: "risk-sharing", score: null },
      { measure: "fair-payment", score: 41.7 },
      { measure: "capacity-building", score: 75 },
      { measure: "good-faith", score: null },
      { measure: "data-sharing", score: null },
    ]);
  });

  it("keeps a principle's 0 as 0, apart from one with no score", () => {
    // Fair payment at its worst: paid after 60 days (0), fee over 20% (0), not explained (0),
    // strongly disagree (0), paid only for results (0), not at all chosen with them (0).
    const answers: Answers = {
      "pay.days.sub": 90,
      "pay.fee.sub": 25,
      "pay.fee-explained.sub": "no",
      "pay.full-cost.sub": "strongly-disagree",
      "pay.methods.sub": ["results-only"],
      "pay.method-choice.sub": "not-at-all",
    };
    expect(stored(answers)).toEqual([
      { measure: "overall", score: 0 },
      { measure: "risk-sharing", score: null },
      { measure: "fair-payment", score: 0 },
      { measure: "capacity-building", score: null },
      { measure: "good-faith", score: null },
      { measure: "data-sharing", score: null },
    ]);
  });
});
