/** One decimal, as every figure is computed: 66.7, 100.0. */
export const formatScore = (value: number) => value.toFixed(1);

/** A figure or the words for its absence. */
export const scoreOrDash = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : formatScore(value);

export const formatPercent = (value: number | null) => (value === null ? "–" : `${formatScore(value)}%`);

/** A signed gap: +33.3, −12.0, 0.0. */
export function formatGap(value: number | null): string {
  if (value === null) return "–";
  if (value === 0) return "0.0";
  return `${value > 0 ? "+" : "−"}${formatScore(Math.abs(value))}`;
}
