import { describe, expect, it } from "vitest";
import type { PrimeReport } from "@/lib/services/reports";
import { formatScore } from "./format";
import { trendCells, trendRows, trendSeries } from "./trend-lines";

const change = (from: number, to: number) => ({ from, to, change: Math.round((to - from) * 10) / 10 });

// The case: whole released means rise (63.5 → 64.6) while like for like they fall.
const trend: PrimeReport["trend"] = {
  cycles: [
    { id: "a", name: "2024–25", overall: 63.5, answers: 12, self: 70 },
    { id: "b", name: "2025–26", overall: 64.6, answers: 14, self: 72 },
    { id: "c", name: "2026–27", overall: 60.2, answers: 6, self: null },
  ],
  steps: [
    {
      from: "2024–25",
      to: "2025–26",
      compared: ["q1", "q2"],
      leftOut: [],
      overall: change(65.1, 64.5),
      principles: [],
    },
    {
      from: "2025–26",
      to: "2026–27",
      compared: ["q1"],
      leftOut: [],
      overall: change(64.4, 60.9),
      principles: [],
    },
  ],
};

function rowAt(i: number) {
  const row = trendRows(trend)[i];
  if (!row) throw new Error(`no row ${i}`);
  return row;
}

describe("the trend chart and its table", () => {
  it("show the same figures, to the same precision, from one set of rows", () => {
    const rows = trendRows(trend);
    const [before, after] = trendSeries(rows);
    expect(rows).toHaveLength(2);
    rows.forEach((row, i) => {
      const cells = trendCells(row);
      const label = (value: number | null | undefined, answers: unknown) =>
        value === null || value === undefined ? "–" : formatScore(value, answers as number);
      expect(label(before?.values[i], before?.answers[i])).toBe(cells.before);
      expect(label(after?.values[i], after?.answers[i])).toBe(cells.after);
    });
  });

  it("draws the like-for-like figures, not each cycle's whole mean, so the change matches the bars", () => {
    expect(trendCells(rowAt(0))).toEqual({ before: "65.1", after: "64.5", change: "−0.6" });
  });

  it("rounds a pair to whole numbers when either cycle rests on fewer than 10 ratings", () => {
    expect(rowAt(1).answers).toBe(6);
    // 64.4 → 60.9 is −3.5, but shown as 64 → 61 the change said is −3.
    expect(trendCells(rowAt(1))).toEqual({ before: "64", after: "61", change: "−3" });
  });
});
