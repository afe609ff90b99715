import type { Answers, AnswerValue, Framework, Perspective } from "../framework";
import {
  ANSWERED,
  CHOICE,
  type CompiledQuestion,
  compileFramework,
  DONT_KNOW_ANSWER,
  MULTIPLE,
  NUMBER,
} from "./compile";
import { bandOf, round1, ScoringError } from "./numbers";
import type { PrincipleScore, QuestionScore, RaisedFlag, ScoredAssessment } from "./types";

/**
 * Scores one assessment from one perspective.
 *
 * - Each scored question gets 0–100 by its rule (`scale`, `options`, `thresholds`, `checklist`).
 * - A principle's score is the weighted mean of its answered scored questions. "Don't know",
 *   "Not applicable" and blanks are left out, never counted as 0.
 * - Coverage is answered / asked over the principle's scored questions; under 50% the principle is
 *   "insufficient-evidence" and has no score.
 * - Overall is the weighted mean (principle weights) of the principles that have a score.
 * - Red flags are listed separately and never change a score.
 *
 * Figures are computed at full precision and rounded once, to one decimal, by `round1`; the overall
 * score comes from the unrounded principle scores. Bands are read from the rounded figures.
 *
 * Only the given perspective's questions count; answers to other keys are ignored. Answers are
 * expected to have been checked against the framework already: one its question cannot take (an
 * unknown option, text for a number) throws a {@link ScoringError} rather than being guessed at.
 */
export function scoreAssessment(
  framework: Framework,
  answers: Answers,
  perspective: Perspective,
): ScoredAssessment {
  const plan = compileFramework(framework)[perspective];
  // Runs hundreds of thousands of times for reports: one pass, plain locals, and shared result
  // objects for every answer the plan could work out in advance.
  const questions: QuestionScore[] = [];
  const principles: PrincipleScore[] = [];
  let redFlags: RaisedFlag[] | null = null;
  let overallWeighted = 0;
  let overallWeight = 0;
  for (const principle of plan.principles) {
    let weighted = 0;
    let weights = 0;
    let answered = 0;
    let dontKnow = 0;
    let notApplicable = 0;
    for (const q of principle.questions) {
      const value = answers[q.key];
      let result: QuestionScore;
      let score = 0;
      let raised: RaisedFlag | null = null;
      if (value === undefined) {
        questions.push(q.unanswered);
        continue;
      }
      if (typeof value === "string") {
        const known = q.answers.get(value);
        if (known === undefined) throw misfit(q, value);
        if (known.kind !== ANSWERED) {
          if (q.scored) {
            if (known.kind === DONT_KNOW_ANSWER) dontKnow++;
            else notApplicable++;
          }
          questions.push(known.result);
          continue;
        }
        if (q.shape !== CHOICE) throw misfit(q, value);
        result = known.result;
        score = known.score;
        raised = known.raised;
      } else if (q.shape === NUMBER) {
        if (typeof value !== "number" || !Number.isFinite(value)) throw misfit(q, value);
        // The form refuses these; imports and backfills reach the library without it.
        const range = q.range;
        if (
          range &&
          (value < range.min || value > range.max || (range.integer && !Number.isInteger(value)))
        ) {
          throw outOfRange(q, value, range);
        }
        const upTo = q.upTo;
        let step = 0;
        while (step < upTo.length && value > (upTo[step] as number)) step++;
        const flag = q.flag;
        const flagged = flag !== null && (value > flag.above || value < flag.below);
        const [exact, plain, withFlag] = q.steps[step] as CompiledQuestion["steps"][number];
        score = exact;
        result = flagged ? withFlag : plain;
        if (flagged) raised = flag.raised;
      } else {
        if (q.shape !== MULTIPLE || !Array.isArray(value)) throw misfit(q, value);
        score = checklistScore(q, value);
        const anyOf = q.flag?.anyOf;
        const flagged =
          q.flag === null ? null : anyOf !== undefined && anyOf !== null && value.some((o) => anyOf.has(o));
        // Too many possible choices to work out in advance; the only result built per call.
        result = {
          key: q.key,
          principle: q.principle,
          pairKey: q.pairKey,
          status: "answered",
          score: q.scored ? round1(score) : null,
          flagged,
        };
        if (flagged) raised = q.flag?.raised ?? null;
      }
      if (q.scored) {
        weighted += score * q.weight;
        weights += q.weight;
        answered++;
      }
      if (raised !== null) {
        redFlags ??= [];
        redFlags.push(raised);
      }
      questions.push(result);
    }

    const asked = principle.asked;
    // Half or more of the scored questions answered; "under 50%" is insufficient.
    const sufficient = asked > 0 && answered * 2 >= asked;
    let score: number | null = null;
    if (sufficient) {
      const exact = weighted / weights;
      overallWeighted += exact * principle.weight;
      overallWeight += principle.weight;
      score = round1(exact);
    }
    principles.push({
      key: principle.key,
      status: sufficient ? "scored" : "insufficient-evidence",
      score,
      band: score === null ? null : bandOf(score),
      asked,
      answered,
      dontKnow,
      notApplicable,
      coverage: asked > 0 ? round1((answered * 100) / asked) : 0,
    });
  }
  const score = overallWeight > 0 ? round1(overallWeighted / overallWeight) : null;
  return {
    framework: plan.framework,
    perspective,
    score,
    band: score === null ? null : bandOf(score),
    principles,
    questions,
    redFlags: redFlags ?? [],
  };
}

/** The sum of the chosen options' scores, capped at 100; an option listed twice counts once. */
function checklistScore(q: CompiledQuestion, value: readonly string[]): number {
  let total = 0;
  const checklist = q.checklist as ReadonlyMap<string, number>;
  for (let i = 0; i < value.length; i++) {
    const option = value[i] as string;
    const score = checklist.get(option);
    if (score === undefined) throw misfit(q, value);
    let repeat = false;
    for (let j = 0; j < i; j++) if (value[j] === option) repeat = true;
    if (!repeat) total += score;
  }
  return total > 100 ? 100 : total;
}

function outOfRange(
  q: CompiledQuestion,
  value: number,
  range: NonNullable<CompiledQuestion["range"]>,
): ScoringError {
  const whole = range.integer ? "a whole number " : "a number ";
  return new ScoringError(
    `question "${q.key}" expects ${whole}from ${range.min} to ${range.max}, got ${value}`,
  );
}

function misfit(q: CompiledQuestion, value: AnswerValue): ScoringError {
  const shape =
    q.shape === CHOICE ? "one of its options" : q.shape === NUMBER ? "a number" : "a list of its options";
  return new ScoringError(`question "${q.key}" expects ${shape}, got ${JSON.stringify(value)}`);
}
