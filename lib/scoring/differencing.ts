import {
  type Aggregate,
  type AggregateOptions,
  type AggregateSummary,
  aggregateRatings,
  type MeasureResult,
  type PartnerRating,
  type QuestionResult,
} from "./aggregate";
import { ScoringError, threshold } from "./numbers";

/** A group of ratings one viewer can see a figure for, such as a prime on one contract. */
export interface RatingGroup {
  readonly id: string;
  readonly ratings: readonly Pick<PartnerRating, "id" | "respondent">[];
}

/**
 * Decides which of several groups one viewer can see may be shown, so that no combination of their
 * figures narrows down to fewer than k partners.
 *
 * The rule: sort the ratings into "cells", one per combination of shown groups a rating belongs
 * to. Each cell must hold ratings from at least k partners. Groups are considered largest first
 * (most partners, then most ratings, then id); a group is shown only if it has k partners and
 * showing it leaves no cell below k; otherwise it is hidden.
 *
 * Why cells: any figure a viewer can work out by adding and subtracting shown totals is built
 * from whole cells, so if every cell has k partners nothing narrower than k partners can be
 * isolated. Two groups that differ by fewer than k partners (10 partners across all contracts, 8
 * on one contract) leave a cell of 2, so the smaller group is hidden; three groups such as all
 * contracts (7), contract A (3) and contract B (3) leave a cell of the 1 partner on neither A nor
 * B, which pairwise checks would miss.
 */
export function guardDifferencing(
  groups: readonly RatingGroup[],
  minResponses?: number,
): { shown: string[]; hidden: string[] } {
  const k = threshold(minResponses);
  const ids = new Set<string>();
  for (const group of groups) {
    if (ids.has(group.id)) throw new ScoringError(`group "${group.id}" is listed twice`);
    ids.add(group.id);
    if (new Set(group.ratings.map((r) => r.id)).size !== group.ratings.length) {
      throw new ScoringError(`group "${group.id}" lists a rating twice`);
    }
  }
  const size = (g: RatingGroup) => new Set(g.ratings.map((r) => r.respondent)).size;
  const order = [...groups].sort(
    (a, b) => size(b) - size(a) || b.ratings.length - a.ratings.length || compareIds(a.id, b.id),
  );
  const shown: RatingGroup[] = [];
  const hidden: string[] = [];
  for (const group of order) {
    if (size(group) >= k && cellsHoldK([...shown, group], k)) shown.push(group);
    else hidden.push(group.id);
  }
  return { shown: shown.map((g) => g.id).sort(compareIds), hidden: hidden.sort(compareIds) };
}

function cellsHoldK(groups: readonly RatingGroup[], k: number): boolean {
  const cellOf = new Map<string, { cell: string; respondent: string }>();
  groups.forEach((group, index) => {
    for (const { id, respondent } of group.ratings) {
      const seen = cellOf.get(id);
      if (seen && seen.respondent !== respondent)
        throw new ScoringError(`rating "${id}" has two respondents`);
      cellOf.set(id, { cell: `${seen?.cell ?? ""}${index},`, respondent });
    }
  });
  const partners = new Map<string, Set<string>>();
  for (const { cell, respondent } of cellOf.values()) {
    const set = partners.get(cell) ?? new Set<string>();
    set.add(respondent);
    partners.set(cell, set);
  }
  for (const set of partners.values()) if (set.size < k) return false;
  return true;
}

export interface GroupAggregate {
  readonly id: string;
  readonly aggregate: Aggregate;
}

/**
 * Aggregates several groups of ratings that the same viewer can see (for example one prime across
 * all its contracts and on each contract), applying {@link guardDifferencing} twice: first to
 * whole groups, then to each figure (overall, each principle, each question) over the ratings that
 * actually contributed to it, since a principle with insufficient evidence for one partner changes
 * who is counted. A figure hidden this way is {@link Suppressed}, indistinguishable from one with
 * too few answers. Results are in id order and do not depend on the order of groups or ratings.
 */
export function aggregateGroups(
  groups: readonly { readonly id: string; readonly ratings: readonly PartnerRating[] }[],
  options: AggregateOptions = {},
): GroupAggregate[] {
  const k = threshold(
    options.minResponses,
    ...groups.flatMap((g) => g.ratings.map((r) => r.assessment.framework.minResponses)),
  );
  const { shown } = guardDifferencing(groups, k);
  const summaries = new Map<string, AggregateSummary>();
  for (const group of groups) {
    if (!shown.includes(group.id)) continue;
    const aggregate = aggregateRatings(group.ratings, { minResponses: k });
    if (!aggregate.suppressed) summaries.set(group.id, aggregate);
  }

  const hide = new Set<string>();
  const check = (
    measure: string,
    contributes: (r: PartnerRating) => boolean,
    shownIn: (a: AggregateSummary) => boolean,
  ) => {
    const candidates = groups
      .filter((g) => {
        const summary = summaries.get(g.id);
        return summary !== undefined && shownIn(summary);
      })
      .map((g) => ({ id: g.id, ratings: g.ratings.filter(contributes) }));
    for (const id of guardDifferencing(candidates, k).hidden) hide.add(`${id}\u0000${measure}`);
  };
  // Groups may be on different framework versions: guard every figure any of them shows.
  const principleKeys = new Set([...summaries.values()].flatMap((a) => a.principles.map((p) => p.key)));
  const questionKeys = new Set([...summaries.values()].flatMap((a) => a.questions.map((q) => q.key)));
  check(
    "overall",
    (r) => r.assessment.score !== null,
    (a) => !a.overall.suppressed,
  );
  for (const key of principleKeys) {
    check(
      key,
      (r) => (r.assessment.principles.find((p) => p.key === key)?.score ?? null) !== null,
      (a) => a.principles.some((p) => p.key === key && !p.suppressed),
    );
  }
  for (const key of questionKeys) {
    check(
      `question\u0000${key}`,
      (r) => r.assessment.questions.find((q) => q.key === key)?.status === "answered",
      (a) => a.questions.some((q) => q.key === key && !q.suppressed),
    );
  }

  return [...groups]
    .sort((a, b) => compareIds(a.id, b.id))
    .map(({ id }) => {
      const summary = summaries.get(id);
      if (!summary) return { id, aggregate: { suppressed: true } };
      const hidden = (measure: string) => hide.has(`${id}\u0000${measure}`);
      const measure = (m: MeasureResult): MeasureResult =>
        hidden(m.key) ? { key: m.key, suppressed: true } : m;
      const question = (q: QuestionResult): QuestionResult =>
        hidden(`question\u0000${q.key}`)
          ? { key: q.key, pairKey: q.pairKey, principle: q.principle, suppressed: true }
          : q;
      return {
        id,
        aggregate: {
          ...summary,
          overall: measure(summary.overall),
          principles: summary.principles.map(measure),
          questions: summary.questions.map(question),
        },
      };
    });
}

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
