import {
  type Answers,
  type AnswerValue,
  type Framework,
  type FrameworkInput,
  PERSPECTIVES,
  type Perspective,
  PRINCIPLE_KEYS,
  type PrincipleKey,
  parseFramework,
} from "../framework";
import { computeRelease, releaseRow, releaseStructure, type Thresholds } from "./release";
import { type Aggregate, aggregateOfRelease } from "./released";
import { scoreAssessment } from "./score";
import type { ScoredAssessment } from "./types";

/** One partner's scored rating of a prime. */
export interface PartnerRating {
  readonly id: string;
  /** The partner organisation: thresholds count partners, never ratings. */
  readonly respondent: string;
  readonly assessment: ScoredAssessment;
}

/**
 * Small frameworks for tests and benchmarks, built through parseFramework so they obey every rule
 * the shipped framework does. Not the shipped content: keys and wording are placeholders.
 */

export type QuestionInput = FrameworkInput["principles"][number]["questions"][number];
type Extra = Partial<QuestionInput>;

const base = (key: string, perspective: Perspective, extra: Extra) => ({
  key,
  perspective,
  text: `Question ${key}`,
  help: `Why ${key} matters`,
  ...extra,
});

/** Question builders. Each takes the key and perspective, and anything to override. */
export const q = {
  /** Agreement scale scored 0/25/50/75/100 (reversed with `reverse`). */
  agreement: (
    key: string,
    perspective: Perspective,
    extra: Extra & { reverse?: boolean } = {},
  ): QuestionInput => {
    const { reverse = false, ...rest } = extra;
    return base(key, perspective, {
      answer: { type: "scale", scale: "agreement" },
      scoring: { rule: "scale", reverse },
      ...rest,
    }) as QuestionInput;
  },
  /** Extent scale scored 0/33.3…/66.6…/100. */
  extent: (key: string, perspective: Perspective, extra: Extra = {}): QuestionInput =>
    base(key, perspective, {
      answer: { type: "scale", scale: "extent" },
      scoring: { rule: "scale" },
      ...extra,
    }) as QuestionInput,
  /** Yes / partly / no scored 100 / 50 / 0. */
  ypn: (key: string, perspective: Perspective, extra: Extra = {}): QuestionInput =>
    base(key, perspective, {
      answer: { type: "yes-partly-no" },
      scoring: { rule: "scale" },
      ...extra,
    }) as QuestionInput,
  /** Days from invoice to payment: ≤ 30 → 100, ≤ 60 → 50, more → 0; flags above 30. */
  days: (key: string, perspective: Perspective, extra: Extra = {}): QuestionInput =>
    base(key, perspective, {
      answer: { type: "number", unit: "days", min: 0, max: 365 },
      scoring: {
        rule: "thresholds",
        steps: [
          { upTo: 30, score: 100 },
          { upTo: 60, score: 50 },
        ],
        otherwise: 0,
      },
      redFlag: { kind: "late-payment", label: "Paid more than 30 days after invoice", when: { above: 30 } },
      ...extra,
    }) as QuestionInput,
  /** Single choice a/b/c with the given scores. */
  single: (key: string, perspective: Perspective, scores: Record<string, number>, extra: Extra = {}) =>
    base(key, perspective, {
      answer: { type: "single", options: Object.keys(scores).map((value) => ({ value, label: value })) },
      scoring: { rule: "options", scores },
      ...extra,
    }) as QuestionInput,
  /** Multiple choice over the given options; chosen scores are summed, capped at 100. */
  checklist: (key: string, perspective: Perspective, scores: Record<string, number>, extra: Extra = {}) =>
    base(key, perspective, {
      answer: { type: "multiple", options: Object.keys(scores).map((value) => ({ value, label: value })) },
      scoring: { rule: "checklist", scores },
      ...extra,
    }) as QuestionInput,
  /** A question that gives context only: no score. */
  context: (key: string, perspective: Perspective, extra: Extra = {}): QuestionInput =>
    base(key, perspective, { answer: { type: "yes-partly-no" }, ...extra }) as QuestionInput,
};

export interface FixtureSpec {
  id?: string;
  version?: string;
  minPartners?: number;
  weights?: Partial<Record<PrincipleKey, number>>;
  /**
   * A principle's questions. Each perspective is padded to the five questions parseFramework needs
   * with unscored context questions, which never count towards a score or coverage. Principles not
   * given get five paired agreement questions per perspective: `<principle>.s1`…`.s5` for the
   * subcontractor, `<principle>.p1`…`.p5` for the prime, paired as `<principle>.pair1`….
   */
  questions?: Partial<Record<PrincipleKey, QuestionInput[]>>;
}

export function defaultQuestions(principle: PrincipleKey): QuestionInput[] {
  return [1, 2, 3, 4, 5].flatMap((i) => [
    q.agreement(`${principle}.s${i}`, "subcontractor", { pairKey: `${principle}.pair${i}` }),
    q.agreement(`${principle}.p${i}`, "prime", { pairKey: `${principle}.pair${i}` }),
  ]);
}

