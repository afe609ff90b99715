import type { Framework, Perspective, PrincipleKey, Question } from "./schema";

/** Every question one perspective answers, in framework order. */
export function questionsFor(framework: Framework, perspective: Perspective): Question[] {
  return framework.principles.flatMap((p) => p.questions.filter((q) => q.perspective === perspective));
}

/** One principle's questions for one perspective, in framework order. */
export function principleQuestions(
  framework: Framework,
  principleKey: PrincipleKey,
  perspective: Perspective,
): Question[] {
  const principle = framework.principles.find((p) => p.key === principleKey);
  if (!principle) throw new Error(`Framework "${framework.id}" has no principle "${principleKey}"`);
  return principle.questions.filter((q) => q.perspective === perspective);
}

/** The question with this key, or undefined (for example an answer stored under a retired key). */
export function findQuestion(framework: Framework, key: string): Question | undefined {
  for (const principle of framework.principles) {
    const question = principle.questions.find((q) => q.key === key);
    if (question) return question;
  }
  return undefined;
}

/** The key of the principle a question belongs to, or undefined if no question has this key. */
export function principleOf(framework: Framework, questionKey: string): PrincipleKey | undefined {
  return framework.principles.find((p) => p.questions.some((q) => q.key === questionKey))?.key;
}

export interface QuestionPair {
  pairKey: string;
  principle: PrincipleKey;
  subcontractor: Question;
  prime: Question;
}

/**
 * The same commitment asked of both sides, in framework order. `parseFramework` guarantees every
 * pair has exactly one question per perspective within one principle.
 */
export function pairedQuestions(framework: Framework): QuestionPair[] {
  const pairs: QuestionPair[] = [];
  for (const principle of framework.principles) {
    const seen = new Set<string>();
    for (const question of principle.questions) {
      const pairKey = question.pairKey;
      if (!pairKey || seen.has(pairKey)) continue;
      seen.add(pairKey);
      const members = principle.questions.filter((q) => q.pairKey === pairKey);
      const subcontractor = members.find((q) => q.perspective === "subcontractor");
      const prime = members.find((q) => q.perspective === "prime");
      if (subcontractor && prime) pairs.push({ pairKey, principle: principle.key, subcontractor, prime });
    }
  }
  return pairs;
}
