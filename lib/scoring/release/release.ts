import { ScoringError } from "../numbers";
import { familiesOf } from "./families";
import { enoughPartners, type Member, Partition } from "./partition";
import { type GroupPrevious, indexPrevious } from "./previous";
import { type CandidateScope, compareCandidates, groupKey, respondentsOf, scopesOf } from "./scopes";
import type {
  DerivedFigure,
  PublishedFigure,
  PublishedScope,
  QuestionFigure,
  Release,
  ReleaseInput,
  ReleaseRow,
  Suppression,
  Thresholds,
} from "./types";
import { checkRows, thresholdsFor } from "./validate";
import { derivedMeans, questionValues, spreadValues } from "./values";

/**
 * Computes a release (docs/decisions/0011): which partners' figures may be published, and their
 * values, from the ratings submitted by the cut-off and everything published before. Pure and
 * deterministic: the same rows in any order, under any ids for ratings and respondents, give the
 * same release.
 *
 * For each prime and period, separately (their figures never share a rating):
 * 1. Scopes. The prime nationally, with each commissioner and on each contract is considered widest
 *    first ({@link compareCandidates}); a scope opens if, beside the scopes published before and
 *    those opened already, every group of ratings sorted by which of them they are in keeps the
 *    threshold of partners ({@link Partition}). Otherwise nothing of it is published.
 * 2. Figures. Each family (a question's mean, a question's red flag, the spread of partners' own
 *    principle or overall scores) is checked the same way on its own contributing ratings, in
 *    the same order; counts also need the category threshold of partners outside each category.
 * 3. Principle and overall means are worked from the question figures published at each scope, so
 *    they publish nothing the question figures do not.
 */
export function computeRelease(input: ReleaseInput): Release {
  const { rows, structure } = input;
  const thresholds = thresholdsFor(input);
  checkRows(rows, structure);
  const previous = indexPrevious(input.previous ?? { scopes: [], figures: [] }, rows);

  const groups = new Map<string, ReleaseRow[]>();
  for (const row of rows) {
    const key = groupKey(row.primeId, row.period);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }

  const scopes: PublishedScope[] = [];
  const figures: PublishedFigure[] = [];
  const derived: DerivedFigure[] = [];
  const suppressed: Suppression[] = [];
  for (const [key, groupRows] of groups) {
    const result = releaseGroup(input, groupRows, thresholds, previous.get(key));
    scopes.push(...result.scopes);
    figures.push(...result.figures);
    derived.push(...result.derived);
    suppressed.push(...result.suppressed);
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    scopes: scopes.sort((a, b) => byText(a.id, b.id)),
    figures: figures.sort((a, b) => byText(a.scopeId, b.scopeId) || byText(a.family, b.family)),
    derived: derived.sort(
      (a, b) => byText(a.scopeId, b.scopeId) || byText(a.view, b.view) || byText(a.measure, b.measure),
    ),
    suppressed: suppressed.sort(
      (a, b) => byText(a.scopeId, b.scopeId) || byText(a.family ?? "", b.family ?? ""),
    ),
  };
}

