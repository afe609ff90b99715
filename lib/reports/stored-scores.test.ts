import { describe, expect, it } from "vitest";
import { framework, questionsFor } from "@/lib/framework";
import { scoreAssessment } from "@/lib/scoring";
import { OVERALL, storedScores } from "./stored-scores";

describe("storedScores", () => {
  it("keeps the overall score and each principle's, null where evidence is insufficient", () => {
    const answers = Object.fromEntries(
      questionsFor(framework, "subcontractor").map((q) => [q.key, "dont_know"]),
    );
    const scored = scoreAssessment(framework, answers, "subcontractor");
    const rows = storedScores(scored);
    expect(rows.map((r) => r.measure)).toEqual([OVERALL, ...framework.principles.map((p) => p.key)]);
    expect(rows.every((r) => r.score === null)).toBe(true);
  });

  it("stores the figures scoring shows, to one decimal", () => {
    const answers = Object.fromEntries(
      questionsFor(framework, "prime").map((q) => [
        q.key,
        q.answer.type === "scale"
          ? q.answer.scale === "agreement"
            ? "agree"
            : "great-extent"
          : q.answer.type === "yes-partly-no"
            ? "partly"
            : "not_applicable",
      ]),
    );
    const scored = scoreAssessment(framework, answers, "prime");
    const rows = storedScores(scored);
    expect(rows[0]).toEqual({ measure: OVERALL, score: scored.score });
    expect(rows.slice(1).map((r) => r.score)).toEqual(scored.principles.map((p) => p.score));
    expect(rows.some((r) => r.score !== null)).toBe(true);
  });
});
