import { ScoringError, toTenths } from "../numbers";
import { isScored } from "./families";
import {
  DEFAULT_THRESHOLDS,
  MIN_THRESHOLD,
  type ReleaseInput,
  type ReleaseRow,
  type Thresholds,
} from "./types";

/**
 * Each commissioner's thresholds, checked: whole numbers, never below 3 nor the framework's own
 * threshold. The default is raised to that floor too.
 */
export function thresholdsFor(input: ReleaseInput): (commissionerId: string) => Thresholds {
  const floor = Math.max(MIN_THRESHOLD, input.structure.minPartners);
  const check = (owner: string, thresholds: Thresholds) => {
    for (const kind of ["score", "category"] as const) {
      const value = thresholds[kind];
      if (!Number.isInteger(value) || value < floor) {
        throw new RangeError(
          `${owner}'s ${kind} threshold must be a whole number of at least ${floor}, got ${value}`,
        );
      }
    }
  };
  for (const [commissionerId, thresholds] of input.thresholds ?? []) check(commissionerId, thresholds);
  const fallback: Thresholds = {
    score: Math.max(DEFAULT_THRESHOLDS.score, floor),
    category: Math.max(DEFAULT_THRESHOLDS.category, floor),
  };
  return (commissionerId) => input.thresholds?.get(commissionerId) ?? fallback;
}

/**
 * Refuses rows a release must never be computed from: a rating listed twice, a rating of a prime
 * by itself or by its commissioner, a contract under two commissioners or a cycle in two places,
 * and scores that are not stored one-decimal scores from 0 to 100.
 */
export function checkRows(rows: readonly ReleaseRow[], structure: ReleaseInput["structure"]): void {
  const ids = new Set<string>();
  const commissionerOf = new Map<string, string>();
  const placeOf = new Map<string, string>();
  const all = structure.principles.flatMap((p) => p.questions);
  const questions = new Set(all.filter(isScored).map((q) => q.key));
  const flaggable = new Set(all.map((q) => q.key));
  const measures = new Set(["overall", ...structure.principles.map((p) => p.key)]);
  for (const row of rows) {
    const what = `rating "${row.ratingId}"`;
    if (ids.has(row.ratingId)) throw new ScoringError(`${what} is listed twice`);
    ids.add(row.ratingId);
    if (row.respondentId === row.primeId || row.respondentId === row.commissionerId) {
      throw new ScoringError(`${what} was given by the prime or commissioner it is about`);
    }
    const commissioner = commissionerOf.get(row.contractId);
    if (commissioner !== undefined && commissioner !== row.commissionerId) {
      throw new ScoringError(`contract "${row.contractId}" is listed under two commissioners`);
    }
    commissionerOf.set(row.contractId, row.commissionerId);
    const place = JSON.stringify([row.contractId, row.period]);
    const seen = placeOf.get(row.cycleId);
    if (seen !== undefined && seen !== place) {
      throw new ScoringError(`cycle "${row.cycleId}" is listed on two contracts or in two periods`);
    }
    placeOf.set(row.cycleId, place);
    for (const [key, score] of Object.entries(row.questionScores)) {
      if (!questions.has(key))
        throw new ScoringError(`${what} scores "${key}", not a partner's scored question`);
      checkScore(what, key, score);
    }
    for (const [key, score] of Object.entries(row.measureScores)) {
      if (!measures.has(key)) throw new ScoringError(`${what} has a score for "${key}", not a principle`);
      checkScore(what, key, score);
    }
    for (const [key, raised] of Object.entries(row.flags)) {
      if (!flaggable.has(key))
        throw new ScoringError(`${what} has a flag for "${key}", not a partner's question`);
      if (raised !== null && raised !== undefined && typeof raised !== "boolean") {
        throw new ScoringError(`${what} has a flag for "${key}" that is not yes or no`);
      }
    }
  }
}

function checkScore(what: string, key: string, score: number | null | undefined): void {
  if (score === null || score === undefined) return;
  if (!Number.isFinite(score) || score < 0 || score > 100 || Math.abs(toTenths(score) / 10 - score) > 1e-9) {
    throw new ScoringError(`${what} has ${score} for "${key}", not a one-decimal score from 0 to 100`);
  }
}
