import { describe, expect, it } from "vitest";
import { FILL, gapSeries } from "./chart-series";
import type { MeasureLine } from "./lines";
import { trendRows, trendSeries } from "./trend-lines";

const line: MeasureLine = {
  key: "fair-payment",
  self: 80,
  partners: { n: 12, answers: 12, mean: 55.5, median: 50, band: "Developing" },
  gap: 24.5,
  view: "Blind spot",
};

describe("colours across a report's charts", () => {
  const [prime, partners] = gapSeries([line], true);
  const [earlier, later] = trendSeries(
    trendRows({
      cycles: [
        { id: "a", name: "2025–26", overall: 50, answers: 12, self: null },
        { id: "b", name: "2026–27", overall: 55.5, answers: 12, self: null },
      ],
      steps: [
        {
          from: "2025–26",
          to: "2026–27",
          compared: ["q"],
          leftOut: [],
          overall: { from: 50, to: 55.5, change: 5.5 },
          principles: [],
        },
      ],
    }),
  );

  it("draw partners' latest figures in one colour in every chart", () => {
    expect(partners?.fill).toBe(FILL.partners);
    expect(later?.fill).toBe(partners?.fill);
  });

  it("never give the prime's own view a colour that means partners anywhere", () => {
    expect(prime?.name).toBe("Prime's own score");
    expect([partners?.fill, earlier?.fill, later?.fill]).not.toContain(prime?.fill);
  });

  it("leave the prime's series out for a partner, keeping the partners' colour", () => {
    const only = gapSeries([line], false);
    expect(only.map((s) => s.fill)).toEqual([FILL.partners]);
    expect(only[0]?.values).toEqual([55.5]);
  });
});
