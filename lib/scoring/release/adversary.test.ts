import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nonEmpty } from "@/tests/support/non-empty";
import { round1 } from "../numbers";
import { answerAll, buildFramework, partner } from "../test-fixtures";
import { computeRelease, type Previous, type ReleaseRow, releaseRow, releaseStructure } from "./index";
import { population } from "./test-arbitraries";
import { isolates } from "./test-linear-algebra";
import { chain, row, STRUCTURE, same } from "./test-support";

/**
 * The prime as adversary (docs/decisions/0011, "What a reader can work out"). It holds every
 * published total and the ratings of the partners it controls, and works out whatever it can by
 * adding and subtracting. The promise: if, in every group of ratings, it knows the ratings of at
 * most k − 2 partners, no combination of published totals pins down anything about any other
 * single partner's ratings alone. The limit: knowing k − 1 of a figure of exactly k, it pins the last.
 */

interface Family {
  readonly sets: readonly (readonly string[])[];
}

/** Published totals of one family as rows over the ratings the adversary does not know. */
function matrix(family: Family, known: ReadonlySet<string>): { rows: number[][]; columns: string[] } {
  const columns = [...new Set(family.sets.flat())].filter((id) => !known.has(id)).sort();
  const rows = family.sets.map((set) => {
    const inSet = new Set(set);
    return columns.map((id) => (inSet.has(id) ? 1 : 0));
  });
  return { rows, columns };
}

/** Whether the adversary pins down something about one respondent's ratings alone. */
function pinsDown(
  family: Family,
  rows: readonly ReleaseRow[],
  known: ReadonlySet<string>,
  respondent: string,
) {
  const knownRatings = new Set(rows.filter((r) => known.has(r.respondentId)).map((r) => r.ratingId));
  const m = matrix(family, knownRatings);
  const own = new Set(rows.filter((r) => r.respondentId === respondent).map((r) => r.ratingId));
  const columns = new Set(m.columns.flatMap((id, j) => (own.has(id) ? [j] : [])));
  return columns.size > 0 && isolates(m.rows, columns);
}

function familiesOf(release: Previous): Family[] {
  const names = [...new Set(release.figures.map((f) => f.family))].filter((n) => !n.startsWith("spread:"));
  return names.map((name) => ({
    sets: release.figures.filter((f) => f.family === name).map((f) => f.ratingIds),
  }));
}

/** Groups of ratings: those in exactly the same sets of a family. */
function groupsOf(family: Family): string[][] {
  const signature = new Map<string, string>();
  family.sets.forEach((set, i) => {
    for (const id of set) signature.set(id, `${signature.get(id) ?? ""},${i}`);
  });
  const groups = new Map<string, string[]>();
  for (const [id, sig] of signature) groups.set(sig, [...(groups.get(sig) ?? []), id]);
  return [...groups.values()];
}

