import type { PrimeReport } from "@/lib/services/reports";
import { type ChartSeries, FILL } from "./chart-series";
import { type Answers, decimalsFor, formatGap, formatScore } from "./format";

/**
 * The like-for-like trend as rows, the one source of both the trend chart and its table on a
 * prime's report, so the chart can never show a figure the table contradicts (issue 17: a chart
 * read 63.5 → 64.6 beside a table saying −0.6, because the chart drew each cycle's whole released
 * mean and the table the like-for-like one).
 */
export interface TrendRow {
  label: string;
  from: string;
  to: string;
  before: number | null;
  after: number | null;
  change: number | null;
  /** The fewer ratings of the two cycles: the precision the pair of figures supports. */
  answers: number;
  compared: number;
}

export function trendRows(trend: PrimeReport["trend"]): TrendRow[] {
  const answersOf = new Map(trend.cycles.map((c) => [c.name, c.answers]));
  return trend.steps.map((step) => ({
    label: `${step.from} to ${step.to}`,
    from: step.from,
    to: step.to,
    before: step.overall.from,
    after: step.overall.to,
    change: step.overall.change,
    answers: Math.min(answersOf.get(step.from) ?? 0, answersOf.get(step.to) ?? 0),
    compared: step.compared.length,
  }));
}

/** The chart's bars, drawn from the same rows as the table. */
export function trendSeries(rows: readonly TrendRow[]): (ChartSeries & { answers: Answers[] })[] {
  const answers = rows.map((r) => r.answers);
  return [
    {
      name: "Partners' overall, earlier cycle",
      values: rows.map((r) => r.before),
      answers,
      fill: FILL.partnersEarlier,
    },
    {
      name: "Partners' overall, later cycle",
      values: rows.map((r) => r.after),
      answers,
      fill: FILL.partners,
    },
  ];
}

/** The table's cells as shown, in the same words and precision as the chart's labels. */
export function trendCells(row: TrendRow) {
  const before = row.before === null ? "–" : formatScore(row.before, row.answers);
  const after = row.after === null ? "–" : formatScore(row.after, row.answers);
  // The change of the figures as shown, as the scoring library works it for tenths, so after minus
  // before is the change also when both are rounded to whole numbers.
  const change =
    row.before === null || row.after === null || decimalsFor(row.answers) > 0
      ? row.change
      : Number(after) - Number(before);
  return { before, after, change: formatGap(change, row.answers) };
}
