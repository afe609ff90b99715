import type { Framework } from "../../framework";
import type { ScoredAssessment } from "../types";
import type { ReleaseRow, ReleaseStructure } from "./types";

/**
 * Partner questions whose answer the prime already holds for each partner, in its own records or
 * its contract with that partner: how many days it takes to pay that partner, the fee it keeps, the
 * share it pays only on results, the ways of being paid it offers, whether it named the partner in
 * its bid and sent it work, the referrals it sent, how often it shares data with it. A count or mean
 * of these over partners who answered tells the prime which partners answered, so their figures go
 * to the commissioner only (docs/decisions/0011). Version 2 adds its shares of invoices by days to
 * pay, how the fee was set, the way of being paid, who carries TUPE costs, consent to be named and
 * the subcontract's length. Marked `primeKnown` in the framework; this list, over every version,
 * is what the framework's test checks it against.
 */
export const PRIME_KNOWN_QUESTIONS: readonly string[] = [
  "pay.days.sub",
  "pay.fee.sub",
  "pay.methods.sub",
  "risk.outcome-share.sub",
  "faith.bid-candy.sub",
  "faith.referrals.sub",
  "data.frequency.sub",
  // Version 2.
  "pay.within-30.sub",
  "pay.31-60.sub",
  "pay.over-60.sub",
  "pay.not-in-terms.sub",
  "pay.fee-terms.sub",
  "pay.method-fit.sub",
  "risk.tupe.sub",
  "faith.consent.sub",
  "capacity.length.sub",
];

/** The partners' questionnaire as a release needs it: scored questions, weights, flags. */
export function releaseStructure(framework: Framework): ReleaseStructure {
  return {
    minPartners: framework.minPartners,
    principles: framework.principles.map((principle) => ({
      key: principle.key,
      weight: principle.weight,
      questions: principle.questions
        // A question with no score but a red flag (version 2's fee over a stated level) is released
        // for its flag alone: a flag left out of the release would never reach a report.
        .filter(
          (q) => q.perspective === "subcontractor" && (q.scoring !== undefined || q.redFlag !== undefined),
        )
        .map((q) => ({
          key: q.key,
          weight: q.weight,
          scored: q.scoring !== undefined,
          flagged: q.redFlag !== undefined,
          primeKnown: q.primeKnown,
        })),
    })),
  };
}

export type RowPlace = Omit<ReleaseRow, "questionScores" | "flags" | "measureScores">;

/** A partner's scored rating as a release row: its stored answer scores, flags and own scores. */
export function releaseRow(place: RowPlace, assessment: ScoredAssessment): ReleaseRow {
  const questionScores: Record<string, number> = {};
  const flags: Record<string, boolean> = {};
  for (const q of assessment.questions) {
    if (q.status !== "answered") continue;
    if (q.score !== null) questionScores[q.key] = q.score;
    if (q.flagged !== null) flags[q.key] = q.flagged;
  }
  const measureScores: Record<string, number | null> = { overall: assessment.score };
  for (const p of assessment.principles) measureScores[p.key] = p.score;
  return { ...place, questionScores, flags, measureScores };
}
