import {
  DONT_KNOW,
  type Framework,
  NOT_APPLICABLE,
  type Perspective,
  type PrincipleKey,
  type Question,
  SCALES,
} from "../framework";
import { round1, ScoringError } from "./numbers";
import type { AnswerStatus, FrameworkInfo, QuestionScore, RaisedFlag } from "./types";

// Answer shapes, as small integers so the scoring loop branches on a number.
export const CHOICE = 0;
export const NUMBER = 1;
export const MULTIPLE = 2;

export const ANSWERED = 0;
export const DONT_KNOW_ANSWER = 1;
export const NOT_APPLICABLE_ANSWER = 2;

/** A possible text answer to one question, worked out once: its exact score and its shared result. */
export interface CompiledAnswer {
  readonly kind: typeof ANSWERED | typeof DONT_KNOW_ANSWER | typeof NOT_APPLICABLE_ANSWER;
  /** Exact 0–100 (0 when unscored or not a real answer). */
  readonly score: number;
  readonly result: QuestionScore;
  /** The flag this answer raises, or null. */
  readonly raised: RaisedFlag | null;
}

export interface CompiledQuestion {
  readonly key: string;
  readonly pairKey: string | null;
  readonly principle: PrincipleKey;
  readonly weight: number;
  readonly scored: boolean;
  readonly shape: typeof CHOICE | typeof NUMBER | typeof MULTIPLE;
  /** Every text answer the question accepts: its options (single answers only) and the two non-answers. */
  readonly answers: ReadonlyMap<string, CompiledAnswer>;
  readonly unanswered: QuestionScore;
  /** For multiple choice: option → score (0 when unscored). */
  readonly checklist: ReadonlyMap<string, number> | null;
  /** For numbers, the answers the question allows: at least `min`, at most `max`, whole when `integer`. */
  readonly range: { readonly min: number; readonly max: number; readonly integer: boolean } | null;
  /** Threshold steps, for numbers: the first `upTo` at least the answer gives the score. */
  readonly upTo: readonly number[];
  /** Per step, then for `otherwise`: [score, result if not flagged, result if flagged]. */
  readonly steps: readonly (readonly [number, QuestionScore, QuestionScore])[];
  readonly flag: {
    readonly raised: RaisedFlag;
    /** NaN when not that kind of condition: comparisons with NaN are false. */
    readonly above: number;
    readonly below: number;
    readonly anyOf: ReadonlySet<string> | null;
  } | null;
}

export interface PrinciplePlan {
  readonly key: PrincipleKey;
  readonly weight: number;
  /** Scored questions of this perspective. */
  readonly asked: number;
  readonly questions: readonly CompiledQuestion[];
}

/** One perspective's questionnaire, arranged so scoring is one pass over its questions. */
export interface ScoringPlan {
  readonly framework: FrameworkInfo;
  readonly perspective: Perspective;
  readonly principles: readonly PrinciplePlan[];
  /** In framework order: principle by principle, questions in the order written. */
  readonly questions: readonly CompiledQuestion[];
}

export type CompiledFramework = Readonly<Record<Perspective, ScoringPlan>>;

const cache = new WeakMap<Framework, CompiledFramework>();

/**
 * Works out, once per framework, everything about scoring that does not depend on the answers:
 * each question's score for every option, the results those answers produce, the flags they
 * raise. Cached per framework object, so scoring many assessments compiles it once; a parsed
 * framework is treated as immutable (change it by parsing a new one).
 */
export function compileFramework(framework: Framework): CompiledFramework {
  const cached = cache.get(framework);
  if (cached) return cached;
  const info: FrameworkInfo = Object.freeze({
    id: framework.id,
    version: framework.version,
    minPartners: framework.minPartners,
  });
  const compiled: CompiledFramework = {
    subcontractor: plan(framework, info, "subcontractor"),
    prime: plan(framework, info, "prime"),
  };
  cache.set(framework, compiled);
  return compiled;
}

