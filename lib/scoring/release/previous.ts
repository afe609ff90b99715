import { ScoringError } from "../numbers";
import { groupOfScopeId } from "./scopes";
import type { Previous, ReleaseRow } from "./types";

/** What earlier releases published for one prime in one period. */
export interface GroupPrevious {
  readonly scopes: Previous["scopes"];
  readonly figures: Previous["figures"];
}

/**
 * Earlier releases' scopes and figures by prime and period, checked: every rating they hold must be
 * among the rows (a release is computed over every rating of its period), and every figure must
 * belong to a published scope.
 */
export function indexPrevious(previous: Previous, rows: readonly ReleaseRow[]): Map<string, GroupPrevious> {
  const known = new Set(rows.map((r) => r.ratingId));
  const scopeIds = new Set(previous.scopes.map((s) => s.id));
  const result = new Map<
    string,
    { scopes: Previous["scopes"][number][]; figures: Previous["figures"][number][] }
  >();
  const at = (key: string) => {
    let entry = result.get(key);
    if (!entry) {
      entry = { scopes: [], figures: [] };
      result.set(key, entry);
    }
    return entry;
  };
  const check = (what: string, ids: readonly string[]) => {
    if (new Set(ids).size !== ids.length) throw new ScoringError(`${what} lists a rating twice`);
    for (const id of ids) {
      if (!known.has(id)) {
        throw new ScoringError(
          `${what} holds rating "${id}", which is not among the rows: pass every rating`,
        );
      }
    }
  };
  for (const scope of previous.scopes) {
    check(`published scope ${scope.id}`, scope.ratingIds);
    at(groupOfScopeId(scope.id)).scopes.push(scope);
  }
  for (const figure of previous.figures) {
    if (!scopeIds.has(figure.scopeId)) {
      throw new ScoringError(
        `published figure ${figure.family} is at ${figure.scopeId}, not a published scope`,
      );
    }
    check(`published figure ${figure.family} at ${figure.scopeId}`, figure.ratingIds);
    at(groupOfScopeId(figure.scopeId)).figures.push(figure);
  }
  return result;
}