describe("what the prime can work out from a release", () => {
  it("knowing up to k − 2 partners in every group, it pins down nothing about any other partner", () => {
    let checked = 0;
    fc.assert(
      fc.property(population, (p) => {
        const release = computeRelease({ rows: p.rows, structure: STRUCTURE, thresholds: p.thresholds });
        const respondentOf = new Map(p.rows.map((r) => [r.ratingId, r.respondentId]));
        const k = (ids: readonly string[]) =>
          Math.max(
            ...ids.map(
              (id) =>
                p.thresholds.get(p.rows.find((r) => r.ratingId === id)?.commissionerId ?? "")?.score ?? 5,
            ),
          );
        for (const family of familiesOf(release)) {
          // The most it may know: greedily, as many partners as leaves every group k − 2 known.
          const groups = groupsOf(family).map((ids) => ({
            respondents: [...new Set(ids.map((id) => respondentOf.get(id) as string))].sort(),
            limit: k(ids) - 2,
          }));
          const known = new Set<string>();
          for (const group of groups) {
            for (const candidate of group.respondents) {
              const trial = new Set([...known, candidate]);
              if (groups.every((g) => g.respondents.filter((r) => trial.has(r)).length <= g.limit))
                known.add(candidate);
            }
          }
          for (const group of groups) {
            for (const respondent of group.respondents) {
              if (known.has(respondent)) continue;
              checked++;
              expect(pinsDown(family, p.rows, known, respondent)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(checked, "partners the adversary tried to pin down").toBeGreaterThan(200);
  });

  it("knowing all but one partner of a figure of exactly k, it pins down the last one (the documented limit)", () => {
    let seen = 0;
    fc.assert(
      fc.property(population, (p) => {
        const release = computeRelease({ rows: p.rows, structure: STRUCTURE, thresholds: p.thresholds });
        for (const figure of release.figures.filter((f) => f.kind === "question")) {
          const own = p.rows.filter((r) => figure.ratingIds.includes(r.ratingId));
          const threshold = Math.max(...own.map((r) => p.thresholds.get(r.commissionerId)?.score ?? 5));
          if (figure.respondents !== threshold || figure.ratings !== figure.respondents) continue;
          seen++;
          const [last, ...others] = own.map((r) => r.respondentId);
          const family = {
            sets: release.figures.filter((f) => f.family === figure.family).map((f) => f.ratingIds),
          };
          expect(pinsDown(family, p.rows, new Set(others), last as string)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    expect(seen, "figures of exactly k partners tried").toBeGreaterThan(0);
  });

  it("learns nothing from the scripted attack but the honest partners' aggregate; with two of them it has the third", () => {
    const friendly = row("F", {}, { questionScores: {}, flags: {}, measureScores: {} });
    const honest = chain("H", 3);
    const release = computeRelease({
      rows: [friendly, ...honest],
      structure: STRUCTURE,
      thresholds: same(3),
    });
    const families = nonEmpty(familiesOf(release), "families");
    for (const family of families) {
      for (const h of ["H1", "H2", "H3"]) {
        expect(pinsDown(family, [friendly, ...honest], new Set(["F"]), h)).toBe(false);
        expect(pinsDown(family, [friendly, ...honest], new Set(["F", "H1"]), h === "H1" ? "H2" : h)).toBe(
          false,
        );
      }
      expect(pinsDown(family, [friendly, ...honest], new Set(["H1", "H2"]), "H3")).toBe(true);
    }
  });
});

describe("why principle and overall means are worked from question means", () => {
  // Four partners; h answers "Don't know" to the fifth fair-payment question, the others answer all.
  const framework = buildFramework();
  const options = ["strongly-disagree", "disagree", "neither", "agree", "strongly-agree"];
  const secret = ["agree", "disagree", "strongly-agree", "neither"];
  const ratings = ["a", "b", "c", "h"].map((id, n) =>
    partner(
      framework,
      id,
      answerAll(framework, "subcontractor", (key, principle) => {
        if (principle !== "fair-payment") return "neither";
        const i = Number(key.slice(-1)) - 1;
        if (id === "h") return i < 4 ? secret[i] : "dont_know";
        return options[(n * 2 + i) % 5];
      }),
    ),
  );
  const hScore = ratings[3]?.assessment.principles.find((p) => p.key === "fair-payment")?.score;

  it("today's rules give away h's fair-payment score: the principle mean beside its question means", () => {
    // The figures ADR 0005 published (the library's old aggregateRatings, now deleted): the mean of
    // partners' own principle scores, and each question's mean over its real answers, one decimal.
    const own = ratings.map(
      (r) => r.assessment.principles.find((p) => p.key === "fair-payment")?.score ?? null,
    );
    expect(own.every((score) => score !== null)).toBe(true);
    const principle = {
      n: own.length,
      mean: round1(own.reduce<number>((a, b) => a + (b ?? 0), 0) / own.length),
    };
    const questions = (ratings[0]?.assessment.questions ?? [])
      .filter((q) => q.principle === "fair-payment")
      .map((q) => {
        const scores = ratings.flatMap((r) => {
          const answer = r.assessment.questions.find((x) => x.key === q.key);
          return answer?.status === "answered" && answer.score !== null ? [answer.score] : [];
        });
        return {
          suppressed: scores.length < 3,
          n: scores.length,
          mean: round1(scores.reduce((a, b) => a + b, 0) / scores.length),
        };
      })
      .filter((q) => !q.suppressed);
    expect(questions).toHaveLength(5);
    // a, b, c each score (q1 + … + q5) / 5; h scores (q1 + … + q4) / 4. So n × mean − (Σ question
    // totals) / 5 = (q1 + … + q4 of h) × (1/4 − 1/5): h's own score over 5. Rounded means leave it
    // within 2 of the truth, and h's score can only be a multiple of 6.25.
    const total = (q: (typeof questions)[number]) => (q.suppressed ? 0 : q.n * (q.mean ?? 0));
    const estimate =
      5 * ((principle.n ?? 0) * principle.mean - questions.reduce((s, q) => s + total(q), 0) / 5);
    expect(Math.abs(estimate - (hScore ?? 0))).toBeLessThan(2);
    expect(Math.round(estimate / 6.25) * 6.25).toBe(hScore);
  });

  it("a release of the same ratings publishes nothing that isolates h, by any combination", () => {
    // As if no question were about a fact the prime sets, so every figure is one the prime reads.
    const real = releaseStructure(framework);
    const structure = {
      ...real,
      principles: real.principles.map((p) => ({
        ...p,
        questions: p.questions.map((q) => ({ ...q, primeKnown: false })),
      })),
    };
    const rows = ratings.map((r) =>
      releaseRow(
        {
          ratingId: r.id,
          respondentId: r.respondent,
          primeId: "P",
          commissionerId: "council",
          contractId: "k",
          cycleId: "y",
          period: "2026",
        },
        r.assessment,
      ),
    );
    const release = computeRelease({
      rows,
      structure,
      thresholds: new Map([["council", { score: 3, category: 3 }]]),
    });
    const fairPayment = release.figures.filter(
      (f) => f.kind === "question" && f.key.startsWith("fair-payment."),
    );
    expect(fairPayment.length).toBeGreaterThanOrEqual(5);
    // One unknown per answer; each published total is a row. A derived mean is a fixed mix of rows.
    const unknowns = fairPayment.flatMap((f) => f.ratingIds.map((id) => `${f.key}/${id}`));
    const columns = [...new Set(unknowns)].sort();
    const totals = fairPayment.map((f) =>
      columns.map((c) => (f.ratingIds.some((id) => c === `${f.key}/${id}`) ? 1 : 0)),
    );
    const hColumns = new Set(columns.flatMap((c, j) => (c.endsWith("/h") ? [j] : [])));
    expect(isolates(totals, hColumns)).toBe(false);
    // Add today's per-partner principle total (coefficients × 20: a, b, c 4 per answer, h 5) and h is isolated.
    const principleRow = columns.map((c) => (c.endsWith("/h") ? 5 : 4));
    expect(isolates([...totals, principleRow], hColumns)).toBe(true);
  });
});

describe("across cycles", () => {
  it("shares no rating between two periods' releases, so a partner that left is not pinned exactly", () => {
    const first = chain("p", 5, { period: "2026" });
    const second = chain("p", 4, { period: "2027" }).map((r) => ({ ...r, ratingId: `${r.ratingId}-2027` }));
    const rows = [...first, ...second];
    const release = computeRelease({ rows, structure: STRUCTURE, thresholds: same(4) });
    const family = {
      sets: release.figures.filter((f) => f.family === "question:p1.q1").map((f) => f.ratingIds),
    };
    expect(family.sets.length).toBeGreaterThan(0);
    // The prime knows p1 and p2; p5 left after 2026. Each period's answers are their own unknowns.
    expect(pinsDown(family, rows, new Set(["p1", "p2"]), "p5")).toBe(false);
  });

  it("but if every partner who stayed answered exactly as before, the change between periods is the leaver's answer", () => {
    // The documented limit: identify each stayer's two answers as one unknown, and p5 is isolated.
    const totals = [
      [1, 1, 1, 1, 1], // 2026: p1 … p5
      [1, 1, 1, 1, 0], // 2027: p1 … p4, the same answers
    ];
    expect(isolates(totals, new Set([4]))).toBe(true);
  });
});

describe("facts the prime sets per partner", () => {
  it("never reach the prime: its principle and overall means do not change with them", () => {
    fc.assert(
      fc.property(population, fc.constantFrom(0, 100), fc.boolean(), (p, fee, over) => {
        const run = (rows: readonly ReleaseRow[]) =>
          computeRelease({ rows, structure: STRUCTURE, thresholds: p.thresholds });
        // The fee's score, and the answer to the question asked for its flag only ("fee above 20%").
        const changed = p.rows.map((r) => ({
          ...r,
          questionScores: { ...r.questionScores, "p1.fee": r.questionScores["p1.fee"] === null ? null : fee },
          flags: { ...r.flags, "p1.over": r.flags["p1.over"] == null ? null : over },
        }));
        const primeView = (release: ReturnType<typeof run>) =>
          release.derived.filter((d) => d.view === "prime");
        expect(primeView(run(changed))).toEqual(primeView(run(p.rows)));
        for (const figure of run(p.rows).figures.filter((f) => f.key === "p1.fee" || f.key === "p1.over")) {
          expect(figure.audience).toBe("not-prime");
        }
      }),
      { numRuns: 60 },
    );
  });
});
