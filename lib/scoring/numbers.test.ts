import { describe, expect, it } from "vitest";
import { bandOf, round1 } from "./index";
import { threshold } from "./numbers";

describe("round1", () => {
  it("rounds to one decimal, halves away from zero", () => {
    expect(round1(62.25)).toBe(62.3);
    expect(round1(62.24)).toBe(62.2);
    expect(round1(-0.05)).toBe(-0.1);
    expect(round1(-0.04)).toBe(0);
    expect(Object.is(round1(-0.04), 0)).toBe(true);
    expect(round1(100)).toBe(100);
  });

  it("rounds halves that binary arithmetic lands just below the half as on paper", () => {
    // 33.3 + 0.05 comes out as 33.349999999999994; 1.2 + 0.15 as 1.3499999999999999.
    expect(round1(33.3 + 0.05)).toBe(33.4);
    expect(round1(1.2 + 0.15)).toBe(1.4);
    expect(round1(100 / 3)).toBe(33.3);
    expect(round1(200 / 3)).toBe(66.7);
  });
});

describe("bandOf", () => {
  it("is Strong from 80, Good from 60, Developing from 40, Concern below", () => {
    expect([80, 79.9, 60, 59.9, 40, 39.9, 0].map(bandOf)).toEqual([
      "strong",
      "good",
      "good",
      "developing",
      "developing",
      "concern",
      "concern",
    ]);
  });
});

describe("threshold", () => {
  it("defaults to 3, refuses less, and never goes below a framework's own", () => {
    expect(threshold(undefined)).toBe(3);
    expect(threshold(5)).toBe(5);
    expect(threshold(3, 4)).toBe(4);
    expect(() => threshold(2)).toThrow(RangeError);
    expect(() => threshold(Number.NaN)).toThrow(RangeError);
  });
});
