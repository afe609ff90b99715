import { describe, expect, it } from "vitest";
import { nonEmpty } from "@/tests/support/non-empty";
import { displayOptions } from "./answer-order";
import { findQuestion, frameworkV2, type Question, framework as version1 } from "./index";

function question(framework: typeof version1, key: string): Question {
  const q = findQuestion(framework, key);
  if (!q) throw new Error(key);
  return q;
}
const labels = (q: Question, order: "as-shipped" | "best-first") =>
  displayOptions(q, order).map((o) => o.label);

/** What each shown option scores, in the order shown. */
function shownScores(q: Question): number[] {
  const rule = q.scoring;
  const shown = displayOptions(q, frameworkV2.answerOrder);
  if (rule?.rule === "options" || rule?.rule === "checklist")
    return shown.map((o) => rule.scores[o.value] ?? 0);
  if (rule?.rule === "scale") {
    const listed = displayOptions(q, "as-shipped");
    const base = q.answer.type === "yes-partly-no" ? [...listed].reverse() : listed;
    return shown.map((o) => base.findIndex((b) => b.value === o.value) * (rule.reverse ? -1 : 1));
  }
  return [];
}

describe("one answer order (docs/decisions/0020)", () => {
  it("version 2 shows every scored question's answers best first", () => {
    expect(frameworkV2.answerOrder).toBe("best-first");
    const withOptions = nonEmpty(
      frameworkV2.principles
        .flatMap((p) => p.questions)
        .filter((q) => q.scoring && q.answer.type !== "number"),
    );
    for (const q of withOptions) {
      const scores = shownScores(q);
      expect(scores.length, q.key).toBeGreaterThan(1);
      expect(scores, q.key).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it("version 2 runs agreement, extent and yes/partly/no the same way: positive first", () => {
    expect(labels(question(frameworkV2, "risk.creaming.sub"), "best-first")[0]).toBe("Strongly agree");
    expect(labels(question(frameworkV2, "risk.shielded.sub"), "best-first")[0]).toBe("To a great extent");
    expect(labels(question(frameworkV2, "faith.consent.prime"), "best-first")).toEqual([
      "Yes",
      "Partly",
      "No",
    ]);
    expect(labels(question(frameworkV2, "risk.viability.sub"), "best-first")[0]).toBe(
      "Viable for the whole contract",
    );
  });

  it("version 1 keeps the order it was answered in", () => {
    expect(version1.answerOrder).toBe("as-shipped");
    expect(labels(question(version1, "risk.shielded.sub"), version1.answerOrder)[0]).toBe("Not at all");
    expect(labels(question(version1, "pay.fee-explained.sub"), version1.answerOrder)).toEqual([
      "Yes",
      "Partly",
      "No",
    ]);
    expect(labels(question(version1, "risk.viability.sub"), version1.answerOrder)[0]).toBe(
      "At risk of failing within 6 months",
    );
  });
});
