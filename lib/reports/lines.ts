import { type FlagKind, framework } from "@/lib/framework";
import { findFramework } from "@/lib/framework/versions";
import {
  type Aggregate,
  BAND_LABELS,
  MEASURE_KEYS,
  type MeasureKey,
  type ScoredAssessment,
  type ViewComparison,
} from "@/lib/scoring";
import { shownValue } from "./format";
import { FLAG_TITLES, partnerFlagQuestionsOf, VIEW_LABELS } from "./labels";

/**
 * A report's figures as rows, shared by the pages, the charts and the CSV and PDF exports, so every
 * form of a report says the same thing. Pure: the figures have been guarded already.
 */

export interface MeasureLine {
  key: MeasureKey;
  self: number | null;
  partners: {
    n: number | null;
    /** How many ratings the mean rests on, for its precision: n, or the scope's ratings when n is withheld. */
    answers: number;
    mean: number;
    median: number | null;
    band: string;
  } | null;
  gap: number | null;
  view: string;
}

/** Self-assessment beside partners' figures, principle by principle, then overall. */
export function measureLines(
  partners: Aggregate,
  self: ScoredAssessment | null,
  comparison: ViewComparison | null,
): MeasureLine[] {
  return MEASURE_KEYS.map((key) => {
    const figure = partners.suppressed
      ? undefined
      : key === "overall"
        ? partners.overall
        : partners.principles.find((p) => p.key === key);
    const own = self
      ? key === "overall"
        ? self.score
        : (self.principles.find((p) => p.key === key)?.score ?? null)
      : null;
    const gap = comparison?.comparable
      ? key === "overall"
        ? comparison.overall
        : comparison.principles.find((p) => p.key === key)
      : undefined;
    return {
      key,
      self: own,
      partners:
        figure && !figure.suppressed
          ? {
              n: figure.n,
              answers: figure.n ?? (partners.suppressed ? 0 : partners.ratings),
              mean: figure.mean,
              median: figure.median,
              band: BAND_LABELS[figure.band],
            }
          : null,
      gap: gap?.gap ?? null,
      view: gap ? VIEW_LABELS[gap.view] : VIEW_LABELS["not-comparable"],
    };
  });
}

export interface FlagLine {
  kind: FlagKind;
  title: string;
  /** What the flag means, in the framework's words. */
  label: string;
  questionKey: string;
  /** Partners raising it and the share of those who answered; null when the figure is not shown. */
  partners: { flagged: number; n: number; share: number } | null;
}

/**
 * Each red flag partners can raise in the figures' framework version (else `version`, else version
 * 1), with how many raised it where that may be shown.
 */
export function flagLines(partners: Aggregate, version?: { id: string; version: string }): FlagLine[] {
  const info = partners.suppressed ? version : partners.framework;
  const used = (info && findFramework(info.id, info.version)) ?? framework;
  return partnerFlagQuestionsOf(used).map((q) => {
    const figure = partners.suppressed ? undefined : partners.questions.find((x) => x.key === q.key);
    const kind = q.redFlag?.kind as FlagKind;
    return {
      kind,
      title: FLAG_TITLES[kind],
      label: q.redFlag?.label ?? "",
      questionKey: q.key,
      partners:
        figure && !figure.suppressed && figure.flagged !== null && figure.flaggedShare !== null
          ? { flagged: figure.flagged, n: figure.n, share: figure.flaggedShare }
          : null,
    };
  });
}

/**
 * How many ratings a partners' figure rests on, for its precision (lib/reports/format.ts): the
 * measure's or question's own count where released, else the scope's ratings.
 */
export function answersFor(partners: Aggregate, key: string): number {
  if (partners.suppressed) return 0;
  const measure = key === "overall" ? partners.overall : partners.principles.find((p) => p.key === key);
  if (measure && !measure.suppressed && measure.n !== null) return measure.n;
  const question = partners.questions.find((q) => q.key === key);
  if (question && !question.suppressed) return question.n;
  return partners.ratings;
}

/**
 * Partners' figures to rank primes on, as shown (lib/reports/format.ts): a figure shown as a whole
 * number ranks as one, so two primes both shown as "66" share a rank (issue 17).
 */
export function shownScores(partners: Aggregate): Partial<Record<MeasureKey, number | null>> {
  if (partners.suppressed) return {};
  // As benchmarkScores, each mean to its count's precision (answersFor's rule for a measure: its
  // spread's ratings, else the scope's), without searching the questions: thousands of rows a report.
  const scores: Partial<Record<MeasureKey, number | null>> = {};
  for (const m of [...partners.principles, partners.overall]) {
    scores[m.key] = m.suppressed ? null : shownValue(m.mean, m.n ?? partners.ratings);
  }
  return scores;
}
