import fc from "fast-check";
import { FLAG_KEYS, FLAG_ONLY_KEYS, QUESTION_KEYS } from "./test-support";
import type { ReleaseRow, Thresholds } from "./types";

/**
 * Random populations for the release properties: 8 to 40 partners, each rating one of 2 primes
 * (mostly the first) in one of 2 periods (mostly the first) on one or two of 6 contracts held by
 * 3 commissioners, with gaps ("Don't know"), red flags (of scored questions and of one asked for
 * its flag only), and each commissioner's own thresholds (3 to 6). Dense enough that most releases publish overlapping figures and hide some.
 */
export interface Population {
  readonly rows: readonly ReleaseRow[];
  readonly thresholds: ReadonlyMap<string, Thresholds>;
  readonly commissioners: readonly string[];
}

const score = fc.constantFrom(null, 0, 25, 50, 50, 75, 100, 33.3, 66.7);
const own = fc.constantFrom(null, 12.5, 45, 50, 62.5, 70, 85, 95.2);

/** A question asked for its flag only: "Don't know" (null), raised or not raised. */
const flagOnly = fc.constantFrom(null, true, true, false, false, false);

const answers = fc.record({
  scores: fc.array(score, { minLength: QUESTION_KEYS.length, maxLength: QUESTION_KEYS.length }),
  flagOnly: fc.array(flagOnly, { minLength: FLAG_ONLY_KEYS.length, maxLength: FLAG_ONLY_KEYS.length }),
  raised: fc.array(fc.boolean(), { minLength: FLAG_KEYS.length, maxLength: FLAG_KEYS.length }),
  own: fc.tuple(own, own, own),
});

/** A partner of one prime in one period, rating it on one or two of six contracts. */
const partner = fc.record({
  contracts: fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1, maxLength: 2 }),
  prime: fc.constantFrom(0, 0, 0, 1),
  period: fc.constantFrom(0, 0, 0, 1),
  answers: fc.array(answers, { minLength: 2, maxLength: 2 }),
});

export const population: fc.Arbitrary<Population> = fc
  .record({
    commissionerOf: fc.array(fc.nat({ max: 2 }), { minLength: 6, maxLength: 6 }),
    thresholds: fc.array(
      fc.record({ score: fc.integer({ min: 3, max: 6 }), category: fc.integer({ min: 3, max: 6 }) }),
      { minLength: 3, maxLength: 3 },
    ),
    partners: fc.array(partner, { minLength: 8, maxLength: 40 }),
  })
  .map(({ commissionerOf, thresholds, partners }) => {
    const rows: ReleaseRow[] = [];
    partners.forEach((p, n) => {
      p.contracts.forEach((contract, c) => {
        const given = p.answers[c] as (typeof p.answers)[number];
        const contractId = `k${contract}`;
        const period = `${2026 + p.period}`;
        const questionScores: Record<string, number | null> = {};
        const flags: Record<string, boolean | null> = {};
        QUESTION_KEYS.forEach((key, q) => {
          const value = given.scores[q] ?? null;
          questionScores[key] = value;
          const f = FLAG_KEYS.indexOf(key);
          if (f >= 0) flags[key] = value === null ? null : (given.raised[f] ?? false);
        });
        FLAG_ONLY_KEYS.forEach((key, q) => {
          flags[key] = given.flagOnly[q] ?? null;
        });
        rows.push({
          ratingId: `r${n}-${contract}`,
          respondentId: `partner${n}`,
          primeId: `prime${p.prime}`,
          commissionerId: `c${commissionerOf[contract] ?? 0}`,
          contractId,
          cycleId: `${contractId}@${period}`,
          period,
          questionScores,
          flags,
          measureScores: { p1: given.own[0], p2: given.own[1], overall: given.own[2] },
        });
      });
    });
    const commissioners = ["c0", "c1", "c2"];
    return {
      rows,
      commissioners,
      thresholds: new Map(commissioners.map((c, i) => [c, thresholds[i] as Thresholds])),
    };
  });

/** A set expression over published sets: union, intersection and difference of leaves. */
export type SetExpression =
  | { readonly leaf: number }
  | {
      readonly op: "union" | "intersection" | "difference";
      readonly a: SetExpression;
      readonly b: SetExpression;
    };

export const setExpression: fc.Arbitrary<SetExpression> = fc.letrec<{ expression: SetExpression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ leaf: fc.nat() }),
    fc.record({
      op: fc.constantFrom("union" as const, "intersection" as const, "difference" as const),
      a: tie("expression"),
      b: tie("expression"),
    }),
  ),
})).expression;

export function evaluate(expression: SetExpression, sets: readonly (readonly string[])[]): Set<string> {
  if ("leaf" in expression) return new Set(sets[expression.leaf % sets.length]);
  const a = evaluate(expression.a, sets);
  const b = evaluate(expression.b, sets);
  if (expression.op === "union") return new Set([...a, ...b]);
  if (expression.op === "intersection") return new Set([...a].filter((x) => b.has(x)));
  return new Set([...a].filter((x) => !b.has(x)));
}
