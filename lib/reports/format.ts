/**
 * How precisely a figure is shown: the one rule for every report page, chart, PDF and the method
 * page (docs/decisions/0021-precision-follows-the-count.md). A mean or percentage combining fewer
 * than {@link PRECISION.wholeBelow} answers is shown as a whole number: with 3 answers one partner
 * moves a percentage by 33 points, so "100.0%" claims a precision the count cannot support. From
 * that many answers up, one decimal, the precision every figure is stored with (ADR 0011).
 *
 * Display only: stored figures keep one decimal, and the CSV and JSON downloads give them so.
 */
export const PRECISION = { wholeBelow: 10, decimalsFrom: 1 } as const;

/**
 * How many answers a figure rests on: a count of partners' ratings, or "own" for one organisation's
 * own answers (a prime's self-assessment), which is not a sample and is shown as stored.
 */
export type Answers = number | "own";

/** Decimal places for a figure resting on `answers`. */
export const decimalsFor = (answers: Answers): 0 | 1 =>
  answers !== "own" && answers < PRECISION.wholeBelow ? 0 : PRECISION.decimalsFrom;

/** The rule in words, for "How scoring works" and the footnotes of reports. */
export const PRECISION_RULE = `A mean or percentage combining fewer than ${PRECISION.wholeBelow} answers is shown as a whole number; from ${PRECISION.wholeBelow} answers up, to one decimal place. A prime's own score is one organisation's answers and is shown to one decimal place, as stored.`;

/** A figure to the precision its count supports: 67 from 3 answers, 66.7 from 12. */
export function formatScore(value: number, answers: Answers): string {
  const places = decimalsFor(answers);
  // Rounded from the stored tenths, so 66.5 shows as 67 whichever way binary floats fall.
  return places === 0 ? String(Math.round(Math.round(value * 10) / 10)) : value.toFixed(1);
}

/** A figure as a reader sees it, as a number: what ranks compare, so two primes shown as "66" tie. */
export function shownValue(value: number, answers: Answers): number {
  const tenths = Math.round(value * 10) / 10;
  return decimalsFor(answers) === 0 ? Math.round(tenths) : tenths;
}

/** A figure or the words for its absence. */
export const scoreOrDash = (value: number | null | undefined, answers: Answers) =>
  value === null || value === undefined ? "–" : formatScore(value, answers);

export const formatPercent = (value: number | null, answers: Answers) =>
  value === null ? "–" : `${formatScore(value, answers)}%`;

/** A signed gap: +33.3, −12.0, 0.0; +33, −12, 0 when it rests on fewer than 10 answers. */
export function formatGap(value: number | null, answers: Answers): string {
  if (value === null) return "–";
  const shown = formatScore(Math.abs(value), answers);
  if (Number(shown) === 0) return shown;
  return `${value > 0 ? "+" : "−"}${shown}`;
}
