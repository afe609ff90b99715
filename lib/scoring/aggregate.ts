import type { PrincipleKey } from "../framework";
import { BANDS, type Band, bandOf, meanOfTenths, ScoringError, threshold, toTenths } from "./numbers";
import type { FrameworkInfo, ScoredAssessment } from "./types";

/** One partner's scored rating of a prime. */
export interface PartnerRating {
  /** The assessment's id: the same rating must not be counted twice. */
  readonly id: string;
  /** The partner organisation. Anonymity thresholds count distinct respondents, not ratings. */
  readonly respondent: string;
  readonly assessment: ScoredAssessment;
}

export interface AggregateOptions {
  /**
   * Show a figure only when at least this many partners contributed to it. Default 3; never below 3
   * (a lower value throws), and never below the framework's own `minResponses`.
   */
  readonly minResponses?: number;
}

/** Too few partners to show: deliberately carries no numbers at all, not even how many answered. */
export interface Suppressed {
  readonly suppressed: true;
}

export type MeasureKey = PrincipleKey | "overall";

export interface MeasureSummary {
  readonly key: MeasureKey;
  readonly suppressed: false;
  /**
   * Ratings with a score for this measure (a principle with insufficient evidence is not counted);
   * null when a released mean is shown without its spread (docs/decisions/0011).
   */
  readonly n: number | null;
  readonly mean: number;
  /** Null when the spread of partners' own scores is not released. */
  readonly median: number | null;
  /** The band of the mean. */
  readonly band: Band;
  /** How many ratings fall in each band; null when the spread is not released. */
  readonly distribution: Readonly<Record<Band, number>> | null;
}
export type MeasureResult = MeasureSummary | (Suppressed & { readonly key: MeasureKey });

export interface QuestionSummary {
  readonly key: string;
  readonly pairKey: string | null;
  readonly principle: PrincipleKey;
  readonly suppressed: false;
  /** Ratings with a real answer to this question. */
  readonly n: number;
  /** Mean question score; null for an unscored question. */
  readonly mean: number | null;
  /** How many answers raise the question's red flag; null when it has none. */
  readonly flagged: number | null;
  /** flagged / n as a percentage; null when the question has no red flag. */
  readonly flaggedShare: number | null;
}
export type QuestionResult =
  | QuestionSummary
  | (Suppressed & {
      readonly key: string;
      readonly pairKey: string | null;
      readonly principle: PrincipleKey;
    });

export interface AggregateSummary {
  readonly suppressed: false;
  readonly framework: FrameworkInfo;
  /** The threshold applied. */
  readonly minResponses: number;
  readonly ratings: number;
  readonly respondents: number;
  /** Each partner's overall score, summarised. */
  readonly overall: MeasureResult;
  /** In framework order. */
  readonly principles: readonly MeasureResult[];
  /** Every question of the partners' questionnaire, in framework order. */
  readonly questions: readonly QuestionResult[];
}
export type Aggregate = AggregateSummary | Suppressed;

/**
 * Summarises partners' ratings of one prime (on one contract, or across contracts): for overall
 * and for each principle n, mean, median and the distribution across bands; for each question n,
 * mean score and the share of answers raising its red flag.
 *
 * Anonymity: a figure is shown only when at least k distinct partners contributed to it, where k is
 * `minResponses` (default 3, never below 3 or the framework's own threshold). Below k the result is
 * {@link Suppressed} and carries no numbers; with fewer than k partners in all, the whole aggregate
 * is. Partners' figures are the one-decimal scores from {@link scoreAssessment}; means and medians
 * are worked in whole tenths, so they are exact and do not depend on the order of the ratings.
 *
 * Throws a ScoringError when ratings mix frameworks or versions, are not the partners'
 * questionnaire, or repeat an id.
 */
export function aggregateRatings(
  ratings: readonly PartnerRating[],
  options: AggregateOptions = {},
): Aggregate {
  const first = ratings[0]?.assessment;
  const k = threshold(options.minResponses, first?.framework.minResponses ?? 3);
  checkRatings(ratings);
  if (!first || distinct(ratings) < k) return { suppressed: true };

  const principles = first.principles.map((principle, i) => {
    const score = (r: PartnerRating) => r.assessment.principles[i]?.score ?? null;
    return measure(
      principle.key,
      ratings.filter((r) => score(r) !== null),
      score,
      k,
    );
  });
  const questions = first.questions.map((question, i): QuestionResult => {
    const { key, pairKey, principle } = question;
    const answered = ratings.filter((r) => r.assessment.questions[i]?.status === "answered");
    if (distinct(answered) < k) return { key, pairKey, principle, suppressed: true };
    const scores = answered.flatMap((r) => r.assessment.questions[i]?.score ?? []);
    const flags = answered.map((r) => r.assessment.questions[i]?.flagged);
    const hasFlag = question.flagged !== null;
    const flagged = flags.filter((f) => f === true).length;
    return {
      key,
      pairKey,
      principle,
      suppressed: false,
      n: answered.length,
      mean: scores.length > 0 ? meanOfTenths(sumTenths(scores), scores.length) : null,
      flagged: hasFlag ? flagged : null,
      flaggedShare: hasFlag ? meanOfTenths(flagged * 1000, answered.length) : null,
    };
  });
  return {
    suppressed: false,
    framework: first.framework,
    minResponses: k,
    ratings: ratings.length,
    respondents: distinct(ratings),
    overall: measure(
      "overall",
      ratings.filter((r) => r.assessment.score !== null),
      (r) => r.assessment.score,
      k,
    ),
    principles,
    questions,
  };
}

function measure(
  key: MeasureKey,
  scored: readonly PartnerRating[],
  score: (r: PartnerRating) => number | null,
  k: number,
): MeasureResult {
  if (distinct(scored) < k) return { key, suppressed: true };
  const tenths = scored.map((r) => toTenths(score(r) ?? 0)).sort((a, b) => a - b);
  const n = tenths.length;
  const mid = n >> 1;
  // Even n: the halfway point between the middle two, rounded like any other figure.
  const median =
    n % 2
      ? (tenths[mid] as number) / 10
      : meanOfTenths((tenths[mid - 1] as number) + (tenths[mid] as number), 2);
  const distribution = Object.fromEntries(BANDS.map((band) => [band, 0])) as Record<Band, number>;
  for (const t of tenths) distribution[bandOf(t / 10)]++;
  const mean = meanOfTenths(
    tenths.reduce((a, b) => a + b, 0),
    n,
  );
  return { key, suppressed: false, n, mean, median, band: bandOf(mean), distribution };
}

function sumTenths(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += toTenths(value);
  return total;
}

/** How many different partners gave these ratings. */
export function distinct(ratings: readonly PartnerRating[]): number {
  return new Set(ratings.map((r) => r.respondent)).size;
}

function checkRatings(ratings: readonly PartnerRating[]): void {
  const first = ratings[0]?.assessment.framework;
  const ids = new Set<string>();
  for (const { id, assessment } of ratings) {
    if (ids.has(id)) throw new ScoringError(`rating "${id}" is listed twice`);
    ids.add(id);
    if (assessment.perspective !== "subcontractor") {
      throw new ScoringError(
        `rating "${id}" is a ${assessment.perspective} assessment, not a partner's rating`,
      );
    }
    const { id: frameworkId, version } = assessment.framework;
    if (first && (frameworkId !== first.id || version !== first.version)) {
      throw new ScoringError(
        `rating "${id}" uses framework ${frameworkId} ${version}, not ${first.id} ${first.version}: aggregate one version at a time`,
      );
    }
  }
}
