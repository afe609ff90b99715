import type { Answers } from "./format";
import { measureTitle } from "./labels";
import type { MeasureLine } from "./lines";

/**
 * One colour for one meaning across every chart of a report (issue 17: dark meant "prime" in one
 * chart and "partners" in the next). Partners' latest figures are always the dark blue, an earlier
 * cycle's the light blue, the prime's own view the amber.
 */
export const FILL = { partners: "#12344a", partnersEarlier: "#6fa8c7", prime: "#b58105" } as const;

/** Where the series are different primes, each prime its own colour, in the order listed. */
export const PRIME_FILLS = ["#12344a", "#6fa8c7", "#b58105", "#505a5f"] as const;

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  answers: Answers | Answers[];
  fill: string;
}

/** The prime's own scores beside its partners', by principle; partners' alone for a partner. */
export function gapSeries(principles: readonly MeasureLine[], seesSelf: boolean): ChartSeries[] {
  return [
    ...(seesSelf
      ? [
          {
            name: "Prime's own score",
            values: principles.map((l) => l.self),
            answers: "own" as const,
            fill: FILL.prime,
          },
        ]
      : []),
    {
      name: "Partners' mean",
      values: principles.map((l) => l.partners?.mean ?? null),
      answers: principles.map((l) => l.partners?.answers ?? 0),
      fill: FILL.partners,
    },
  ];
}

export const gapCategories = (principles: readonly MeasureLine[]) =>
  principles.map((l) => measureTitle(l.key));
