/**
 * Chainwise scoring and comparison: pure TypeScript, no I/O. The method here is the method the
 * "How scoring works" page explains; lib/scoring/README.md lists every rule in one sentence each.
 *
 * - {@link scoreAssessment}: one assessment → question, principle and overall scores, coverage,
 *   bands and red flags.
 * - `release/` ({@link computeRelease}): partners' figures, published once per period, pooled and
 *   checked so that no group of ratings a reader can isolate is below the threshold
 *   (docs/decisions/0011); {@link aggregateOfRelease} turns one released scope into the
 *   {@link Aggregate} reports show.
 * - {@link compareViews}: a prime's self-assessment beside its partners' aggregate.
 * - {@link benchmark}: primes ranked per principle within a contract or programme.
 * - {@link trend}: change across cycles over questions unchanged between framework versions.
 *
 * Every figure has one decimal ({@link round1}: halves away from zero) and every list has a fixed
 * order, so the same inputs give the same output in any order.
 *
 * @packageDocumentation
 */

export {
  type BenchmarkEntry,
  benchmark,
  benchmarkScores,
  MEASURE_KEYS,
  type MeasureBenchmark,
  type Ranked,
} from "./benchmark";
export {
  compareViews,
  GAP_THRESHOLD,
  type Gap,
  type MeasureGap,
  type PairGap,
  type View,
  type ViewComparison,
} from "./compare";
export { type CompiledFramework, compileFramework } from "./compile";
export { BAND_LABELS, BANDS, type Band, bandOf, compareIds, round1, ScoringError } from "./numbers";
export { computeRelease } from "./release";
export {
  type Aggregate,
  type AggregateSummary,
  aggregateOfRelease,
  type MeasureKey,
  type MeasureResult,
  type MeasureSummary,
  minimumFor,
  type QuestionResult,
  type QuestionSummary,
  type ReleasedScopeFigures,
  type Suppressed,
} from "./released";
export { scoreAssessment } from "./score";
export {
  type Change,
  type LeftOutReason,
  questionScores,
  type TrendCycle,
  type TrendStep,
  trend,
} from "./trend";
export type {
  AnswerStatus,
  FrameworkInfo,
  PrincipleScore,
  QuestionScore,
  RaisedFlag,
  ScoredAssessment,
} from "./types";
