import {
  type Answers,
  type AnswerValue,
  type Framework,
  framework,
  type Perspective,
  type Question,
  questionsFor,
} from "@/lib/framework";
import type { PageAnswer } from "@/lib/questionnaire/form";
import { scoreAssessment } from "@/lib/scoring";

/**
 * Whole questionnaires of answers for fixtures: every question answered with the value that scores
 * best (or worst) by the framework's own rules, so tests can reason about scores by hand.
 */

function candidates(q: Question): AnswerValue[] {
  const spec = q.answer;
  switch (spec.type) {
    case "scale":
      return spec.scale === "agreement"
        ? ["strongly-disagree", "disagree", "neither", "agree", "strongly-agree"]
        : ["not-at-all", "small-extent", "some-extent", "great-extent"];
    case "yes-partly-no":
      return ["no", "partly", "yes"];
    case "number": {
      const steps = q.scoring?.rule === "thresholds" ? q.scoring.steps.map((s) => s.upTo) : [];
      return [spec.min, spec.max, ...steps].filter((v) => v >= spec.min && v <= spec.max);
    }
    case "single":
      return spec.options.map((o) => o.value);
    case "multiple":
      return [...spec.options.map((o) => [o.value]), spec.options.map((o) => o.value)];
  }
}

function scoreOf(q: Question, perspective: Perspective, value: AnswerValue, version: Framework): number {
  const scored = scoreAssessment(version, { [q.key]: value }, perspective);
  return scored.questions.find((s) => s.key === q.key)?.score ?? 0;
}

/** The answer to one question that scores highest ("best") or lowest ("worst"). */
export function extremeAnswer(
  q: Question,
  perspective: Perspective,
  which: "best" | "worst",
  version: Framework = framework,
): AnswerValue {
  let chosen: AnswerValue | undefined;
  let chosenScore = which === "best" ? -1 : 101;
  for (const value of candidates(q)) {
    const score = scoreOf(q, perspective, value, version);
    if (which === "best" ? score > chosenScore : score < chosenScore) {
      chosen = value;
      chosenScore = score;
    }
  }
  if (chosen === undefined) throw new Error(`no answer for ${q.key}`);
  return chosen;
}

/** Every question of a perspective answered best or worst, then `overrides` on top. */
export function answersAt(
  perspective: Perspective,
  which: "best" | "worst",
  overrides: Answers = {},
  version: Framework = framework,
): Answers {
  return {
    ...Object.fromEntries(
      questionsFor(version, perspective).map((q) => [q.key, extremeAnswer(q, perspective, which, version)]),
    ),
    ...overrides,
  };
}

/** The keys of one principle's questions for a perspective. */
export function principleKeys(principle: string, perspective: Perspective): string[] {
  return (framework.principles.find((p) => p.key === principle)?.questions ?? [])
    .filter((q) => q.perspective === perspective)
    .map((q) => q.key);
}

/** One page as the questionnaire posts it: every question given its first answer (10 for a number). */
export function firstAnswers(questions: readonly Question[]): Map<string, PageAnswer> {
  return new Map(
    questions.map((q) => {
      const spec = q.answer;
      const value: AnswerValue =
        spec.type === "number"
          ? 10
          : spec.type === "scale"
            ? spec.scale === "agreement"
              ? "agree"
              : "some-extent"
            : spec.type === "yes-partly-no"
              ? "yes"
              : spec.type === "multiple"
                ? [spec.options[0]?.value ?? ""]
                : (spec.options[0]?.value ?? "");
      return [q.key, { value, evidence: null }];
    }),
  );
}

/** One principle's answers for a perspective, taken from a whole questionnaire of them. */
export function principleAnswers(principle: string, perspective: Perspective, from: Answers): Answers {
  return Object.fromEntries(
    principleKeys(principle, perspective).flatMap((k) => (from[k] === undefined ? [] : [[k, from[k]]])),
  );
}
