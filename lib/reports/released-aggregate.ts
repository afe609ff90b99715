import { type Framework, questionsFor } from "@/lib/framework";
import {
  type Aggregate,
  BANDS,
  type Band,
  bandOf,
  type MeasureKey,
  type MeasureResult,
  type QuestionResult,
  round1,
} from "@/lib/scoring";

/**
 * One released scope's figures (lib/services/releases.ts, `releasedScopes`) as the scoring
 * library's Aggregate, so reports compare, benchmark and chart released figures with the library's
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
export const minimumFor = (framework: Framework) => Math.max(3, framework.minResponses);

const OVERALL_KEY = "overall";

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
  const questions = questionsFor(framework, "subcontractor").map((q): QuestionResult => {
    const principle = framework.principles.find((p) => p.questions.includes(q))?.key;
    if (!principle) throw new Error(`question ${q.key} has no principle`);
    const base = { key: q.key, pairKey: q.pairKey ?? null, principle };
    const mean = question.get(q.key);
    const raised = flag.get(q.key);
    if (!mean && !raised) return { ...base, suppressed: true };
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
    framework: { id: framework.id, version: framework.version, minResponses: framework.minResponses },
    minResponses: minimumFor(framework),
    ratings: scope.ratings,
    respondents: scope.partners,
    overall: measure("overall", OVERALL_KEY),
    principles: framework.principles.map((p) => measure(p.key, p.key)),
    questions,
  };
}
