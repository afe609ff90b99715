import { PRINCIPLE_KEYS } from "../framework";
import { compareIds, round1, ScoringError, toTenths } from "./numbers";
import type { Aggregate, MeasureKey } from "./released";
import type { ScoredAssessment } from "./types";

/** One prime's scores within a contract or programme. A missing or null score leaves the prime unranked there. */
export interface BenchmarkEntry {
  readonly id: string;
  /**
   * Whose entry it is, when one prime has several (a programme ranks each contract's prime): its
   * other entries are not counted as other primes in its rank or percentile. Default: the id.
   */
  readonly group?: string;
  readonly scores: Readonly<Partial<Record<MeasureKey, number | null>>>;
}

export interface Ranked {
  readonly id: string;
  readonly score: number;
  /**
   * Competition ranking: one more than the other primes' entries scoring higher, so equal scores
   * share a rank and the next rank is skipped (1, 2, 2, 4). A prime's own other entries never count.
   */
  readonly rank: number;
  /**
   * The share of the other primes' ranked entries scoring strictly lower, 0–100, one decimal: 100
   * is ahead of everyone, 0 is ahead of no one. Null when no other prime is ranked.
   */
  readonly percentile: number | null;
}

export interface MeasureBenchmark {
  readonly key: MeasureKey;
  /** Highest score first; equal scores in id order. */
  readonly ranked: readonly Ranked[];
  /** Primes with no score for this measure, in id order. */
  readonly unranked: readonly string[];
}

export const MEASURE_KEYS: readonly MeasureKey[] = [...PRINCIPLE_KEYS, "overall"];

/**
 * Ranks primes against each other for each principle and overall. Scores compare as shown (one
 * decimal), so primes showing the same figure share a rank. Every measure is listed, in framework
 * principle order then overall, whether or not anyone has a score for it.
 *
 * Throws a ScoringError for a repeated id or a score outside 0–100.
 */
export function benchmark(entries: readonly BenchmarkEntry[]): MeasureBenchmark[] {
  const ids = new Set<string>();
  for (const { id, scores } of entries) {
    if (ids.has(id)) throw new ScoringError(`prime "${id}" is listed twice`);
    ids.add(id);
    for (const [key, score] of Object.entries(scores)) {
      if (score !== null && score !== undefined && !(score >= 0 && score <= 100)) {
        throw new ScoringError(`prime "${id}" has ${key} score ${score}; scores run from 0 to 100`);
      }
    }
  }
  const byId = [...entries].sort((a, b) => compareIds(a.id, b.id));
  return MEASURE_KEYS.map((key) => {
    const scored = byId.flatMap(({ id, group, scores }) => {
      const score = scores[key];
      return score === null || score === undefined
        ? []
        : [{ id, group: group ?? id, tenths: toTenths(score) }];
    });
    // Stable sort: equal scores keep id order.
    scored.sort((a, b) => b.tenths - a.tenths);
    // Counted in one pass over the sorted list, for everyone and for each prime's own entries: a
    // national programme ranks thousands of entries on every page view, and counting the higher and
    // lower scores for each entry was quadratic.
    const all = tieRuns(scored);
    const own = new Map<string, TieRuns>();
    for (const [group, list] of groupBy(scored)) own.set(group, tieRuns(list));
    const ranked = scored.map(({ id, group, tenths }) => {
      const mine = own.get(group) ?? all;
      const others = all.count - mine.count;
      const higher = all.higher(tenths) - mine.higher(tenths);
      const lower = all.lower(tenths) - mine.lower(tenths);
      return {
        id,
        score: tenths / 10,
        rank: higher + 1,
        percentile: others > 0 ? round1((lower * 100) / others) : null,
      };
    });
    const unranked = byId
      .filter(({ scores }) => scores[key] === null || scores[key] === undefined)
      .map((e) => e.id);
    return { key, ranked, unranked };
  });
}

interface TieRuns {
  readonly count: number;
  /** How many scores are above / below this one. */
  higher(tenths: number): number;
  lower(tenths: number): number;
}

/** Where each score's run of ties starts and ends in a list sorted highest first. */
function tieRuns(sorted: readonly { tenths: number }[]): TieRuns {
  // Most primes have one entry in a programme: nothing of their own above or below it, and no maps
  // to build for each of thousands of them on every page view.
  if (sorted.length === 1) return ALONE;
  const firstAt = new Map<number, number>();
  const lastAt = new Map<number, number>();
  sorted.forEach(({ tenths }, i) => {
    if (!firstAt.has(tenths)) firstAt.set(tenths, i);
    lastAt.set(tenths, i);
  });
  return {
    count: sorted.length,
    higher: (tenths) => firstAt.get(tenths) ?? 0,
    lower: (tenths) => sorted.length - 1 - (lastAt.get(tenths) ?? sorted.length - 1),
  };
}

const ALONE: TieRuns = { count: 1, higher: () => 0, lower: () => 0 };

function groupBy<T extends { group: string }>(list: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(item.group);
    if (group) group.push(item);
    else groups.set(item.group, [item]);
  }
  return groups;
}

/**
 * The figures to benchmark from a self-assessment (its scores) or a partners' aggregate (the
 * shown means; suppressed figures give null, so a prime is never ranked on a hidden figure).
 */
export function benchmarkScores(
  result: ScoredAssessment | Aggregate,
): Partial<Record<MeasureKey, number | null>> {
  if ("perspective" in result) {
    return Object.fromEntries([
      ...result.principles.map((p) => [p.key, p.score] as const),
      ["overall", result.score] as const,
    ]);
  }
  if (result.suppressed) return {};
  return Object.fromEntries(
    [...result.principles, result.overall].map((m) => [m.key, m.suppressed ? null : m.mean] as const),
  );
}
