import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRelease, type Previous, type Release, type ReleaseRow, type Thresholds } from "./index";
import { evaluate, type Population, population, setExpression } from "./test-arbitraries";
import { published, STRUCTURE, violations } from "./test-support";

/**
 * What ADR 0011 promises of every release, on random populations: no published figure, no
 * difference of two, and no set built from them by union, intersection and difference rests on
 * fewer partners than the threshold; the same input in any order or under any ids gives the same
 * release. Checked with code independent of the release's own (test-support.ts).
 */

const run = (p: Population, previous?: Previous, only?: Parameters<typeof computeRelease>[0]["only"]) =>
  computeRelease({ rows: p.rows, structure: STRUCTURE, thresholds: p.thresholds, previous, only });

/** The threshold that applies to some ratings: the strictest among their commissioners. */
function thresholdOf(p: Population, ids: Iterable<string>, kind: keyof Thresholds): number {
  const byId = new Map(p.rows.map((r) => [r.ratingId, r.commissionerId]));
  return Math.max(...[...ids].map((id) => (p.thresholds.get(byId.get(id) as string) as Thresholds)[kind]));
}

function partners(p: Population, ids: Iterable<string>): number {
  const byId = new Map(p.rows.map((r) => [r.ratingId, r.respondentId]));
  return new Set([...ids].map((id) => byId.get(id))).size;
}

/** Published sets of one prime and period, family by family (scopes are a family too). */
function families(p: Population, release: Previous): (readonly string[])[][] {
  const byId = new Map(p.rows.map((r) => [r.ratingId, `${r.primeId}/${r.period}`]));
  const groups = new Map<string, (readonly string[])[]>();
  const put = (family: string, ids: readonly string[]) => {
    const key = `${family}@${byId.get(ids[0] as string)}`;
    groups.set(key, [...(groups.get(key) ?? []), ids]);
  };
  for (const scope of release.scopes) put("scope", scope.ratingIds);
  for (const figure of release.figures) put(figure.family, figure.ratingIds);
  return [...groups.values()];
}

/** Two stages: commissioners' releases one by one, then the national release against them. */
function staged(p: Population): { first: Previous; last: Release } {
  let first: Previous = { scopes: [], figures: [] };
  for (const commissionerId of p.commissioners) {
    first = published(run(p, first, { commissionerId }), first);
  }
  return { first, last: run(p, first, { levels: ["national"] }) };
}