function releaseGroup(
  input: ReleaseInput,
  rows: readonly ReleaseRow[],
  thresholds: (commissionerId: string) => Thresholds,
  previous: GroupPrevious = { scopes: [], figures: [] },
): Omit<Release, "scopes"> & { scopes: PublishedScope[] } {
  const suppressed: Suppression[] = [];
  const member = (row: ReleaseRow, category: string | null): Member => {
    const k = thresholds(row.commissionerId);
    return { respondent: row.respondentId, sizeK: k.score, categoryK: k.category, category };
  };

  // 1. Scopes.
  const scopeMembers = new Map(rows.map((row) => [row.ratingId, member(row, null)]));
  const scopePartition = new Partition(scopeMembers, enoughPartners);
  for (const scope of previous.scopes) scopePartition.add(scope.ratingIds, { force: true });
  const published = new Set(previous.scopes.map((s) => s.id));
  const open: CandidateScope[] = [];
  for (const candidate of ordered(scopesOf(rows).filter((s) => !published.has(s.id) && wanted(input, s)))) {
    const ids = candidate.ratings.map((r) => r.ratingId).sort();
    if (scopePartition.add(ids)) open.push(candidate);
    else suppressed.push({ scopeId: candidate.id, family: null, reason: reason(scopePartition, ids) });
  }

  // 2. Figures, family by family.
  const figures: PublishedFigure[] = [];
  for (const family of familiesOf(input.structure)) {
    const familyId = `${family.kind}:${family.key}`;
    const members = new Map<string, Member>();
    const values = new Map<string, number | boolean>();
    for (const row of rows) {
      const value = family.value(row);
      if (value === null) continue;
      values.set(row.ratingId, value);
      members.set(row.ratingId, member(row, family.category(value)));
    }
    const partition = new Partition(members, family.rule);
    for (const figure of previous.figures) {
      if (figure.family !== familyId) continue;
      const missing = figure.ratingIds.find((id) => !members.has(id));
      if (missing !== undefined) {
        // Submitted ratings never change, so this is data altered after it was released.
        throw new ScoringError(
          `rating "${missing}" was in ${familyId} at ${figure.scopeId} and has no value for it now`,
        );
      }
      partition.add(figure.ratingIds, { force: true });
    }
    const candidates = open
      .map((scope) => ({ ...scope, ratings: scope.ratings.filter((r) => values.has(r.ratingId)) }))
      .filter((scope) => scope.ratings.length > 0);
    for (const candidate of ordered(candidates)) {
      const ids = candidate.ratings.map((r) => r.ratingId).sort();
      if (!partition.add(ids)) {
        suppressed.push({ scopeId: candidate.id, family: familyId, reason: reason(partition, ids) });
        continue;
      }
      const base = {
        family: familyId,
        key: family.key,
        scopeId: candidate.id,
        audience: family.audience,
        ratingIds: ids,
        ratings: ids.length,
        respondents: respondentsOf(candidate.ratings),
      };
      const own = ids.map((id) => values.get(id) as number | boolean);
      if (family.kind === "question") {
        figures.push({ ...base, kind: "question", ...questionValues(own as number[]) });
      } else if (family.kind === "flag") {
        figures.push({ ...base, kind: "flag", raised: own.filter((v) => v === true).length });
      } else {
        figures.push({ ...base, kind: "spread", ...spreadValues(own as number[]) });
      }
    }
  }

  // 3. Scopes that publish something, and the means worked from their question figures.
  const scopes: PublishedScope[] = [];
  const derived: DerivedFigure[] = [];
  for (const scope of open) {
    const own = figures.filter((f) => f.scopeId === scope.id);
    if (own.length === 0) {
      // Removing a set only merges groups, which cannot take any below the threshold.
      suppressed.push({ scopeId: scope.id, family: null, reason: "too-few" });
      continue;
    }
    scopes.push({
      id: scope.id,
      scope: scope.scope,
      ratingIds: scope.ratings.map((r) => r.ratingId).sort(),
      respondents: respondentsOf(scope.ratings),
    });
    const questions = new Map(
      own.filter((f): f is QuestionFigure => f.kind === "question").map((f) => [f.key, f]),
    );
    for (const view of ["prime", "commissioner"] as const) {
      derived.push(...derivedMeans(input.structure, scope.id, questions, view));
    }
  }
  return { scopes, figures, derived, suppressed };
}

function ordered<T extends CandidateScope>(candidates: readonly T[]): T[] {
  return candidates
    .map((c) => ({ ...c, respondents: respondentsOf(c.ratings), count: c.ratings.length }))
    .sort((a, b) => compareCandidates({ ...a, ratings: a.count }, { ...b, ratings: b.count }));
}

function reason(partition: Partition, ids: readonly string[]): Suppression["reason"] {
  return partition.passesAlone(ids) ? "difference" : "too-few";
}

function wanted(input: ReleaseInput, candidate: CandidateScope): boolean {
  const { only } = input;
  if (!only) return true;
  if (only.levels && !only.levels.includes(candidate.scope.level)) return false;
  if (only.commissionerId === undefined) return true;
  return (
    candidate.scope.level !== "national" &&
    candidate.ratings.every((r) => r.commissionerId === only.commissionerId)
  );
}
