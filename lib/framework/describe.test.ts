import { describe, expect, it } from "vitest";
import { framework } from "./current";
import { describeAnswer, describeFlagCondition, describeScoring } from "./describe";
import { findQuestion } from "./queries";

const question = (key: string) => {
  const found = findQuestion(framework, key);
  if (!found) throw new Error(`no question ${key}`);
  return found;
};

describe("describing the method", () => {
  it("spells out a threshold rule with units, in order", () => {
    expect(describeScoring(question("pay.days.sub"))).toBe(
      "up to 10 days scores 100; up to 30 days scores 70; up to 60 days scores 30; more than that scores 0.",
    );
  });

  it("spreads a scale evenly from 0 to 100", () => {
    expect(describeScoring(question("risk.shielded.sub"))).toBe(
      "Not at all 0, To a small extent 33.3, To some extent 66.7, To a great extent 100.",
    );
  });

  it("describes a red flag's condition in the question's unit or words", () => {
    const days = question("pay.days.sub");
    expect(days.redFlag && describeFlagCondition(days, days.redFlag.when)).toBe("more than 30 days");
    const bidCandy = question("faith.bid-candy.sub");
    expect(bidCandy.redFlag && describeFlagCondition(bidCandy, bidCandy.redFlag.when)).toContain(
      "“Named in the prime's bid, but given no contract”",
    );
  });

  it("names the answers a person can give, including Don't know", () => {
    expect(describeAnswer(question("pay.days.sub").answer)).toMatch(
      /^A number from 0 days to .* days, whole numbers, or Don’t know/,
    );
  });
});
