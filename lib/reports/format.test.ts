import { describe, expect, it } from "vitest";
import {
  decimalsFor,
  formatGap,
  formatPercent,
  formatScore,
  PRECISION,
  PRECISION_RULE,
  scoreOrDash,
} from "./format";

describe("the precision rule", () => {
  it("shows whole numbers below 10 answers and one decimal from 10 up", () => {
    expect(PRECISION.wholeBelow).toBe(10);
    expect(decimalsFor(3)).toBe(0);
    expect(decimalsFor(9)).toBe(0);
    expect(decimalsFor(10)).toBe(1);
    expect(decimalsFor(250)).toBe(1);
  });

  it("never shows 100.0% from 3 answers", () => {
    expect(formatPercent(100, 3)).toBe("100%");
    expect(formatPercent(66.7, 3)).toBe("67%");
    expect(formatPercent(100, 12)).toBe("100.0%");
    expect(formatPercent(null, 3)).toBe("–");
  });

  it("rounds a stored half upwards, whatever the binary float", () => {
    expect(formatScore(62.5, 5)).toBe("63");
    expect(formatScore(0.5, 5)).toBe("1");
    expect(formatScore(62.4, 5)).toBe("62");
    expect(formatScore(62.3, 20)).toBe("62.3");
  });

  it("shows a prime's own score as stored, one decimal", () => {
    expect(decimalsFor("own")).toBe(1);
    expect(scoreOrDash(71.3, "own")).toBe("71.3");
    expect(scoreOrDash(null, "own")).toBe("–");
  });

  it("signs gaps at the same precision, and a gap that rounds to nothing has no sign", () => {
    expect(formatGap(12.4, 4)).toBe("+12");
    expect(formatGap(-12.6, 4)).toBe("−13");
    expect(formatGap(-12.6, 40)).toBe("−12.6");
    expect(formatGap(0.3, 4)).toBe("0");
    expect(formatGap(0, 40)).toBe("0.0");
    expect(formatGap(null, 40)).toBe("–");
  });

  it("states the rule with the constant it applies", () => {
    expect(PRECISION_RULE).toContain(`fewer than ${PRECISION.wholeBelow} answers`);
  });
});
