import {
  type Answers,
  type AnswerValue,
  DONT_KNOW,
  framework,
  NOT_APPLICABLE,
  optionValues,
  type Perspective,
  type Question,
  questionsFor,
} from "@/lib/framework";
import { scoreAssessment } from "@/lib/scoring";

/**
 * Believable, deterministic answers for the demo. Each respondent has a "tendency" (how well the
 * prime treats partners, 0–1); every answer is the one whose score is nearest that tendency plus a
 * little seeded noise, with a few "Don't know"s. Primes see themselves more kindly than partners do,
 * which is what produces the blind spots the reports show.
 */

/** A small seeded generator (mulberry32), so the demo is the same on every machine. */
export function seededRandom(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = (Math.imul(state ^ char.charCodeAt(0), 2654435761) >>> 0) + 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function candidates(question: Question): AnswerValue[] {
  const spec = question.answer;
  if (spec.type === "number") {
    const steps = question.scoring?.rule === "thresholds" ? question.scoring.steps.map((s) => s.upTo) : [];
    const values = [
      ...steps,
      ...steps.map((s) => s + (spec.integer ? 5 : 2.5)),
      spec.min,
      (spec.min + spec.max) / 2,
    ];
    return [
      ...new Set(values.map((v) => Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(v) : v)))),
    ];
  }
  const options = optionValues(spec) ?? [];
  if (spec.type === "multiple") return options.map((_, i) => options.slice(0, i + 1));
  return [...options];
}

function scoreOf(question: Question, perspective: Perspective, value: AnswerValue): number | null {
  return (
    scoreAssessment(framework, { [question.key]: value }, perspective).questions.find(
      (q) => q.key === question.key,
    )?.score ?? null
  );
}

export function demoAnswers(
  perspective: Perspective,
  tendency: number,
  seed: string,
  overrides: Answers = {},
): Answers {
  const random = seededRandom(seed);
  const answers: Record<string, AnswerValue> = {};
  for (const question of questionsFor(framework, perspective)) {
    const roll = random();
    if (question.answer.allowDontKnow && roll < 0.06) {
      answers[question.key] = DONT_KNOW;
      continue;
    }
    if (question.answer.allowNotApplicable && roll > 0.98) {
      answers[question.key] = NOT_APPLICABLE;
      continue;
    }
    const target = Math.min(100, Math.max(0, (tendency + (random() - 0.5) * 0.35) * 100));
    const options = candidates(question);
    let best = options[0] as AnswerValue;
    let bestDistance = Number.POSITIVE_INFINITY;
    options.forEach((value, index) => {
      const score = scoreOf(question, perspective, value) ?? (index / Math.max(1, options.length - 1)) * 100;
      const distance = Math.abs(score - target);
      if (distance < bestDistance) {
        best = value;
        bestDistance = distance;
      }
    });
    answers[question.key] = best;
  }
  return { ...answers, ...overrides };
}

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A reference in the questionnaire's own format, derived from a seed so the demo never changes. */
export function demoReference(seed: string): string {
  const random = seededRandom(`reference/${seed}`);
  const part = () =>
    Array.from({ length: 4 }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join("");
  return `CW-${part()}-${part()}`;
}
