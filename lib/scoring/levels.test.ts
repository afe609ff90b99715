import { describe, expect, it } from "vitest";
import { LEVEL_RULE, type LevelInput, type PrincipleEvidence, workLevel } from "./levels";

/** Five principles, all verified at 80 with partners at 75 and no flags, then changed per example. */
function prime(
  changes: Record<string, Partial<PrincipleEvidence>> = {},
  partnersReleased = true,
): LevelInput {
  const keys = ["risk-sharing", "fair-payment", "capacity-building", "good-faith", "data-sharing"];
  return {
    partnersReleased,
    principles: keys.map((key) => ({
      key,
      title: key,
      verified: true,
      ownScore: 80,
      partnersMean: 75,
      unresolvedFlags: 0,
      ...changes[key],
    })),
  };
}

describe("the level rule", () => {
  it("meets the code when every principle is verified at the minimum or more, partners agree, and no flag is open", () => {
    const outcome = workLevel(prime());
    expect(outcome.level).toBe("MEETS");
    expect(outcome.reasons).toEqual([]);
    // A principle stands at the lower of the verified claim and partners' mean.
    expect(outcome.principles[0]?.standing).toBe(75);
  });

  it("stands a principle on its partners' mean when that is lower than the claim", () => {
    const outcome = workLevel(prime({ "fair-payment": { ownScore: 90, partnersMean: 55 } }));
    expect(outcome.level).toBe("MEETS_WITH_CONDITIONS");
    expect(outcome.reasons).toEqual([`fair-payment stands at 55.0, below ${LEVEL_RULE.meets}.`]);
  });

  it("exactly the minimum meets it; just under does not", () => {
    expect(workLevel(prime({ "good-faith": { ownScore: 60, partnersMean: 60 } })).level).toBe("MEETS");
    expect(workLevel(prime({ "good-faith": { ownScore: 59.9 } })).level).toBe("MEETS_WITH_CONDITIONS");
    expect(workLevel(prime({ "good-faith": { partnersMean: 40 } })).level).toBe("MEETS_WITH_CONDITIONS");
    expect(workLevel(prime({ "good-faith": { partnersMean: 39.9 } })).level).toBe("NOT_YET");
  });

  it("does not yet meet the code while any principle is unverified, however high the scores", () => {
    const outcome = workLevel(
      prime({ "data-sharing": { verified: false }, "risk-sharing": { verified: false, ownScore: 100 } }),
    );
    expect(outcome.level).toBe("NOT_YET");
    expect(outcome.reasons).toEqual([
      "risk-sharing has not been verified.",
      "data-sharing has not been verified.",
    ]);
    expect(outcome.principles[0]?.standing).toBeNull();
  });

  it("names each unresolved red flag and the missing release as conditions", () => {
    const outcome = workLevel(
      prime({ "fair-payment": { unresolvedFlags: 2 }, "good-faith": { unresolvedFlags: 1 } }, false),
    );
    expect(outcome.level).toBe("MEETS_WITH_CONDITIONS");
    expect(outcome.reasons).toEqual([
      "Partners' figures for this cycle have not been released.",
      "fair-payment has 2 unresolved red flags.",
      "good-faith has 1 unresolved red flag.",
    ]);
  });

  it("uses the verified own score alone where partners' mean is not released", () => {
    const outcome = workLevel(prime({ "capacity-building": { ownScore: 65, partnersMean: null } }));
    expect(outcome.level).toBe("MEETS");
    expect(outcome.principles[2]?.standing).toBe(65);
  });

  it("never meets the code with no score of its own on a principle, or no principles at all", () => {
    expect(workLevel(prime({ "risk-sharing": { ownScore: null } })).level).toBe("NOT_YET");
    expect(workLevel({ principles: [], partnersReleased: true }).level).toBe("NOT_YET");
  });
});
