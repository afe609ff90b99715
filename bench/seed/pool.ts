import { type Answers, framework, type Perspective, principleQuestions } from "@/lib/framework";
import { type StoredScore, storedScores } from "@/lib/reports/stored-scores";
import { scoreAssessment } from "@/lib/scoring";
import { demoAnswers, seededRandom } from "@/prisma/demo-answers";

/**
 * A pool of answer sets, scored once with lib/scoring exactly as the app scores them, and reused by
 * every synthetic assessment: scoring 200,000 questionnaires would take longer than loading them.
 * Sets are spread over how well the prime treats its partners ("tendency", 0–1), so primes differ
 * in the reports as they would in life.
 */

export const TENDENCY_STEPS = 32;
export const SETS_PER_STEP = 8;

export interface PoolAnswer {
  questionKey: string;
  /** The stored JSON value, as text. */
  value: string;
  score: number | null;
  principleKey: string;
  flagged: boolean;
  evidence: string | null;
}

export interface PoolSet {
  id: number;
  perspective: Perspective;
  /** A draft's answers: only the first principles, as saved page by page so far. */
  draft: boolean;
  answers: PoolAnswer[];
  /** What submit stores in AssessmentScore; empty for drafts, which have none. */
  scores: StoredScore[];
}

const NOTES = [
  "Payment came within a fortnight of every invoice.",
  "Invoices waited more than six weeks, twice this year.",
  "Targets changed mid-year without any discussion.",
  "The prime shared referral data every month.",
  "We were named in the bid but have had no referrals.",
  "Training was offered to our volunteers at no cost.",
  "Penalties were passed down in full.",
  "The prime asked us before changing the service model.",
];

/**
 * The answer facts the questionnaire stores with each answer (lib/services/assessments.ts): its
 * principle, score and red flag from scoreAssessment over the answers given.
 */
function storedAnswers(perspective: Perspective, answers: Answers, seed: string): PoolAnswer[] {
  const random = seededRandom(`notes/${seed}`);
  const scored = scoreAssessment(framework, answers, perspective);
  return scored.questions
    .filter((q) => answers[q.key] !== undefined)
    .map((q) => ({
      questionKey: q.key,
      value: JSON.stringify(answers[q.key]),
      score: q.score,
      principleKey: q.principle,
      flagged: q.flagged === true,
      // About one answer in twenty carries an evidence note.
      evidence: random() < 0.05 ? (NOTES[Math.floor(random() * NOTES.length)] as string) : null,
    }));
}

export interface Pool {
  sets: PoolSet[];
  /** A set for this perspective and tendency; `pick` in [0, 1) chooses among its neighbours. */
  choose(perspective: Perspective, tendency: number, pick: number, draft?: boolean): PoolSet;
}

export function buildPool(): Pool {
  const sets: PoolSet[] = [];
  const index = new Map<string, PoolSet[]>();
  const add = (set: Omit<PoolSet, "id">) => {
    const full = { ...set, id: sets.length };
    sets.push(full);
    return full;
  };
  for (const perspective of ["subcontractor", "prime"] as const) {
    const draftKeys = new Set(
      framework.principles
        .slice(0, 2)
        .flatMap((p) => principleQuestions(framework, p.key, perspective).map((q) => q.key)),
    );
    for (let step = 0; step < TENDENCY_STEPS; step++) {
      const full: PoolSet[] = [];
      const drafts: PoolSet[] = [];
      for (let n = 0; n < SETS_PER_STEP; n++) {
        const seed = `bench/${perspective}/${step}/${n}`;
        const answers = demoAnswers(perspective, step / (TENDENCY_STEPS - 1), seed);
        full.push(
          add({
            perspective,
            draft: false,
            answers: storedAnswers(perspective, answers, seed),
            scores: storedScores(scoreAssessment(framework, answers, perspective)),
          }),
        );
        const partial = Object.fromEntries(Object.entries(answers).filter(([key]) => draftKeys.has(key)));
        drafts.push(
          add({ perspective, draft: true, answers: storedAnswers(perspective, partial, seed), scores: [] }),
        );
      }
      index.set(`${perspective}/${step}/full`, full);
      index.set(`${perspective}/${step}/draft`, drafts);
    }
  }
  return {
    sets,
    choose(perspective, tendency, pick, draft = false) {
      const step = Math.round(Math.min(1, Math.max(0, tendency)) * (TENDENCY_STEPS - 1));
      const choices = index.get(`${perspective}/${step}/${draft ? "draft" : "full"}`) ?? [];
      const set = choices[Math.floor(pick * choices.length)];
      if (!set) throw new Error(`no pool set for ${perspective} at ${tendency}`);
      return set;
    },
  };
}
