import { type Framework, questionsFor } from "@/lib/framework";
import {
  type Aggregate,
  BANDS,
  bandOf,
  type MeasureKey,
  type MeasureResult,
  type QuestionResult,
  round1,
} from "@/lib/scoring";
import { OVERALL } from "./stored-scores";

/**
 * Turns the database's grouped figures for one group (see lib/services/report-figures.ts) into the
 * scoring library's Aggregate, so reports compare, benchmark and chart them with the library's own
 * functions. The arithmetic is the library's: means and medians from whole tenths, rounded once.
 */

export interface MeasureFigures {
  measure: string;
  n: number;
  totalTenths: number;
  medianTenths: number;
  strong: number;
  good: number;
  developing: number;
  concern: number;
}

export interface QuestionFigures {
  questionKey: string;
  n: number;
  scored: number;
  totalTenths: number;
  flagged: number;
}

export interface GroupFigures {
  /** Partners with a submitted rating. */
  submitted: number;
  measures: readonly MeasureFigures[];
  questions: readonly QuestionFigures[];
}

/** The threshold a framework asks for, never below 3. */
export const minimumFor = (framework: Framework) => Math.max(3, framework.minResponses);

function measure(key: MeasureKey, row: MeasureFigures | undefined, k: number): MeasureResult {
  if (!row || row.n < k) return { key, suppressed: true };
  const mean = round1(row.totalTenths / (10 * row.n));
  return {
    key,
    suppressed: false,
    n: row.n,
    mean,
    median: round1(row.medianTenths / 10),
    band: bandOf(mean),
    distribution: Object.fromEntries(BANDS.map((band) => [band, row[band]])) as Record<
      (typeof BANDS)[number],
      number
    >,
  };
}

export function aggregateFromRows(framework: Framework, group: GroupFigures | undefined): Aggregate {
  const k = minimumFor(framework);
  if (!group || group.submitted < k) return { suppressed: true };
  const byMeasure = new Map(group.measures.map((m) => [m.measure, m]));
  const byQuestion = new Map(group.questions.map((q) => [q.questionKey, q]));
  const questions = questionsFor(framework, "subcontractor").map((q): QuestionResult => {
    const principle = framework.principles.find((p) => p.questions.includes(q))?.key;
    if (!principle) throw new Error(`question ${q.key} has no principle`);
    const base = { key: q.key, pairKey: q.pairKey ?? null, principle };
    const row = byQuestion.get(q.key);
    if (!row || row.n < k) return { ...base, suppressed: true };
    const hasFlag = q.redFlag !== undefined;
    return {
      ...base,
      suppressed: false,
      n: row.n,
      mean: q.scoring && row.scored > 0 ? round1(row.totalTenths / (10 * row.scored)) : null,
      flagged: hasFlag ? row.flagged : null,
      flaggedShare: hasFlag ? round1((row.flagged * 100) / row.n) : null,
    };
  });
  const released = Math.floor(group.submitted / k) * k;
  return {
    suppressed: false,
    framework: { id: framework.id, version: framework.version, minResponses: framework.minResponses },
    minResponses: k,
    ratings: released,
    respondents: released,
    overall: measure("overall", byMeasure.get(OVERALL), k),
    principles: framework.principles.map((p) => measure(p.key, byMeasure.get(p.key), k)),
    questions,
  };
}
