import { BANDS, bandOf } from "../numbers";
import type { Previous, PublishedFigure, ReleaseRow, ReleaseStructure, Thresholds } from "./types";
import { DEFAULT_THRESHOLDS } from "./types";

/**
 * Fixtures and independent checks for the release tests. The checks here do not reuse the
 * release's own code: they enumerate groups and set algebra naively, so a bug in one is not hidden
 * by the same bug in the other.
 */

/**
 * Two principles: p1 (weight 1) asks q1 (flagged), q2, fee (flagged, a fact the prime sets) and
 * over (asked for its red flag only, with no score, a fact the prime sets: version 2's "fee above
 * 20%"); p2 (weight 2) asks q1 and q2.
 */
export const STRUCTURE: ReleaseStructure = {
  minPartners: 3,
  principles: [
    {
      key: "p1",
      weight: 1,
      questions: [
        { key: "p1.q1", weight: 1, flagged: true, primeKnown: false },
        { key: "p1.q2", weight: 1, flagged: false, primeKnown: false },
        { key: "p1.fee", weight: 2, flagged: true, primeKnown: true },
        { key: "p1.over", weight: 1, scored: false, flagged: true, primeKnown: true },
      ],
    },
    {
      key: "p2",
      weight: 2,
      questions: [
        { key: "p2.q1", weight: 1, flagged: false, primeKnown: false },
        { key: "p2.q2", weight: 3, flagged: false, primeKnown: false },
      ],
    },
  ],
};

/** The scored questions: each has a mean. */
export const QUESTION_KEYS = STRUCTURE.principles.flatMap((p) =>
  p.questions.filter((q) => q.scored !== false).map((q) => q.key),
);
export const FLAG_KEYS = STRUCTURE.principles
  .flatMap((p) => p.questions.filter((q) => q.flagged))
  .map((q) => q.key);
/** Questions asked for their red flag only: a flag and never a score. */
export const FLAG_ONLY_KEYS = STRUCTURE.principles
  .flatMap((p) => p.questions.filter((q) => q.scored === false))
  .map((q) => q.key);

/** A rating of prime "P" on contract "k1" of commissioner "c1" in period "2026", every answer 50. */
export function row(
  ratingId: string,
  place: Partial<
    Pick<ReleaseRow, "respondentId" | "primeId" | "commissionerId" | "contractId" | "period">
  > = {},
  values: Partial<Pick<ReleaseRow, "questionScores" | "flags" | "measureScores">> = {},
): ReleaseRow {
  const contractId = place.contractId ?? "k1";
  const period = place.period ?? "2026";
  return {
    ratingId,
    respondentId: place.respondentId ?? ratingId,
    primeId: place.primeId ?? "P",
    commissionerId: place.commissionerId ?? "c1",
    contractId,
    cycleId: `${contractId}@${period}`,
    period,
    questionScores: values.questionScores ?? Object.fromEntries(QUESTION_KEYS.map((k) => [k, 50])),
    flags: values.flags ?? Object.fromEntries(FLAG_KEYS.map((k) => [k, false])),
    measureScores: values.measureScores ?? { p1: 50, p2: 50, overall: 50 },
  };
}

/** `count` partners on one contract, named `${prefix}1`…, each with one rating. */
export function chain(
  prefix: string,
  count: number,
  place: Parameters<typeof row>[1] = {},
  values: Parameters<typeof row>[2] = {},
): ReleaseRow[] {
  return Array.from({ length: count }, (_, i) => row(`${prefix}${i + 1}`, place, values));
}

export const same = (k: number): ReadonlyMap<string, Thresholds> =>
  new Map(["c1", "c2", "c3", "c4"].map((c) => [c, { score: k, category: k }]));

/** The ratings of each published figure and scope, keyed as the release keys them. */
export function published(release: Previous, previous?: Previous): Previous {
  return {
    scopes: [...(previous?.scopes ?? []), ...release.scopes],
    figures: [...(previous?.figures ?? []), ...release.figures],
  };
}

