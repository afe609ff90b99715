import { describe, expect, it } from "vitest";
import { ScoringError } from "../numbers";
import { computeRelease, type Previous, type Release, type ReleaseRow, scopeId } from "./index";
import { chain, published, row, STRUCTURE, same, violations } from "./test-support";

const base = { structure: STRUCTURE, thresholds: same(5) };
const pool = (commissionerId: string) =>
  scopeId({ level: "commissioner", primeId: "P", period: "2026", commissionerId });
const national = scopeId({ level: "national", primeId: "P", period: "2026" });

/** Nine partners of prime P on three contracts with each of c1 and c2, and three with c3 and c4. */
const rows: ReleaseRow[] = [
  ...chain("x", 9, { commissionerId: "c1", contractId: "kx" }),
  ...chain("y", 9, { commissionerId: "c2", contractId: "ky" }),
  ...chain("z", 3, { commissionerId: "c3", contractId: "kz" }),
  ...chain("w", 3, { commissionerId: "c4", contractId: "kw" }),
];

const accumulate = (previous: Previous, release: Release): Previous => published(release, previous);

describe("computeRelease: releases one after another", () => {
  it("releases each commissioner's scopes on its own, never the national figure nor another's", () => {
    const first = computeRelease({ ...base, rows, only: { commissionerId: "c1" } });
    expect(first.scopes.map((s) => s.id).sort()).toEqual(
      [pool("c1"), scopeId({ level: "contract", primeId: "P", period: "2026", contractId: "kx" })].sort(),
    );
  });

  it("checks the national figure against what commissioners published: the small pools together make a group of 6", () => {
    let previous: Previous = { scopes: [], figures: [] };
    for (const commissionerId of ["c1", "c2", "c3", "c4"]) {
      previous = accumulate(previous, computeRelease({ ...base, rows, previous, only: { commissionerId } }));
    }
    expect(previous.scopes.map((s) => s.id)).toContain(pool("c2"));
    expect(previous.scopes.map((s) => s.id)).not.toContain(pool("c3"));
    const last = computeRelease({ ...base, rows, previous, only: { levels: ["national"] } });
    // Groups: c1's 9, c2's 9, and c3's and c4's 3 + 3 together, which no published figure separates.
    expect(last.scopes.map((s) => s.id)).toEqual([national]);
    expect(violations(rows, published(last, previous))).toEqual([]);
  });

  it("hides the national figure when what it adds to the published pools is fewer than the threshold", () => {
    const withoutW = rows.filter((r) => r.commissionerId !== "c4");
    let previous: Previous = { scopes: [], figures: [] };
    for (const commissionerId of ["c1", "c2", "c3"]) {
      previous = accumulate(
        previous,
        computeRelease({ ...base, rows: withoutW, previous, only: { commissionerId } }),
      );
    }
    const last = computeRelease({ ...base, rows: withoutW, previous, only: { levels: ["national"] } });
    expect(last.scopes).toEqual([]);
    expect(last.suppressed).toContainEqual({ scopeId: national, family: null, reason: "difference" });
  });

  it("never releases a scope twice, and refuses earlier releases whose ratings are not all in the rows", () => {
    const first = computeRelease({ ...base, rows });
    expect(first.scopes.length).toBeGreaterThan(0);
    const again = computeRelease({ ...base, rows, previous: first });
    expect(again.scopes).toEqual([]);
    expect(again.figures).toEqual([]);
    // What was hidden is considered again, against everything published, and stays hidden.
    const hiddenScopes = (r: Release) => r.suppressed.filter((s) => s.family === null).map((s) => s.scopeId);
    expect(hiddenScopes(again)).toEqual(hiddenScopes(first));
    expect(() => computeRelease({ ...base, rows: rows.slice(1), previous: first })).toThrow(
      /not among the rows/,
    );
    // A released answer that is no longer there: the stored data changed after the release.
    const altered = rows.map((r, i) =>
      i === 0 ? { ...r, questionScores: { ...r.questionScores, "p1.q1": null } } : r,
    );
    expect(() => computeRelease({ ...base, rows: altered, previous: first })).toThrow(
      /has no value for it now/,
    );
  });
});

describe("computeRelease: refuses what it must not release from", () => {
  it("thresholds below 3, below the framework's own, or not whole", () => {
    const few = chain("a", 5);
    expect(() => computeRelease({ rows: few, structure: STRUCTURE, thresholds: same(2) })).toThrow(
      RangeError,
    );
    expect(() =>
      computeRelease({
        rows: few,
        structure: STRUCTURE,
        thresholds: new Map([["c1", { score: 4.5, category: 5 }]]),
      }),
    ).toThrow(RangeError);
    const strict = { ...STRUCTURE, minPartners: 6 };
    expect(() => computeRelease({ rows: few, structure: strict, thresholds: same(5) })).toThrow(RangeError);
    // The default is raised to the framework's own threshold: five partners are too few for 6.
    expect(computeRelease({ rows: few, structure: strict }).scopes).toEqual([]);
  });

  it("a rating twice, a prime rating itself, a contract under two commissioners, a cycle in two places", () => {
    const release = (list: ReleaseRow[]) => () => computeRelease({ ...base, rows: list });
    expect(release([row("a"), row("a")])).toThrow(/listed twice/);
    expect(release([row("a", { respondentId: "P" })])).toThrow(ScoringError);
    expect(release([row("a", { respondentId: "c1" })])).toThrow(ScoringError);
    expect(release([row("a"), row("b", { commissionerId: "c2" })])).toThrow(/two commissioners/);
    expect(release([row("a"), { ...row("b", { period: "2027" }), cycleId: "k1@2026" }])).toThrow(
      /two periods/,
    );
  });

  it("scores that are not stored one-decimal scores, and keys the questionnaire does not have", () => {
    const scored = (questionScores: Record<string, number>) => () =>
      computeRelease({ ...base, rows: [row("a", {}, { questionScores })] });
    expect(scored({ "p1.q1": 101 })).toThrow(/not a one-decimal score/);
    expect(scored({ "p1.q1": 33.33 })).toThrow(/not a one-decimal score/);
    expect(scored({ "p1.q1": Number.NaN })).toThrow(/not a one-decimal score/);
    expect(scored({ "p9.q1": 50 })).toThrow(/not a partner's scored question/);
  });
});
