import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "@/lib/scoring/release";
import {
  appliedThresholds,
  whoReadsNotes,
  whoSeesRatings,
  whoSeesYourAnswers,
  whoSeesYourAnswersText,
} from "./who-sees";

const programme = {
  prime: "Acme Prime",
  commissioner: "Northmoor Council",
  scoreThreshold: 5,
  categoryThreshold: 5,
  closesAt: new Date("2027-03-31T12:00:00Z"),
};

describe("who sees a partner's answers", () => {
  it("names the prime, the commissioner, the thresholds and the close date", () => {
    const text = whoSeesYourAnswersText(programme).join("\n");
    expect(text).toContain("Acme Prime will never see your answers");
    expect(text).toContain("at least 5 partner organisations");
    expect(text).toContain("its contracts with Northmoor Council");
    expect(text).toContain("controls 4 of the 5 organisations");
    expect(text).toContain("until the round closes on 31 March 2027");
    expect(text).toContain("at least 5 partners raise it and at least 5 do not");
  });

  it("says no 3 anywhere when the thresholds are 5", () => {
    const text = [...whoSeesYourAnswersText(programme), whoReadsNotes(programme)].join("\n");
    expect(text).not.toMatch(/\b3\b/);
  });

  it("follows the programme's own thresholds", () => {
    const text = whoSeesYourAnswersText({ ...programme, scoreThreshold: 7, categoryThreshold: 6 }).join("\n");
    expect(text).toContain("at least 7 partner organisations");
    expect(text).toContain("controls 6 of the 7 organisations");
    expect(text).toContain("at least 6 partners raise it");
    expect(text).not.toContain(" 5 ");
    expect(whoReadsNotes({ prime: "Acme Prime", scoreThreshold: 7 })).toContain("at least 7 partner");
  });

  it("has no date when no round is open", () => {
    const last = whoSeesYourAnswers({ ...programme, closesAt: null }).at(-1);
    expect(last?.text).toBe(
      "You can correct your answers until the round closes. After that, a change of view goes into the next round.",
    );
  });

  it("keeps the leads apart for pages and in front for emails", () => {
    const leads = whoSeesYourAnswers(programme).filter((p) => p.lead);
    expect(leads.map((p) => p.lead)).toEqual([
      "What this protects you from.",
      "What it cannot protect you from.",
    ]);
    expect(whoSeesYourAnswersText(programme)).toContainEqual(
      expect.stringMatching(/^What this protects you from\. /),
    );
  });

  it("never applies a threshold below the floor", () => {
    expect(appliedThresholds({ scoreThreshold: 3, categoryThreshold: 3 }, 4)).toEqual({
      score: 4,
      category: 4,
    });
    expect(appliedThresholds({ scoreThreshold: 6, categoryThreshold: 5 }, 3)).toEqual({
      score: 6,
      category: 5,
    });
  });

  it("gives the privacy notice the default threshold", () => {
    expect(whoSeesRatings(DEFAULT_THRESHOLDS)).toContain(
      `(${DEFAULT_THRESHOLDS.score} unless the commissioner`,
    );
    expect(whoSeesRatings(DEFAULT_THRESHOLDS)).not.toContain("once at least");
  });
});
