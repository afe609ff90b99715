import { type Framework, type PrincipleKey, questionsFor } from "../framework";
import { BANDS, type Band, bandOf, round1 } from "./numbers";
import type { FrameworkInfo } from "./types";

/**
 * Partners' figures as reports show them, and how one released scope becomes them.
 */

/** Too few partners to show: deliberately carries no numbers at all, not even how many answered. */
export interface Suppressed {
  readonly suppressed: true;
}

export type MeasureKey = PrincipleKey | "overall";

export interface MeasureSummary {
  readonly key: MeasureKey;
  readonly suppressed: false;
  /**
   * Ratings with a score for this measure (a principle with insufficient evidence is not counted);
   * null when a released mean is shown without its spread (docs/decisions/0011).
   */
  readonly n: number | null;
  readonly mean: number;
  /** Null when the spread of partners' own scores is not released. */
  readonly median: number | null;
  /** The band of the mean. */
  readonly band: Band;
  /** How many ratings fall in each band; null when the spread is not released. */
  readonly distribution: Readonly<Record<Band, number>> | null;
}
export type MeasureResult = MeasureSummary | (Suppressed & { readonly key: MeasureKey });

export interface QuestionSummary {
  readonly key: string;
  readonly pairKey: string | null;
  readonly principle: PrincipleKey;
  readonly suppressed: false;
  /** Ratings with a real answer to this question. */
  readonly n: number;
  /** Mean question score; null for an unscored question. */
  readonly mean: number | null;
  /** How many answers raise the question's red flag; null when it has none. */
  readonly flagged: number | null;
  /** flagged / n as a percentage; null when the question has no red flag. */
  readonly flaggedShare: number | null;
}
export type QuestionResult =
  | QuestionSummary
  | (Suppressed & {
      readonly key: string;
      readonly pairKey: string | null;
      readonly principle: PrincipleKey;
    });

export interface AggregateSummary {
  readonly suppressed: false;
  readonly framework: FrameworkInfo;
  /** The threshold applied. */
  readonly minPartners: number;
  readonly ratings: number;
  readonly respondents: number;
  /** Each partner's overall score, summarised. */
  readonly overall: MeasureResult;
  /** In framework order. */
  readonly principles: readonly MeasureResult[];
  /** Every question of the partners' questionnaire, in framework order. */
  readonly questions: readonly QuestionResult[];
}
export type Aggregate = AggregateSummary | Suppressed;

/**
 * One released scope's figures (lib/services/releases.ts, `releasedScopes`) as an
 * {@link Aggregate}, so reports compare, benchmark and chart released figures with the library's
 * own functions. Nothing is computed from answers here: every value is a stored figure the reader
 * may read, or a principle or overall mean derived from them for the reader's view. A figure the
 * release hid, or the reader may not read, is suppressed, exactly like one nobody answered.
 */

export interface ReleasedScopeFigures {
  partners: number;
  ratings: number;
  figures: readonly (
    | { kind: "question"; key: string; ratings: number; mean: number }
    | { kind: "flag"; key: string; ratings: number; raised: number }
    | { kind: "spread"; key: string; ratings: number; median: number; bands: Record<Band, number> }
  )[];
  /** Principle and overall means derived for the reader's view ("overall" or a principle key). */
  derived: readonly { measure: string; mean: number }[];
}

/** The framework's own threshold, never below 3: the floor of every programme's setting. */
export const minimumFor = (framework: Framework) => Math.max(3, framework.minPartners);

const OVERALL_KEY = "overall";

type QuestionBase = { key: string; pairKey: string | null; principle: PrincipleKey };
const questionsOf = new WeakMap<Framework, { base: QuestionBase; hidden: QuestionResult }[]>();

/**
 * The partners' questions with their principles, worked out once per framework: a programme report
 * turns thousands of scopes into aggregates, and finding each question's principle every time was
 * most of its work. A question with no figure is the same frozen result every time.
 */
function partnerQuestions(framework: Framework) {
  let list = questionsOf.get(framework);
  if (!list) {
    list = questionsFor(framework, "subcontractor").map((q) => {
      const principle = framework.principles.find((p) => p.questions.includes(q))?.key;
      if (!principle) throw new Error(`question ${q.key} has no principle`);
      const base = { key: q.key, pairKey: q.pairKey ?? null, principle };
      return { base, hidden: Object.freeze({ ...base, suppressed: true as const }) };
    });
    questionsOf.set(framework, list);
  }
  return list;
}

const hiddenOf = new WeakMap<Framework, readonly QuestionResult[]>();

function hiddenQuestions(framework: Framework): QuestionResult[] {
  let list = hiddenOf.get(framework);
  if (!list) {
    list = Object.freeze(partnerQuestions(framework).map((q) => q.hidden));
    hiddenOf.set(framework, list);
  }
  // Callers read aggregates and never change them; the type says mutable only because Aggregate does.
  return list as QuestionResult[];
}

export function aggregateOfRelease(framework: Framework, scope: ReleasedScopeFigures | undefined): Aggregate {
  if (!scope) return { suppressed: true };
  const question = new Map<string, { ratings: number; mean: number }>();
  const flag = new Map<string, { ratings: number; raised: number }>();
  const spread = new Map<string, { ratings: number; median: number; bands: Record<Band, number> }>();
  for (const f of scope.figures) {
    if (f.kind === "question") question.set(f.key, f);
    else if (f.kind === "flag") flag.set(f.key, f);
    else spread.set(f.key, f);
  }
  const derived = new Map(scope.derived.map((d) => [d.measure, d.mean]));
  const measure = (key: MeasureKey, stored: string): MeasureResult => {
    const mean = derived.get(stored);
    if (mean === undefined) return { key, suppressed: true };
    const s = spread.get(stored);
    return {
      key,
      suppressed: false,
      n: s?.ratings ?? null,
      mean,
      median: s?.median ?? null,
      band: bandOf(mean),
      distribution: s
        ? (Object.fromEntries(BANDS.map((b) => [b, s.bands[b]])) as Record<Band, number>)
        : null,
    };
  };
  // Without question figures (a programme's thousands of rows read means only) every question is
  // the same hidden result: one shared list instead of one per scope.
  const questions =
    scope.figures.length === 0
      ? hiddenQuestions(framework)
      : partnerQuestions(framework).map(({ base, hidden }): QuestionResult => {
          const mean = question.get(base.key);
          const raised = flag.get(base.key);
          if (!mean && !raised) return hidden;
          return {
            ...base,
            suppressed: false,
            n: (mean ?? raised)?.ratings ?? 0,
            mean: mean?.mean ?? null,
            flagged: raised ? raised.raised : null,
            flaggedShare: raised ? round1((raised.raised * 100) / raised.ratings) : null,
          };
        });
  return {
    suppressed: false,
    framework: { id: framework.id, version: framework.version, minPartners: framework.minPartners },
    minPartners: minimumFor(framework),
    ratings: scope.ratings,
    respondents: scope.partners,
    overall: measure("overall", OVERALL_KEY),
    principles: framework.principles.map((p) => measure(p.key, p.key)),
    questions,
  };
}