function plan(framework: Framework, info: FrameworkInfo, perspective: Perspective): ScoringPlan {
  const principles = framework.principles.map((principle): PrinciplePlan => {
    const questions = principle.questions
      .filter((question) => question.perspective === perspective)
      .map((question) => compileQuestion(question, principle.key));
    const asked = questions.filter((question) => question.scored).length;
    return { key: principle.key, weight: principle.weight, asked, questions };
  });
  return { framework: info, perspective, principles, questions: principles.flatMap((p) => p.questions) };
}

function compileQuestion(q: Question, principle: PrincipleKey): CompiledQuestion {
  const spec = q.answer;
  const rule = q.scoring;
  const shape = spec.type === "number" ? NUMBER : spec.type === "multiple" ? MULTIPLE : CHOICE;
  if (rule && (shape === NUMBER) !== (rule.rule === "thresholds")) {
    // parseFramework refuses this already; a framework object built by hand might not have been through it.
    throw new ScoringError(`question "${q.key}": a "${rule.rule}" rule cannot score a "${spec.type}" answer`);
  }
  const result = (status: AnswerStatus, score: number | null, flagged: boolean | null): QuestionScore =>
    Object.freeze({ key: q.key, principle, pairKey: q.pairKey ?? null, status, score, flagged });
  const noFlag = q.redFlag ? false : null;
  const raised: RaisedFlag | null = q.redFlag
    ? Object.freeze({ kind: q.redFlag.kind, label: q.redFlag.label, question: q.key, principle })
    : null;
  const when = q.redFlag?.when;
  const anyOf = when && "anyOf" in when ? new Set(when.anyOf) : null;

  const answers = new Map<string, CompiledAnswer>([
    [
      DONT_KNOW,
      { kind: DONT_KNOW_ANSWER, score: 0, result: result("dont-know", null, noFlag), raised: null },
    ],
    [
      NOT_APPLICABLE,
      { kind: NOT_APPLICABLE_ANSWER, score: 0, result: result("not-applicable", null, noFlag), raised: null },
    ],
  ]);
  let checklist: Map<string, number> | null = null;
  if (spec.type !== "number") {
    const values =
      spec.type === "scale" || spec.type === "yes-partly-no"
        ? SCALES[spec.type === "scale" ? spec.scale : "yes-partly-no"].map((o) => o.value)
        : spec.options.map((o) => o.value);
    const last = values.length - 1;
    const scores = values.map((value, i) => {
      if (!rule || rule.rule === "thresholds") return 0;
      if (rule.rule === "scale") return ((rule.reverse ? last - i : i) * 100) / last;
      return rule.scores[value] ?? 0;
    });
    if (shape === MULTIPLE) checklist = new Map(values.map((value, i) => [value, scores[i] ?? 0]));
    else {
      values.forEach((value, i) => {
        const score = scores[i] ?? 0;
        const flagged = anyOf ? anyOf.has(value) : noFlag;
        answers.set(value, {
          kind: ANSWERED,
          score,
          result: result("answered", rule ? round1(score) : null, flagged),
          raised: flagged ? raised : null,
        });
      });
    }
  }

  // A number question without a rule still needs its answered results: one step, unscored.
  const thresholds = rule?.rule === "thresholds" ? rule : null;
  const stepScores = thresholds ? [...thresholds.steps.map((s) => s.score), thresholds.otherwise] : [0];
  return {
    key: q.key,
    pairKey: q.pairKey ?? null,
    principle,
    weight: q.weight,
    scored: rule !== undefined,
    shape,
    answers,
    range:
      spec.type === "number" ? Object.freeze({ min: spec.min, max: spec.max, integer: spec.integer }) : null,
    unanswered: result("unanswered", null, noFlag),
    checklist,
    upTo: thresholds ? thresholds.steps.map((s) => s.upTo) : [],
    steps: stepScores.map((score) => {
      const shown = thresholds ? round1(score) : null;
      return [score, result("answered", shown, noFlag), result("answered", shown, true)] as const;
    }),
    flag:
      raised && when
        ? {
            raised,
            above: "above" in when ? when.above : Number.NaN,
            below: "below" in when ? when.below : Number.NaN,
            anyOf,
          }
        : null,
  };
}
