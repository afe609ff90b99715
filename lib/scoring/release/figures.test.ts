import { describe, expect, it } from "vitest";
import { computeRelease, type ReleaseRow, scopeId } from "./index";
import { chain, FLAG_KEYS, QUESTION_KEYS, row, STRUCTURE, same, violations } from "./test-support";

const release = (rows: readonly ReleaseRow[], k = 5) =>
  computeRelease({ rows, structure: STRUCTURE, thresholds: same(k) });
const contract = (contractId: string) =>
  scopeId({ level: "contract", primeId: "P", period: "2026", contractId });
const pool = scopeId({ level: "commissioner", primeId: "P", period: "2026", commissionerId: "c1" });

/** Partners whose answers to one flagged question raise the flag (`raised` of them) or not. */
function flagged(prefix: string, count: number, raised: number, contractId = "k1"): ReleaseRow[] {
  return chain(prefix, count, { contractId }).map((r, i) => ({
    ...r,
    flags: { ...Object.fromEntries(FLAG_KEYS.map((k) => [k, false])), "p1.q1": i < raised },
  }));
}

describe("computeRelease: counts", () => {
  it("shows a flag count only when both those raising it and those not reach the category threshold", () => {
    const even = release(flagged("a", 10, 5));
    expect(even.figures.find((f) => f.family === "flag:p1.q1" && f.scopeId === contract("k1"))).toMatchObject(
      {
        kind: "flag",
        ratings: 10,
        raised: 5,
      },
    );
    const lopsided = release(flagged("a", 10, 6));
    expect(lopsided.figures.filter((f) => f.family === "flag:p1.q1")).toEqual([]);
    expect(lopsided.suppressed).toContainEqual({
      scopeId: contract("k1"),
      family: "flag:p1.q1",
      reason: "too-few",
    });
    // "None of 10 raise it" tells the prime every partner's answer, so it is hidden too.
    expect(release(flagged("a", 10, 0)).figures.filter((f) => f.family === "flag:p1.q1")).toEqual([]);
  });

  it("hides a count whose difference from a wider one would show a group raising it nearly unanimously", () => {
    // Contract A: 5 of 10 raise it; contract B: 7 of 10. The pool, 12 of 20, passes; A alone passes,
    // but pool − A is B, where only 3 do not raise it.
    const rows = [...flagged("a", 10, 5, "A"), ...flagged("b", 10, 7, "B")];
    const result = release(rows);
    const shown = result.figures.filter((f) => f.family === "flag:p1.q1").map((f) => f.scopeId);
    expect(shown.sort()).toEqual([pool, scopeId({ level: "national", primeId: "P", period: "2026" })].sort());
    expect(result.suppressed).toContainEqual({
      scopeId: contract("A"),
      family: "flag:p1.q1",
      reason: "difference",
    });
    // The means are not counts: both contracts show them.
    const means = result.figures.filter((f) => f.family === "question:p1.q1").map((f) => f.scopeId);
    expect(means).toContain(contract("A"));
    expect(means).toContain(contract("B"));
    expect(violations(rows, result)).toEqual([]);
  });

  it("hides the spread of partners' own scores when nearly all fall in one band, and shows the means", () => {
    const alike = release(chain("a", 6, {}, { measureScores: { p1: 55, p2: 50, overall: 52 } }), 3);
    expect(alike.figures.filter((f) => f.kind === "spread")).toEqual([]);
    expect(alike.figures.filter((f) => f.kind === "question").length).toBeGreaterThan(0);
    const mixed = [
      ...chain("a", 3, {}, { measureScores: { p1: 50, p2: 50, overall: 50 } }),
      ...chain("b", 3, {}, { measureScores: { p1: 85, p2: 85, overall: 85 } }),
    ];
    const spread = release(mixed, 3).figures.find(
      (f) => f.family === "spread:overall" && f.scopeId === contract("k1"),
    );
    expect(spread).toMatchObject({
      kind: "spread",
      median: 67.5,
      bands: { strong: 3, good: 0, developing: 3, concern: 0 },
    });
  });
});

describe("computeRelease: facts the prime sets per partner", () => {
  const rows = chain("a", 5).map((r, i) => ({
    ...r,
    questionScores: { ...r.questionScores, "p1.fee": i < 2 ? 0 : 100 },
    flags: { ...r.flags, "p1.fee": i < 2 },
  }));

  it("marks their figures for readers other than the prime", () => {
    const result = release(rows);
    const fee = result.figures.filter((f) => f.key === "p1.fee");
    expect(fee.length).toBeGreaterThan(0);
    for (const figure of fee) expect(figure.audience).toBe("not-prime");
    for (const figure of result.figures.filter((f) => f.key !== "p1.fee"))
      expect(figure.audience).toBe("all");
  });

  it("leaves them out of the principle mean the prime reads, which it could otherwise subtract them from", () => {
    const derived = release(rows).derived.filter((d) => d.scopeId === contract("k1") && d.measure === "p1");
    // Commissioner: q1 50, q2 50, fee (0·2 + 100·3) / 5 = 60 with weight 2 → (50 + 50 + 120) / 4 = 55.
    expect(derived).toEqual([
      { scopeId: contract("k1"), measure: "p1", view: "commissioner", mean: 55, from: 3 },
      { scopeId: contract("k1"), measure: "p1", view: "prime", mean: 50, from: 2 },
    ]);
  });
});

describe("computeRelease: principle and overall means", () => {
  it("works them from the exact question means and rounds once", () => {
    const scores = (q1: number, q2: number): Record<string, number> => ({
      ...Object.fromEntries(QUESTION_KEYS.map((k) => [k, 50])),
      "p1.q1": q1,
      "p1.q2": q2,
    });
    const rows = [
      row("a", {}, { questionScores: withoutFee(scores(0, 0)) }),
      row("b", {}, { questionScores: withoutFee(scores(0, 0)) }),
      row("c", {}, { questionScores: withoutFee(scores(0, 50)) }),
    ];
    const result = release(rows, 3);
    const at = (measure: string) =>
      result.derived.find((d) => d.scopeId === contract("k1") && d.view === "prime" && d.measure === measure);
    // q1 mean 0, q2 mean 16.666…, shown as 16.7. p1 = 8.333… → 8.3; rounding twice would give 8.4.
    expect(
      result.figures.find((f) => f.family === "question:p1.q2" && f.scopeId === contract("k1")),
    ).toMatchObject({
      totalTenths: 500,
      mean: 16.7,
    });
    expect(at("p1")).toMatchObject({ mean: 8.3, from: 2 });
    // Overall: (8.333… × 1 + 50 × 2) / 3 = 36.1.
    expect(at("overall")).toMatchObject({ mean: 36.1, from: 2 });
  });

  it("needs figures for half of a principle's questions, as a partner's own score needs half its answers", () => {
    // Only q1 of p1's three questions (commissioner's view) has answers: insufficient.
    const rows = chain("a", 3, {}, { questionScores: { "p1.q1": 50, "p2.q1": 50, "p2.q2": 50 } });
    const derived = release(rows, 3).derived.filter((d) => d.scopeId === contract("k1"));
    expect(derived.filter((d) => d.view === "commissioner").map((d) => d.measure)).toEqual(["overall", "p2"]);
    // The prime's view asks two (q1, q2): one of two is half, enough.
    expect(derived.filter((d) => d.view === "prime").map((d) => d.measure)).toEqual(["overall", "p1", "p2"]);
  });
});

function withoutFee(scores: Record<string, number>): Record<string, number> {
  const { "p1.fee": _, ...rest } = scores;
  return rest;
}
