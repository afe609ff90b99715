import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benchmark, benchmarkScores, ScoringError, scoreAssessment } from "./index";
import { round1 } from "./numbers";
import { buildFramework, partner, released } from "./test-fixtures";

const entries = [
  { id: "delta", scores: { "fair-payment": 55 } },
  { id: "alpha", scores: { "fair-payment": 80 } },
  { id: "charlie", scores: { "fair-payment": 62.5 } },
  { id: "bravo", scores: { "fair-payment": 62.5 } },
  { id: "echo", scores: { "fair-payment": null } },
];

describe("benchmark", () => {
  const fairPayment = benchmark(entries).find((m) => m.key === "fair-payment");

  it("ranks highest first, ties sharing a rank in id order (1, 2, 2, 4)", () => {
    expect(fairPayment?.ranked.map((r) => [r.id, r.rank])).toEqual([
      ["alpha", 1],
      ["bravo", 2],
      ["charlie", 2],
      ["delta", 4],
    ]);
    expect(fairPayment?.unranked).toEqual(["echo"]);
  });

  it("gives the share of the other ranked primes scoring strictly lower", () => {
    // Four ranked, so three others each: alpha beats 3 → 100; bravo beats delta → 33.3; delta 0.
    expect(fairPayment?.ranked.map((r) => r.percentile)).toEqual([100, 33.3, 33.3, 0]);
  });

  it("lists every principle and overall, and has no percentile for a prime ranked alone", () => {
    const result = benchmark([{ id: "solo", scores: { overall: 70 } }]);
    expect(result.map((m) => m.key)).toEqual([
      "risk-sharing",
      "fair-payment",
      "capacity-building",
      "good-faith",
      "data-sharing",
      "overall",
    ]);
    expect(result.at(-1)?.ranked).toEqual([{ id: "solo", score: 70, rank: 1, percentile: null }]);
    expect(result[0]).toEqual({ key: "risk-sharing", ranked: [], unranked: ["solo"] });
  });

  it("does not depend on input order", () => {
    expect(benchmark([...entries].reverse())).toEqual(benchmark(entries));
  });

  it("ranks and places every prime by counting the scores above and below it, ties included", () => {
    // Scores drawn from a few values, so most primes tie with others.
    const scoresArb = fc.array(fc.constantFrom(0, 12.5, 50, 62.5, 62.54, 100), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const ranked = benchmark(
          scores.map((score, i) => ({ id: `p${i}`, scores: { overall: score } })),
        ).find((m) => m.key === "overall")?.ranked;
        const shown = scores.map((s) => Math.round(s * 10));
        for (const r of ranked ?? []) {
          const mine = Math.round(r.score * 10);
          const higher = shown.filter((t) => t > mine).length;
          const lower = shown.filter((t) => t < mine).length;
          expect(r.rank).toBe(higher + 1);
          expect(r.percentile).toBe(scores.length > 1 ? round1((lower * 100) / (scores.length - 1)) : null);
        }
        expect(ranked).toHaveLength(scores.length);
      }),
    );
  });

  it("never counts a prime's own other entries among the primes it is ranked against", () => {
    // A programme ranks each contract's prime: Anvil holds two contracts, Beacon one.
    const overall = (score: number) => ({ overall: score });
    const ranked = benchmark([
      { id: "north/anvil", group: "anvil", scores: overall(90) },
      { id: "south/anvil", group: "anvil", scores: overall(70) },
      { id: "east/beacon", group: "beacon", scores: overall(80) },
    ]).find((m) => m.key === "overall")?.ranked;
    expect(ranked).toEqual([
      { id: "north/anvil", score: 90, rank: 1, percentile: 100 },
      { id: "east/beacon", score: 80, rank: 2, percentile: 50 },
      // Only Beacon is above it, and there is no other prime below it.
      { id: "south/anvil", score: 70, rank: 2, percentile: 0 },
    ]);
  });

  it("ranks grouped entries by counting the other primes' entries above and below", () => {
    const entriesArb = fc.array(
      fc.record({ group: fc.constantFrom("a", "b", "c", "d"), score: fc.constantFrom(0, 50, 62.5, 100) }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(entriesArb, (list) => {
        const ranked = benchmark(
          list.map(({ group, score }, i) => ({ id: `e${i}`, group, scores: { overall: score } })),
        ).find((m) => m.key === "overall")?.ranked;
        expect(ranked).toHaveLength(list.length);
        for (const r of ranked ?? []) {
          const me = list[Number(r.id.slice(1))];
          const others = list.filter((e) => e.group !== me?.group);
          const mine = me?.score ?? 0;
          expect(r.rank).toBe(others.filter((e) => e.score > mine).length + 1);
          const lower = others.filter((e) => e.score < mine).length;
          expect(r.percentile).toBe(others.length > 0 ? round1((lower * 100) / others.length) : null);
        }
      }),
    );
  });

  it("refuses repeated primes and scores outside 0–100", () => {
    const alpha = { id: "alpha", scores: {} };
    expect(() => benchmark([alpha, alpha])).toThrow(/listed twice/);
    expect(() => benchmark([{ id: "x", scores: { overall: 101 } }])).toThrow(ScoringError);
    expect(() => benchmark([{ id: "x", scores: { overall: Number.NaN } }])).toThrow(ScoringError);
  });
});

describe("benchmarkScores", () => {
  const framework = buildFramework();

  it("takes a self-assessment's scores", () => {
    const self = scoreAssessment(
      framework,
      { "fair-payment.p1": "agree", "fair-payment.p2": "agree", "fair-payment.p3": "neither" },
      "prime",
    );
    // (75 + 75 + 50) / 3 = 66.66… → 66.7; it is the only principle with a score, so overall too.
    expect(benchmarkScores(self)).toMatchObject({
      "fair-payment": 66.7,
      "risk-sharing": null,
      overall: 66.7,
    });
  });

  it("takes an aggregate's shown means and nothing from a suppressed one", () => {
    const ratings = ["a", "b", "c"].map((id) =>
      partner(framework, id, {
        "fair-payment.s1": "agree",
        "fair-payment.s2": "agree",
        "fair-payment.s3": "agree",
      }),
    );
    expect(benchmarkScores(released(framework, ratings))).toMatchObject({
      "fair-payment": 75,
      "good-faith": null,
    });
    expect(benchmarkScores(released(framework, ratings.slice(0, 2)))).toEqual({});
  });
});
