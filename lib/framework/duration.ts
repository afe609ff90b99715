import { questionsFor } from "./queries";
import type { AnswerSpec, Framework, Perspective } from "./schema";

/**
 * How long a questionnaire takes, judged as seconds per question by its type of answer, plus a
 * little per page for reading the principle's commitment. The figures are what a partner's chief
 * executive or contract manager needs to read a question and its help and choose an answer they
 * already know; a number (a share of invoices, a fee) may need looking up, so it is given longest.
 * Evidence notes are optional and not counted. See lib/framework/README.md.
 */
export const SECONDS_PER_ANSWER: Readonly<Record<AnswerSpec["type"], number>> = {
  "yes-partly-no": 15,
  scale: 20,
  single: 30,
  multiple: 40,
  number: 45,
};

export const SECONDS_PER_PRINCIPLE_PAGE = 30;

/** The estimated minutes one perspective's questionnaire takes, to one decimal place. */
export function estimatedMinutes(framework: Framework, perspective: Perspective): number {
  const answering = questionsFor(framework, perspective).reduce(
    (sum, q) => sum + SECONDS_PER_ANSWER[q.answer.type],
    0,
  );
  const seconds = answering + framework.principles.length * SECONDS_PER_PRINCIPLE_PAGE;
  return Math.round(seconds / 6) / 10;
}
