/**
 * Rounding, bands and errors shared by every part of the scoring library.
 *
 * Every figure the library returns has one decimal place. Figures are computed at full precision
 * and rounded once, at the end, by {@link round1}. Figures that are built from already-rounded
 * figures (partners' averages, gaps, changes) are added up in whole tenths, which is exact, so they
 * never depend on the order of the inputs.
 */

/** Thrown when the inputs cannot be scored: an answer its question cannot take, mixed framework versions, a repeated id. */
export class ScoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScoringError";
  }
}

// Binary fractions make 33.3 + 0.05 come out as 33.349999…; nudging by far less than any real
// difference lets halves round as they would on paper.
const NUDGE = 1e-9;

/**
 * Rounds to one decimal place, halves away from zero: 62.25 → 62.3, 62.24 → 62.2, −0.05 → −0.1.
 * Differences smaller than a billionth of a tenth are treated as binary rounding noise, so a sum
 * such as 33.3 + 0.05 (stored as 33.349999…) rounds to 33.4 as it would on paper.
 */
export function round1(value: number): number {
  const tenths = Math.floor(Math.abs(value) * 10 + 0.5 + NUDGE);
  if (tenths === 0) return 0;
  return value < 0 ? -tenths / 10 : tenths / 10;
}

/** A one-decimal figure as a whole number of tenths (62.3 → 623), exact for sums. */
export function toTenths(value: number): number {
  return Math.round(value * 10);
}

/** Whole tenths divided by a count, rounded to one decimal: the mean of one-decimal figures. */
export function meanOfTenths(totalTenths: number, count: number): number {
  return round1(totalTenths / (10 * count));
}

export const BANDS = ["strong", "good", "developing", "concern"] as const;
/** Strong ≥ 80, Good ≥ 60, Developing ≥ 40, Concern below 40. */
export type Band = (typeof BANDS)[number];

export const BAND_LABELS: Readonly<Record<Band, string>> = {
  strong: "Strong",
  good: "Good",
  developing: "Developing",
  concern: "Concern",
};

/**
 * The band of a score. Always called on the rounded score, so the band agrees with the number
 * shown: 79.96 shows as 80.0 and is Strong.
 */
export function bandOf(score: number): Band {
  if (score >= 80) return "strong";
  if (score >= 60) return "good";
  if (score >= 40) return "developing";
  return "concern";
}

/** The anonymity threshold: the option, the frameworks' own `minPartners`, and never below 3. */
export function threshold(minPartners: number | undefined, ...frameworkMinimums: number[]): number {
  const asked = minPartners ?? 3;
  if (!Number.isInteger(asked) || asked < 3) {
    throw new RangeError(`minPartners must be a whole number of at least 3, got ${asked}`);
  }
  return Math.max(asked, ...frameworkMinimums);
}

/** Orders ids by code unit, the same in every locale: lists come out in one order everywhere. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