export function buildFramework(spec: FixtureSpec = {}): Framework {
  const input: FrameworkInput = {
    id: spec.id ?? "fixture",
    version: spec.version ?? "1.0",
    title: "Fixture framework",
    source: { title: "Fixture", publisher: "Tests", url: "https://example.org/code", note: "Test data" },
    minPartners: spec.minPartners ?? 3,
    principles: PRINCIPLE_KEYS.map((key) => {
      const questions = [...(spec.questions?.[key] ?? defaultQuestions(key))];
      for (const perspective of PERSPECTIVES) {
        let count = questions.filter((question) => question.perspective === perspective).length;
        while (count < 5) questions.push(q.context(`${key}.${perspective}.context${++count}`, perspective));
      }
      return {
        key,
        title: `Principle ${key}`,
        commitment: `Commitment for ${key}`,
        draftCommitments: [`Draft commitment for ${key}`],
        weight: spec.weights?.[key] ?? 1,
        questions,
      };
    }),
  };
  return parseFramework(input);
}

/**
 * Every principle holds seven pairs whose subcontractor and prime questions are identical apart
 * from key, covering every answer type, every scoring rule and red flags, so the same answers can
 * be given from both sides (see `mirror`). Question weights default to 1, 2, 1, 1, 1, 1, 3.
 */
export function mirroredFramework(
  weights: { questions?: readonly number[]; principles?: Partial<Record<PrincipleKey, number>> } = {},
): Framework {
  const questions: Partial<Record<PrincipleKey, QuestionInput[]>> = {};
  const weight = (n: number) => weights.questions?.[n - 1] ?? [1, 2, 1, 1, 1, 1, 3][n - 1] ?? 1;
  for (const principle of PRINCIPLE_KEYS) {
    const make = (perspective: Perspective) => {
      const k = (n: number) => `${principle}.${perspective === "prime" ? "p" : "s"}${n}`;
      const pair = (n: number) => ({ pairKey: `${principle}.pair${n}`, weight: weight(n) });
      return [
        q.agreement(k(1), perspective, pair(1)),
        q.extent(k(2), perspective, pair(2)),
        q.ypn(k(3), perspective, {
          ...pair(3),
          redFlag: { kind: "risk-passed-down", label: "Risk passed down", when: { anyOf: ["no"] } },
        }),
        q.days(k(4), perspective, pair(4)),
        q.checklist(k(5), perspective, { a: 40, b: 40, c: 40 }, pair(5)),
        q.single(k(6), perspective, { low: 0, mid: 60, high: 100 }, pair(6)),
        q.agreement(k(7), perspective, { ...pair(7), reverse: true }),
      ];
    };
    questions[principle] = [...make("subcontractor"), ...make("prime")];
  }
  return buildFramework({ id: "mirrored", questions, weights: weights.principles });
}

/** Prime answers of a mirrored framework, re-keyed as the subcontractor's (`.p3` → `.s3`). */
export function mirror(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [key.replace(/\.p(\d)$/, ".s$1"), value]),
  );
}

/** Answers every question of a perspective with `pick(question key, principle)`; undefined leaves it blank. */
export function answerAll(
  framework: Framework,
  perspective: Perspective,
  pick: (key: string, principle: PrincipleKey) => AnswerValue | undefined,
): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const principle of framework.principles) {
    for (const question of principle.questions) {
      if (question.perspective !== perspective || !question.scoring) continue;
      const value = pick(question.key, principle.key);
      if (value !== undefined) answers[question.key] = value;
    }
  }
  return answers;
}

/** A partner's rating, scored. The respondent defaults to the rating's id. */
export function partner(framework: Framework, id: string, answers: Answers, respondent = id): PartnerRating {
  return { id, respondent, assessment: scoreAssessment(framework, answers, "subcontractor") };
}

/**
 * Partners' ratings of one prime on one contract, released as reports read them: computed by the
 * reference (`computeRelease`, at the given thresholds, the lowest allowed by default) and shown
 * for one reader's view. Everything in one period, with one commissioner.
 */
export function released(
  framework: Framework,
  ratings: readonly PartnerRating[],
  {
    thresholds = { score: 3, category: 3 },
    view = "commissioner",
  }: { thresholds?: Thresholds; view?: "prime" | "commissioner" } = {},
): Aggregate {
  const rows = ratings.map((r) =>
    releaseRow(
      {
        ratingId: r.id,
        respondentId: r.respondent,
        primeId: "prime",
        commissionerId: "council",
        contractId: "contract",
        cycleId: "cycle",
        period: "2026–27",
      },
      r.assessment,
    ),
  );
  const release = computeRelease({
    rows,
    structure: releaseStructure(framework),
    thresholds: new Map([["council", thresholds]]),
  });
  const scope = release.scopes.find((s) => s.scope.level === "contract");
  if (!scope) return { suppressed: true };
  return aggregateOfRelease(framework, {
    partners: scope.respondents,
    ratings: scope.ratingIds.length,
    figures: release.figures.filter(
      (f) => f.scopeId === scope.id && (view === "commissioner" || f.audience === "all"),
    ),
    derived: release.derived.filter((d) => d.scopeId === scope.id && d.view === view),
  });
}