export interface Violation {
  readonly what: string;
  readonly ratingIds: readonly string[];
}

/** One set of ratings a published figure rests on, with what counts as "enough" for it. */
interface Family {
  readonly name: string;
  readonly sets: readonly (readonly string[])[];
  /** The category of a rating for counts; undefined for means and scopes. */
  readonly category?: (id: string) => string;
  readonly categories?: readonly string[];
}

/**
 * Every group of ratings (ratings in exactly the same published sets of one family, for one prime
 * and period) that holds fewer partners than the strictest threshold among its ratings, or, for
 * counts, fewer than the category threshold outside some category. Worked out naively.
 */
export function violations(
  rows: readonly ReleaseRow[],
  release: Previous,
  thresholds: ReadonlyMap<string, Thresholds> = new Map(),
): Violation[] {
  const byId = new Map(rows.map((r) => [r.ratingId, r]));
  const k = (id: string) => thresholds.get((byId.get(id) as ReleaseRow).commissionerId) ?? DEFAULT_THRESHOLDS;
  const result: Violation[] = [];
  for (const family of familiesOf(release, byId)) {
    const signature = new Map<string, string>();
    family.sets.forEach((set, index) => {
      for (const id of set) signature.set(id, `${signature.get(id) ?? ""}|${index}`);
    });
    const groups = new Map<string, string[]>();
    for (const [id, sig] of signature) {
      const r = byId.get(id) as ReleaseRow;
      const key = `${r.primeId}\u0000${r.period}\u0000${sig}`;
      groups.set(key, [...(groups.get(key) ?? []), id]);
    }
    for (const ids of groups.values()) {
      const partners = new Set(ids.map((id) => (byId.get(id) as ReleaseRow).respondentId));
      if (partners.size < Math.max(...ids.map((id) => k(id).score))) {
        result.push({ what: `${family.name}: too few partners`, ratingIds: ids.sort() });
        continue;
      }
      const { category, categories } = family;
      if (!category || !categories) continue;
      const needed = Math.max(...ids.map((id) => k(id).category));
      for (const c of categories) {
        const outside = new Set(
          ids.filter((id) => category(id) !== c).map((id) => (byId.get(id) as ReleaseRow).respondentId),
        );
        if (outside.size < needed)
          result.push({ what: `${family.name}: nearly all "${c}"`, ratingIds: ids.sort() });
      }
    }
  }
  return result;
}

function familiesOf(release: Previous, byId: ReadonlyMap<string, ReleaseRow>): Family[] {
  const families: Family[] = [{ name: "scopes", sets: release.scopes.map((s) => s.ratingIds) }];
  const names = [...new Set(release.figures.map((f) => f.family))];
  for (const name of names) {
    const sets = release.figures.filter((f) => f.family === name).map((f) => f.ratingIds);
    const [kind, key] = [name.slice(0, name.indexOf(":")), name.slice(name.indexOf(":") + 1)];
    const rowOf = (id: string) => byId.get(id) as ReleaseRow;
    if (kind === "flag") {
      families.push({
        name,
        sets,
        categories: ["raised", "not raised"],
        category: (id) => (rowOf(id).flags[key] ? "raised" : "not raised"),
      });
    } else if (kind === "spread") {
      families.push({
        name,
        sets,
        categories: BANDS,
        category: (id) => bandOf(rowOf(id).measureScores[key] as number),
      });
    } else {
      families.push({ name, sets });
    }
  }
  return families;
}

/** Figures of one family, for one prime and period. */
export function familyFigures(figures: readonly PublishedFigure[], family: string): PublishedFigure[] {
  return figures.filter((f) => f.family === family);
}

export const partnersIn = (rows: readonly ReleaseRow[], ids: Iterable<string>): number => {
  const byId = new Map(rows.map((r) => [r.ratingId, r.respondentId]));
  return new Set([...ids].map((id) => byId.get(id))).size;
};
