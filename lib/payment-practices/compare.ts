import {
  type AnswerValue,
  type Framework,
  type Perspective,
  type Question,
  questionsFor,
  type StatutoryPaymentFigure,
} from "@/lib/framework";
import { round1 } from "@/lib/scoring/numbers";
import type { ScopeLevel } from "@/lib/scoring/release";
import { scoreAssessment } from "@/lib/scoring/score";
import type { ReleasedFigure } from "@/lib/services/releases";

/**
 * A prime's payment record three ways, one row per payment measure of its cycle's framework
 * (`paymentRecord`, issue 16): the statutory payment practices report, the prime's own answer in
 * its self-assessment, and partners' released figure for the paired partner question. Partners'
 * figures are released mean scores (and red-flag counts), never their answers (docs/decisions/0011),
 * so the statutory figure and the prime's answer are scored by the partner question's own rule to
 * set beside them.
 */

/** Partners' released figures for one partner question, at the narrowest scope that has them. */
export interface PartnersPaymentFigure {
  level: ScopeLevel;
  /** Partner organisations the scope combines. */
  partners: number;
  /** How many ratings gave a real answer. */
  ratings: number;
  /** Mean score of their answers, 0–100; null when only the flag count was released. */
  meanScore: number | null;
  /** How many of those answering raise the question's red flag, when that count was released. */
  flagRaised: { raised: number; of: number; label: string } | null;
}

export interface PaymentMeasureRow {
  pairKey: string;
  statutoryColumn: StatutoryPaymentFigure;
  unit: "days" | "percent";
  statutory: number | null;
  claimed: number | null;
  /** The scores the statutory figure and the claim get under the partner question's rule. */
  statutoryScore: number | null;
  claimedScore: number | null;
  partners: PartnersPaymentFigure | null;
  /** Whether the partner question is scored: unscored ones have no released mean. */
  scored: boolean;
  /** Each pair of sources further apart than the margin, with how far (unit, or score points). */
  disagreements: { between: "statutory-claimed" | "partners-claimed" | "partners-statutory"; by: number }[];
}

export interface PaymentRecordInput {
  framework: Framework;
  statutory: Readonly<Record<StatutoryPaymentFigure, number | null>> | null;
  /** The prime's submitted answers, by question key. */
  claims: ReadonlyMap<string, AnswerValue>;
  /** Released scopes the reader may read, narrowest first; their figures already filtered for the reader. */
  scopes: readonly { level: ScopeLevel; partners: number; figures: readonly ReleasedFigure[] }[];
}

function pairOf(framework: Framework, pairKey: string, perspective: Perspective): Question {
  const q = questionsFor(framework, perspective).find((x) => x.pairKey === pairKey);
  if (!q) throw new Error(`framework ${framework.version} has no ${perspective} question for ${pairKey}`);
  return q;
}

/**
 * A figure scored as an answer to `question` would be; null when unscored or outside its range.
 * Statutory figures have two decimals: for a question taking whole numbers they are rounded to the
 * nearest, as someone answering it would.
 */
export function scoreAs(framework: Framework, question: Question, value: number | null): number | null {
  if (value === null || !question.scoring || question.answer.type !== "number") return null;
  const answer = question.answer.integer ? Math.round(value) : value;
  if (answer < question.answer.min || answer > question.answer.max) return null;
  const scored = scoreAssessment(framework, { [question.key]: answer }, question.perspective);
  return scored.questions.find((q) => q.key === question.key)?.score ?? null;
}

function partnersFigure(input: PaymentRecordInput, question: Question): PartnersPaymentFigure | null {
  for (const scope of input.scopes) {
    const mean = scope.figures.find((f) => f.kind === "question" && f.key === question.key);
    const flag = scope.figures.find((f) => f.kind === "flag" && f.key === question.key);
    if (!mean && !flag) continue;
    return {
      level: scope.level,
      partners: scope.partners,
      ratings: (mean ?? flag)?.ratings ?? 0,
      meanScore: mean?.kind === "question" ? mean.mean : null,
      flagRaised:
        flag?.kind === "flag" && question.redFlag
          ? { raised: flag.raised, of: flag.ratings, label: question.redFlag.label }
          : null,
    };
  }
  return null;
}

/** The comparison's rows, in the framework's order; none when the framework sets none. */
export function comparePaymentRecord(input: PaymentRecordInput): PaymentMeasureRow[] {
  const rule = input.framework.paymentRecord;
  if (!rule) return [];
  return rule.measures.map((measure) => {
    const partnerQuestion = pairOf(input.framework, measure.pairKey, "subcontractor");
    const primeQuestion = pairOf(input.framework, measure.pairKey, "prime");
    const claim = input.claims.get(primeQuestion.key);
    const claimed = typeof claim === "number" ? claim : null;
    const statutory = input.statutory?.[measure.statutory] ?? null;
    const statutoryScore = scoreAs(input.framework, partnerQuestion, statutory);
    const claimedScore = scoreAs(input.framework, partnerQuestion, claimed);
    const partners = partnersFigure(input, partnerQuestion);
    const disagreements: PaymentMeasureRow["disagreements"] = [];
    const apart = (
      between: PaymentMeasureRow["disagreements"][number]["between"],
      a: number | null,
      b: number | null,
      margin: number,
    ) => {
      if (a === null || b === null) return;
      const by = round1(Math.abs(a - b));
      if (by > margin) disagreements.push({ between, by });
    };
    apart("statutory-claimed", statutory, claimed, rule.margin);
    apart("partners-claimed", partners?.meanScore ?? null, claimedScore, rule.scoreMargin);
    apart("partners-statutory", partners?.meanScore ?? null, statutoryScore, rule.scoreMargin);
    return {
      pairKey: measure.pairKey,
      statutoryColumn: measure.statutory,
      unit: measure.statutory === "averageDaysToPay" ? "days" : "percent",
      statutory,
      claimed,
      statutoryScore,
      claimedScore,
      partners,
      scored: partnerQuestion.scoring !== undefined,
      disagreements,
    };
  });
}