describe("computeRelease: properties", () => {
  it("is tried on populations that publish overlapping figures, hide some for differences, and show counts", () => {
    // Without this, a generator that stopped producing overlaps would let every property pass untested.
    const releases = fc.sample(population, { numRuns: 100, seed: 20261213 }).map((p) => run(p));
    const share = (test: (r: Release) => boolean) => releases.filter(test).length / releases.length;
    expect(share((r) => r.scopes.length > 1)).toBeGreaterThan(0.6);
    expect(share((r) => r.suppressed.some((s) => s.reason === "difference"))).toBeGreaterThan(0.4);
    expect(share((r) => r.figures.some((f) => f.kind === "flag"))).toBeGreaterThan(0.2);
    // Including the question asked for its red flag only (STRUCTURE's p1.over).
    expect(share((r) => r.figures.some((f) => f.family === "flag:p1.over"))).toBeGreaterThan(0.1);
    expect(share((r) => r.figures.some((f) => f.kind === "spread"))).toBeGreaterThan(0.3);
  });

  it("leaves no group of ratings below its threshold, and no count nearly unanimous", () => {
    fc.assert(
      fc.property(population, (p) => {
        expect(violations(p.rows, run(p), p.thresholds)).toEqual([]);
        const { first, last } = staged(p);
        expect(violations(p.rows, published(last, first), p.thresholds)).toEqual([]);
        const before = new Set(first.scopes.map((s) => s.id));
        for (const scope of last.scopes) expect(before.has(scope.id)).toBe(false);
      }),
    );
  });

  it("publishes no figure on fewer partners than its threshold, and no two overlapping figures that differ by fewer", () => {
    fc.assert(
      fc.property(population, (p) => {
        const { first, last } = staged(p);
        for (const sets of families(p, published(last, first))) {
          for (const a of sets) {
            expect(partners(p, a)).toBeGreaterThanOrEqual(thresholdOf(p, a, "score"));
            for (const b of sets) {
              const inB = new Set(b);
              const onlyA = a.filter((id) => !inB.has(id));
              if (onlyA.length === 0 || onlyA.length === a.length) continue;
              expect(partners(p, onlyA)).toBeGreaterThanOrEqual(thresholdOf(p, onlyA, "score"));
            }
          }
        }
      }),
    );
  });

  it("leaves no set built from published figures by union, intersection and difference below the threshold", () => {
    fc.assert(
      fc.property(population, fc.array(setExpression, { minLength: 1, maxLength: 8 }), (p, expressions) => {
        for (const sets of families(p, run(p))) {
          for (const expression of expressions) {
            const result = evaluate(expression, sets);
            if (result.size > 0) {
              expect(partners(p, result)).toBeGreaterThanOrEqual(thresholdOf(p, result, "score"));
            }
          }
        }
      }),
    );
  });

  it("gives the same release for the rows in any order", () => {
    fc.assert(
      fc.property(
        population.chain((p) =>
          fc.shuffledSubarray([...p.rows], { minLength: p.rows.length }).map((rows) => ({ p, rows })),
        ),
        ({ p, rows }) => {
          expect(run({ ...p, rows })).toEqual(run(p));
        },
      ),
    );
  });

  it("gives the same release under other ids for ratings and partners, and decides nothing by them", () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 1, max: 1000 }), (p, seed) => {
        // A scrambling bijection: new ids sort in a different order from the old ones.
        const scramble = (id: string) => `${((hash(id) + seed) % 9973).toString().padStart(4, "0")}-${id}`;
        const rows: ReleaseRow[] = p.rows.map((r) => ({
          ...r,
          ratingId: scramble(r.ratingId),
          respondentId: scramble(r.respondentId),
        }));
        const back = new Map(p.rows.map((r) => [scramble(r.ratingId), r.ratingId]));
        const renamed = run({ ...p, rows });
        const restore = (ids: readonly string[]) => ids.map((id) => back.get(id) as string).sort();
        expect({
          scopes: renamed.scopes.map((s) => ({ ...s, ratingIds: restore(s.ratingIds) })),
          figures: renamed.figures.map((f) => ({ ...f, ratingIds: restore(f.ratingIds) })),
          derived: renamed.derived,
          suppressed: renamed.suppressed,
        }).toEqual(run(p));
      }),
    );
  });

  it("gives the same release under other ids for primes, commissioners and contracts that sort alike", () => {
    fc.assert(
      fc.property(population, fc.constantFrom("org-", "zz", "A"), (p, prefix) => {
        const rename = (id: string) => `${prefix}${id}`;
        const rows = p.rows.map((r) => ({
          ...r,
          primeId: rename(r.primeId),
          commissionerId: rename(r.commissionerId),
          contractId: rename(r.contractId),
        }));
        const thresholds = new Map([...p.thresholds].map(([c, k]) => [rename(c), k]));
        const back = (id: string) => {
          const [level, prime, period, ref] = JSON.parse(id) as string[];
          const strip = (x = "") => (x.startsWith(prefix) ? x.slice(prefix.length) : x);
          return JSON.stringify([level, strip(prime), period, strip(ref)]);
        };
        const renamed = run({ ...p, rows, thresholds });
        const original = run(p);
        expect(renamed.scopes.map((s) => back(s.id))).toEqual(original.scopes.map((s) => s.id));
        expect(renamed.figures.map((f) => [back(f.scopeId), f.family, f.ratingIds])).toEqual(
          original.figures.map((f) => [f.scopeId, f.family, f.ratingIds]),
        );
        expect(renamed.suppressed.map((s) => [back(s.scopeId), s.family, s.reason])).toEqual(
          original.suppressed.map((s) => [s.scopeId, s.family, s.reason]),
        );
      }),
      { numRuns: 50 },
    );
  });

  it("cannot tell two partners on one contract apart: exchanging their answers gives the same release", () => {
    let tried = 0;
    fc.assert(
      fc.property(population, fc.nat(), fc.nat(), (p, i, j) => {
        // Partners that rate this prime on one contract only in the period.
        const place = (r: ReleaseRow) => `${r.primeId}/${r.period}/${r.respondentId}`;
        const count = new Map<string, number>();
        for (const r of p.rows) count.set(place(r), (count.get(place(r)) ?? 0) + 1);
        const byContract = new Map<string, ReleaseRow[]>();
        for (const r of p.rows) {
          if (count.get(place(r)) !== 1) continue;
          const key = `${r.primeId}/${r.period}/${r.contractId}`;
          byContract.set(key, [...(byContract.get(key) ?? []), r]);
        }
        const pairs = [...byContract.values()].filter((list) => list.length >= 2);
        fc.pre(pairs.length > 0);
        tried++;
        const list = pairs[i % pairs.length] as ReleaseRow[];
        const a = list[j % list.length] as ReleaseRow;
        const b = list[(j + 1) % list.length] as ReleaseRow;
        const answers = (r: ReleaseRow) => ({
          questionScores: r.questionScores,
          flags: r.flags,
          measureScores: r.measureScores,
        });
        const rows = p.rows.map((r) =>
          r === a ? { ...r, ...answers(b) } : r === b ? { ...r, ...answers(a) } : r,
        );
        const swap = (id: string) => (id === a.ratingId ? b.ratingId : id === b.ratingId ? a.ratingId : id);
        const after = run({ ...p, rows });
        expect({
          ...after,
          figures: after.figures.map((f) => ({ ...f, ratingIds: f.ratingIds.map(swap).sort() })),
        }).toEqual(run(p));
      }),
    );
    expect(tried, "populations with two partners on one contract").toBeGreaterThan(50);
  });

  it("decides which means to publish by who answered, never by what they answered", () => {
    fc.assert(
      fc.property(population, fc.constantFrom(0, 25, 100), (p, value) => {
        const rows = p.rows.map((r) => ({
          ...r,
          questionScores: Object.fromEntries(
            Object.entries(r.questionScores).map(([k, v]) => [k, v === null ? null : value]),
          ),
        }));
        const shown = (release: Release) =>
          release.figures.filter((f) => f.kind === "question").map((f) => `${f.family}@${f.scopeId}`);
        expect(shown(run({ ...p, rows }))).toEqual(shown(run(p)));
      }),
    );
  });
});

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  return h;
}
