import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contributes } from "./families";
import { computeRelease, type ReleaseRow } from "./index";
import { population } from "./test-arbitraries";
import { STRUCTURE } from "./test-support";

/**
 * The service stores a scope's ratings and not each figure's: a figure's ratings are worked out as
 * its scope's ratings that contribute to its family. That is only sound if it is exactly the set the
 * release chose.
 */
describe("contributes", () => {
  it("gives back every published figure's ratings from its scope's", () => {
    let figures = 0;
    fc.assert(
      fc.property(population, (p) => {
        const release = computeRelease({ rows: p.rows, structure: STRUCTURE, thresholds: p.thresholds });
        const rowOf = new Map(p.rows.map((r) => [r.ratingId, r]));
        const scopeOf = new Map(release.scopes.map((s) => [s.id, s]));
        for (const figure of release.figures) {
          const scope = scopeOf.get(figure.scopeId);
          const derived = scope?.ratingIds.filter((id) => {
            const row = rowOf.get(id);
            return row !== undefined && contributes(row, figure.family);
          });
          expect(derived).toEqual(figure.ratingIds);
          figures++;
        }
      }),
      { numRuns: 60, seed: 20261206 },
    );
    expect(figures).toBeGreaterThan(0);
  });

  it("knows no family it was not given", () => {
    const row: ReleaseRow = {
      ...{ ratingId: "r", respondentId: "p", primeId: "x", commissionerId: "c", contractId: "k" },
      ...{ cycleId: "y", period: "2026–27" },
      questionScores: { q: 50 },
      flags: {},
      measureScores: { overall: null },
    };
    expect(contributes(row, "question:q")).toBe(true);
    expect(contributes(row, "flag:q")).toBe(false);
    expect(contributes(row, "spread:overall")).toBe(false);
    expect(contributes(row, "other:q")).toBe(false);
  });
});
