import { compareIds, ScoringError } from "../numbers";
import { type ReleaseRow, SCOPE_LEVELS, type ScopeKey } from "./types";

/** A scope's id: the same string in every release, so later releases can be checked against it. */
export function scopeId(scope: ScopeKey): string {
  const ref =
    scope.level === "contract"
      ? scope.contractId
      : scope.level === "commissioner"
        ? scope.commissionerId
        : "";
  return JSON.stringify([scope.level, scope.primeId, scope.period, ref]);
}

/** The prime and period a scope id belongs to: figures of different ones never share a rating. */
export function groupOfScopeId(id: string): string {
  const parsed: unknown = JSON.parse(id);
  if (!Array.isArray(parsed) || parsed.length !== 4) throw new ScoringError(`"${id}" is not a scope id`);
  return groupKey(String(parsed[1]), String(parsed[2]));
}

export const groupKey = (primeId: string, period: string) => JSON.stringify([primeId, period]);

export interface CandidateScope {
  readonly id: string;
  readonly scope: ScopeKey;
  readonly ratings: readonly ReleaseRow[];
}

/**
 * Every scope the rows of one prime in one period make: the prime nationally, with each
 * commissioner, and on each contract.
 */
export function scopesOf(rows: readonly ReleaseRow[]): CandidateScope[] {
  const scopes = new Map<string, { scope: ScopeKey; ratings: ReleaseRow[] }>();
  const put = (scope: ScopeKey, row: ReleaseRow) => {
    const id = scopeId(scope);
    const entry = scopes.get(id);
    if (entry) entry.ratings.push(row);
    else scopes.set(id, { scope, ratings: [row] });
  };
  for (const row of rows) {
    const { primeId, period } = row;
    put({ level: "national", primeId, period }, row);
    put({ level: "commissioner", primeId, period, commissionerId: row.commissionerId }, row);
    put({ level: "contract", primeId, period, contractId: row.contractId }, row);
  }
  return [...scopes].map(([id, { scope, ratings }]) => ({ id, scope, ratings }));
}

/** Distinct respondents among some ratings. */
export function respondentsOf(rows: readonly Pick<ReleaseRow, "respondentId">[]): number {
  return new Set(rows.map((r) => r.respondentId)).size;
}

/**
 * The order figures are considered in, which decides which of two conflicting figures is kept:
 * wider scopes first (national, then a commissioner's pool, then a contract), then more partners,
 * then more ratings, then scope id. It depends on nothing but the scopes and how many rated in them,
 * never on what anyone answered or on ratings' ids.
 */
export function compareCandidates(
  a: {
    readonly id: string;
    readonly scope: ScopeKey;
    readonly respondents: number;
    readonly ratings: number;
  },
  b: {
    readonly id: string;
    readonly scope: ScopeKey;
    readonly respondents: number;
    readonly ratings: number;
  },
): number {
  return (
    SCOPE_LEVELS.indexOf(a.scope.level) - SCOPE_LEVELS.indexOf(b.scope.level) ||
    b.respondents - a.respondents ||
    b.ratings - a.ratings ||
    compareIds(a.id, b.id)
  );
}
