/**
 * Chainwise scoring and comparison: pure TypeScript, no I/O. The method here is the method the
 * "How scoring works" page explains; lib/scoring/README.md lists every rule in one sentence each.
 *
 * - {@link scoreAssessment}: one assessment → question, principle and overall scores, coverage,
 *   bands and red flags.
 * - {@link aggregateRatings} / {@link aggregateGroups}: partners' ratings of a prime → n, mean,
 *   median and distribution, with anonymity thresholds and the differencing guard
 *   ({@link guardDifferencing}).
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
  type Aggregate,
  type AggregateOptions,
  type AggregateSummary,
  aggregateRatings,
  type MeasureKey,
  type MeasureResult,
  type MeasureSummary,
  type PartnerRating,
  type QuestionResult,
  type QuestionSummary,
  type Suppressed,
} from "./aggregate";
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
export {
  aggregateGroups,
  compareIds,
  type GroupAggregate,
  guardDifferencing,
  type RatingGroup,
} from "./differencing";
export { BAND_LABELS, BANDS, type Band, bandOf, round1, ScoringError } from "./numbers";
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
