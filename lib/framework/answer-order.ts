import { SCALES } from "./constants";
import type { Framework, Question } from "./schema";

export type AnswerOrder = Framework["answerOrder"];
export interface AnswerOption {
  value: string;
  label: string;
}

/** The options as the framework lists them: fixed scales as in SCALES (worst first), choices as written. */
function listed(question: Question): AnswerOption[] {
  const spec = question.answer;
  switch (spec.type) {
    case "scale":
      return [...SCALES[spec.scale]];
    case "yes-partly-no":
      return [...SCALES["yes-partly-no"]];
    case "single":
    case "multiple":
      return [...spec.options];
    case "number":
      return [];
  }
}

/** What each option scores under the question's rule; undefined for an unscored question. */
function optionScore(question: Question, options: AnswerOption[]): ((value: string) => number) | undefined {
  const rule = question.scoring;
  if (!rule) return undefined;
  if (rule.rule === "scale") {
    return (value) => {
      const i = options.findIndex((o) => o.value === value);
      return rule.reverse ? options.length - 1 - i : i;
    };
  }
  if (rule.rule === "options" || rule.rule === "checklist") return (value) => rule.scores[value] ?? 0;
  return undefined;
}

/**
 * The order a questionnaire shows a question's answers in (docs/decisions/0020). `best-first`:
 * a scored question's answers from the best-scoring down (ties as listed); an unscored fixed
 * scale from its positive end. `as-shipped` keeps version 1's order: fixed scales worst first,
 * yes/partly/no with "Yes" first, choices as written. Display only: no score depends on it.
 */
export function displayOptions(question: Question, order: AnswerOrder): AnswerOption[] {
  const options = listed(question);
  const fixed = question.answer.type === "scale" || question.answer.type === "yes-partly-no";
  if (order === "as-shipped") return question.answer.type === "yes-partly-no" ? options.reverse() : options;
  const score = optionScore(question, options);
  if (!score) return fixed ? options.reverse() : options;
  return options
    .map((option, index) => ({ option, index, score: score(option.value) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ option }) => option);
}
