import { describe, expect, it } from "vitest";
import { nonEmpty } from "@/tests/support/non-empty";
import { computeRelease, type ReleaseRow, scopeId } from "./index";
import { chain, partnersIn, row, STRUCTURE, same, violations } from "./test-support";

const release = (
  rows: readonly ReleaseRow[],
  k = 5,
  extra: Partial<Parameters<typeof computeRelease>[0]> = {},
) => computeRelease({ rows, structure: STRUCTURE, thresholds: same(k), ...extra });

const contract = (contractId: string, primeId = "P", period = "2026") =>
  scopeId({ level: "contract", primeId, period, contractId });
const pool = (commissionerId: string, primeId = "P", period = "2026") =>
  scopeId({ level: "commissioner", primeId, period, commissionerId });
const national = (primeId = "P", period = "2026") => scopeId({ level: "national", primeId, period });

const shownScopes = (r: ReturnType<typeof computeRelease>) => r.scopes.map((s) => s.id).sort();

describe("computeRelease: the issue's scripted attack", () => {
  // The friendly partner F answered first, then three honest partners, then F corrected every answer
  // to "Don't know". Under live batches the figure changed, and the difference was one honest
  // partner's answers. A release is computed once, at the cut-off, from each partner's current rating.
  const friendly = row(
    "F",
    {},
    { questionScores: {}, flags: {}, measureScores: { p1: null, p2: null, overall: null } },
  );
  const honest = [
    row("H1", {}, { questionScores: { "p1.q1": 25, "p1.q2": 100, "p2.q1": 0, "p2.q2": 75 } }),
    row("H2", {}, { questionScores: { "p1.q1": 75, "p1.q2": 50, "p2.q1": 100, "p2.q2": 75 } }),
    row("H3", {}, { questionScores: { "p1.q1": 100, "p1.q2": 0, "p2.q1": 50, "p2.q2": 25 } }),
  ];

  it("publishes each figure once, over the honest partners only: the prime learns their aggregate and nothing else", () => {
    const result = release([friendly, ...honest], 3);
    expect(shownScopes(result)).toEqual([contract("k1"), national(), pool("c1")].sort());
    const figures = nonEmpty(
      result.figures.filter((f) => f.kind === "question"),
      "question figures",
    );
    for (const figure of figures) expect(figure.ratingIds).toEqual(["H1", "H2", "H3"]);
    // One figure per question and scope: no earlier or later version to subtract.
    const keys = figures.map((f) => `${f.family}@${f.scopeId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const q1 = figures.find((f) => f.key === "p1.q1" && f.scopeId === contract("k1"));
    expect(q1).toMatchObject({ ratings: 3, respondents: 3, totalTenths: 2000, mean: 66.7 });
    expect(violations([friendly, ...honest], result, same(3))).toEqual([]);
  });

  it("publishes nothing with the default threshold of 5: four partners answered", () => {
    const result = release([friendly, ...honest]);
    expect(result.scopes).toEqual([]);
    expect(result.figures).toEqual([]);
    expect(result.suppressed.map((s) => s.reason)).toEqual(["too-few", "too-few", "too-few"]);
  });
});

describe("computeRelease: a prime with six contracts of three partners each", () => {
  const sixContracts = (commissionerOf: (i: number) => string) =>
    Array.from({ length: 6 }, (_, i) =>
      chain(`k${i + 1}-`, 3, { contractId: `k${i + 1}`, commissionerId: commissionerOf(i) }),
    ).flat();

  it("gets a commissioner-level and a national figure, and no contract figure, with threshold 5", () => {
    const rows = sixContracts(() => "c1");
    const result = release(rows);
    expect(shownScopes(result)).toEqual([national(), pool("c1")].sort());
    expect(result.derived.filter((d) => d.measure === "overall").map((d) => d.scopeId)).toContain(pool("c1"));
    expect(violations(rows, result, same(5))).toEqual([]);
  });

  it("gets both commissioners' pools and a national figure when its contracts are split between two", () => {
    const rows = sixContracts((i) => (i < 3 ? "c1" : "c2"));
    const result = release(rows);
    expect(shownScopes(result)).toEqual([national(), pool("c1"), pool("c2")].sort());
    expect(violations(rows, result, same(5))).toEqual([]);
  });

  it("also gets every contract figure with threshold 3, and no two figures differ by fewer than 3 partners", () => {
    const rows = sixContracts((i) => (i < 3 ? "c1" : "c2"));
    const result = release(rows, 3);
    expect(result.scopes).toHaveLength(9);
    const families = new Set(result.figures.map((f) => f.family));
    for (const family of nonEmpty(families, "families")) {
      const figures = result.figures.filter((f) => f.family === family);
      for (const a of figures) {
        for (const b of figures) {
          const inB = new Set(b.ratingIds);
          const onlyA = a.ratingIds.filter((id) => !inB.has(id));
          // Identical or nested figures differ by nobody or by at least the threshold.
          if (onlyA.length > 0) expect(partnersIn(rows, onlyA)).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });
});

describe("computeRelease: complementary suppression", () => {
  it("catches a partner isolated by three figures, which no pair of them isolates", () => {
    // All contracts: 7 partners; contract A: 3; contract B: 3; contract C: the 7th alone.
    // all − A − B is the 7th partner, though every pair of figures differs by at least 3.
    const rows = [
      ...chain("a", 3, { contractId: "A" }),
      ...chain("b", 3, { contractId: "B" }),
      row("z1", { contractId: "C" }),
    ];
    const result = release(rows, 3);
    expect(shownScopes(result)).toEqual([contract("A"), national(), pool("c1")].sort());
    expect(result.suppressed).toContainEqual({ scopeId: contract("B"), family: null, reason: "difference" });
    expect(result.suppressed).toContainEqual({ scopeId: contract("C"), family: null, reason: "too-few" });
  });

  it("keeps the pool and the largest contract, and hides the contract whose complement is too small", () => {
    const rows = [
      ...chain("a", 5, { contractId: "C1" }),
      ...chain("b", 5, { contractId: "C2" }),
      ...chain("z", 2, { contractId: "C3" }),
    ];
    const result = release(rows);
    // Pool (12) first; C1 leaves 5 and 7; C2 would leave C3's 2 partners alone.
    expect(shownScopes(result)).toEqual([contract("C1"), national(), pool("c1")].sort());
    expect(result.suppressed).toContainEqual({ scopeId: contract("C2"), family: null, reason: "difference" });
  });

  it("counts a partner rating the prime on two contracts once", () => {
    // b1 rates on contracts B and C: the pool holds 5 partners, contract A 3 of them, and what is
    // left (b1 twice, b2) is 3 ratings but 2 partners.
    const rows = [
      ...chain("a", 3, { contractId: "A" }),
      ...chain("b", 2, { contractId: "B" }),
      row("b1-on-C", { contractId: "C", respondentId: "b1" }),
    ];
    const result = release(rows, 3);
    expect(shownScopes(result)).toEqual([national(), pool("c1")].sort());
    expect(result.suppressed).toContainEqual({ scopeId: contract("A"), family: null, reason: "difference" });
    expect(violations(rows, result, same(3))).toEqual([]);
  });
});

describe("computeRelease: a question asked for its red flag only", () => {
  // Version 2's fee question: no score (a fee's size is not judged), but a flag above a stated level.
  const structure = {
    ...STRUCTURE,
    principles: STRUCTURE.principles.map((p) =>
      p.key === "p1"
        ? {
            ...p,
            questions: [
              ...p.questions,
              { key: "p1.size", weight: 1, scored: false, flagged: true, primeKnown: true },
            ],
          }
        : p,
    ),
  };
  const rows = [1, 2, 3, 4, 5, 6].map((i) =>
    row(`R${i}`, {}, { flags: { "p1.q1": false, "p1.fee": false, "p1.size": i <= 3 } }),
  );
  const result = computeRelease({ rows, structure, thresholds: same(3) });
  const scope = contract("k1");

  it("publishes its flag, for readers other than the prime, and never a mean", () => {
    const size = result.figures.filter((f) => f.scopeId === scope && f.family.endsWith(":p1.size"));
    expect(size.map((f) => [f.kind, f.audience, f.kind === "flag" ? f.raised : null])).toEqual([
      ["flag", "not-prime", 3],
    ]);
  });

  it("weighs nothing in its principle's mean", () => {
    const plain = rows.map((r) => ({ ...r, flags: { "p1.q1": false, "p1.fee": false } }));
    const without = computeRelease({ rows: plain, structure: STRUCTURE, thresholds: same(3) });
    const means = (r: typeof result) =>
      r.derived.filter((d) => d.scopeId === scope).map((d) => [d.measure, d.view, d.mean, d.from]);
    expect(means(result)).toEqual(means(without));
  });

  it("refuses a score for it, as for any question that has none", () => {
    const scored = row("S", {}, { questionScores: { "p1.size": 50 } });
    expect(() => computeRelease({ rows: [...rows, scored], structure, thresholds: same(3) })).toThrow(
      /not a partner's scored question/,
    );
  });
});
