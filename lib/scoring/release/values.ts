import { BANDS, type Band, bandOf, meanOfTenths, round1, toTenths } from "../numbers";
import { isScored } from "./families";
import type { DerivedFigure, QuestionFigure, ReleaseStructure } from "./types";

/**
 * The numbers in a release, and the one place they are rounded (docs/decisions/0011, "Rounding").
 *
 * What the release starts from is already one-decimal: each answer's score and each partner's own
 * principle and overall scores are rounded once, when the rating is submitted, and stored. Here:
 * - a question's mean is the exact mean of its stored answer scores, added in whole tenths and
 *   rounded once;
 * - a principle's mean is the weighted mean of the exact (unrounded) question means published at
 *   the scope, rounded once; overall is the weighted mean of the exact principle means, rounded once;
 * - a median is the middle stored score, or halfway between the middle two, rounded once;
 * - bands are counted from each partner's stored score.
 * Rounding is to one decimal, halves away from zero ({@link round1}).
 */

export function questionValues(scores: readonly number[]): { totalTenths: number; mean: number } {
  let totalTenths = 0;
  for (const score of scores) totalTenths += toTenths(score);
  return { totalTenths, mean: meanOfTenths(totalTenths, scores.length) };
}

export function spreadValues(scores: readonly number[]): { median: number; bands: Record<Band, number> } {
  const tenths = scores.map(toTenths).sort((a, b) => a - b);
  const mid = tenths.length >> 1;
  const median =
    tenths.length % 2
      ? (tenths[mid] as number) / 10
      : meanOfTenths((tenths[mid - 1] as number) + (tenths[mid] as number), 2);
  const bands = Object.fromEntries(BANDS.map((band) => [band, 0])) as Record<Band, number>;
  for (const t of tenths) bands[bandOf(t / 10)]++;
  return { median, bands };
}

/**
 * Principle and overall means at one scope for one view, from the question figures published there
 * that the view may read. A principle needs figures for at least half of its scored questions (the
 * view's questions: the prime's leaves out those about facts it sets per partner), as a partner's
 * own principle score needs answers to half of them; overall needs at least one principle.
 */
export function derivedMeans(
  structure: ReleaseStructure,
  scopeId: string,
  published: ReadonlyMap<string, QuestionFigure>,
  view: DerivedFigure["view"],
): DerivedFigure[] {
  const result: DerivedFigure[] = [];
  let overallWeighted = 0;
  let overallWeight = 0;
  let principlesUsed = 0;
  for (const principle of structure.principles) {
    const asked = principle.questions.filter(
      (q) => isScored(q) && (view === "commissioner" || !q.primeKnown),
    );
    let weighted = 0;
    let weights = 0;
    let used = 0;
    for (const question of asked) {
      const figure = published.get(question.key);
      if (!figure || (view === "prime" && figure.audience !== "all")) continue;
      weighted += (question.weight * figure.totalTenths) / (10 * figure.ratings);
      weights += question.weight;
      used++;
    }
    if (used === 0 || used * 2 < asked.length) continue;
    const exact = weighted / weights;
    result.push({ scopeId, measure: principle.key, view, mean: round1(exact), from: used });
    overallWeighted += exact * principle.weight;
    overallWeight += principle.weight;
    principlesUsed++;
  }
  if (principlesUsed > 0) {
    result.push({
      scopeId,
      measure: "overall",
      view,
      mean: round1(overallWeighted / overallWeight),
      from: principlesUsed,
    });
  }
  return result;
}
