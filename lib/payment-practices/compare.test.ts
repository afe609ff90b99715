import { describe, expect, it } from "vitest";
import {
  FrameworkError,
  frameworkV2,
  ncvoSercoFrameworkV2,
  parseFramework,
  framework as version1,
} from "@/lib/framework";
import type { ReleasedFigure } from "@/lib/services/releases";
import { comparePaymentRecord } from "./compare";

const STATUTORY = {
  averageDaysToPay: 41,
  paidWithin30Days: 71,
  paidIn31To60Days: 14,
  paidAfter60Days: 15,
  notPaidWithinTerms: 32,
};

const mean = (key: string, value: number, ratings = 5): ReleasedFigure => ({
  kind: "question",
  key,
  mean: value,
  audience: "not-prime",
  ratings,
  partners: ratings,
});

describe("a prime's payment record, version 2", () => {
  it("sets the statutory shares, the prime's answers and partners' released scores side by side, and flags each pair further apart than the stated margin", () => {
    const rows = comparePaymentRecord({
      framework: frameworkV2,
      statutory: STATUTORY,
      claims: new Map([
        ["pay.within-30.prime", 96],
        ["pay.31-60.prime", 4],
        ["pay.over-60.prime", 0],
        ["pay.not-in-terms.prime", 2],
      ]),
      scopes: [{ level: "contract", partners: 5, figures: [mean("pay.within-30.sub", 30)] }],
    });
    expect(rows.map((r) => r.pairKey)).toEqual([
      "pay.within-30",
      "pay.31-60",
      "pay.over-60",
      "pay.not-in-terms",
    ]);
    const [within30, mid, over60] = rows;
    // 71% scores 0 by the question's own rule (under 80%), 96% scores 100 (the Fair Payment Code's 95%).
    expect(within30).toMatchObject({
      unit: "percent",
      statutory: 71,
      claimed: 96,
      statutoryScore: 0,
      claimedScore: 100,
      partners: { level: "contract", meanScore: 30, ratings: 5 },
      disagreements: [
        { between: "statutory-claimed", by: 25 },
        { between: "partners-claimed", by: 70 },
        { between: "partners-statutory", by: 30 },
      ],
    });
    // Not scored: no partners' figure can be released for it, but the law's figure and the claim compare.
    expect(mid).toMatchObject({ scored: false, partners: null, statutoryScore: null });
    // 14% and 4% are 10 points apart: the margin itself, not more.
    expect(mid?.disagreements).toEqual([]);
    expect(over60?.disagreements).toEqual([{ between: "statutory-claimed", by: 15 }]);
  });

  it("does not flag figures within the margin, and reads partners' figure from the narrowest scope that has it", () => {
    const [within30] = comparePaymentRecord({
      framework: frameworkV2,
      statutory: { ...STATUTORY, paidWithin30Days: 90 },
      claims: new Map([["pay.within-30.prime", 96]]),
      scopes: [
        { level: "commissioner", partners: 9, figures: [mean("pay.within-30.sub", 80, 9)] },
        { level: "national", partners: 30, figures: [mean("pay.within-30.sub", 10, 30)] },
      ],
    });
    // 90% and 96% are 6 points apart; they score 60 and 100, and partners' 80 is 20 from each.
    expect(within30).toMatchObject({ statutoryScore: 60, claimedScore: 100 });
    expect(within30?.partners).toMatchObject({ level: "commissioner", meanScore: 80, partners: 9 });
    expect(within30?.disagreements).toEqual([]);
  });

  it("shows partners' red-flag count when it was released, and nothing of partners when nothing was", () => {
    const flag: ReleasedFigure = {
      kind: "flag",
      key: "pay.not-in-terms.sub",
      raised: 5,
      audience: "not-prime",
      ratings: 10,
      partners: 10,
    };
    const rows = comparePaymentRecord({
      framework: frameworkV2,
      statutory: null,
      claims: new Map(),
      scopes: [{ level: "national", partners: 10, figures: [flag] }],
    });
    expect(rows.find((r) => r.pairKey === "pay.not-in-terms")?.partners).toEqual({
      level: "national",
      partners: 10,
      ratings: 10,
      meanScore: null,
      flagRaised: { raised: 5, of: 10, label: "More than 5% of invoices not paid within agreed terms" },
    });
    expect(rows.find((r) => r.pairKey === "pay.within-30")).toMatchObject({
      statutory: null,
      claimed: null,
      partners: null,
      disagreements: [],
    });
  });
});

describe("scoring a statutory figure", () => {
  it("scores a figure with decimals as the nearest whole answer, and none outside the question's range", () => {
    const rows = comparePaymentRecord({
      framework: version1,
      statutory: { ...STATUTORY, averageDaysToPay: 30.4 },
      claims: new Map(),
      scopes: [],
    });
    // 30 days scores 70 by version 1's rule; 31 would score 30.
    expect(rows[0]).toMatchObject({ statutory: 30.4, statutoryScore: 70 });
    const [late] = comparePaymentRecord({
      framework: version1,
      statutory: { ...STATUTORY, averageDaysToPay: 400.5 },
      claims: new Map(),
      scopes: [],
    });
    expect(late).toMatchObject({ statutory: 400.5, statutoryScore: null });
  });
});

describe("a prime's payment record, version 1", () => {
  it("compares average days to pay, as before, with its margin of 10 days", () => {
    const rows = comparePaymentRecord({
      framework: version1,
      statutory: STATUTORY,
      claims: new Map([["pay.days.prime", 20]]),
      scopes: [],
    });
    expect(rows).toEqual([
      expect.objectContaining({
        pairKey: "pay.days",
        unit: "days",
        statutory: 41,
        claimed: 20,
        partners: null,
        disagreements: [{ between: "statutory-claimed", by: 21 }],
      }),
    ]);
    expect(version1.paymentRecord?.margin).toBe(10);
  });
});

describe("a framework's payment record", () => {
  it("states its margins in the framework data", () => {
    expect(frameworkV2.paymentRecord).toMatchObject({ margin: 10, scoreMargin: 25 });
  });

  it("is refused when a measure is not a pair of number questions", () => {
    const input = {
      ...ncvoSercoFrameworkV2,
      paymentRecord: {
        measures: [{ pairKey: "pay.fee-terms", statutory: "paidWithin30Days" }],
        margin: 10,
        scoreMargin: 25,
      },
    };
    expect(() => parseFramework(input)).toThrow(FrameworkError);
    expect(() => parseFramework(input)).toThrow(
      /payment measure "pay.fee-terms" needs a pair of number questions/,
    );
  });
});
