import { DONT_KNOW, NOT_APPLICABLE, type NonAnswer } from "./schema";

/**
 * One stored answer: an option value (scale, yes/partly/no, single choice), a number, the chosen
 * option values of a multiple choice, or one of the non-answers "dont_know" / "not_applicable".
 */
export type AnswerValue = string | number | readonly string[];

/** A respondent's answers, keyed by question key. Unanswered questions are absent. */
export type Answers = Readonly<Record<string, AnswerValue>>;

export function isNonAnswer(value: AnswerValue | undefined): value is NonAnswer {
  return value === DONT_KNOW || value === NOT_APPLICABLE;
}
