import { describe, expect, it } from "vitest";
import { aggregateGroups, guardDifferencing, type RatingGroup } from "./index";
import { answerAll, buildFramework, partner } from "./test-fixtures";

/** A group of partners r<from>…r<to>, one rating each. */
const group = (id: string, from: number, to: number): RatingGroup => ({
  id,
  ratings: Array.from({ length: to - from + 1 }, (_, i) => ({
    id: `r${from + i}`,
    respondent: `r${from + i}`,
  })),
});

describe("guardDifferencing", () => {
  it("hides the smaller of two groups that differ by fewer than k partners", () => {
    // All contracts: 10 partners; contract A: 8 of them. Subtracting would isolate 2 partners.
    expect(guardDifferencing([group("all", 1, 10), group("a", 1, 8)])).toEqual({
      shown: ["all"],
      hidden: ["a"],
    });
  });

  it("shows both when they differ by at least k partners", () => {
    expect(guardDifferencing([group("all", 1, 11), group("a", 1, 8)])).toEqual({
      shown: ["a", "all"],
      hidden: [],
    });
  });

  it("catches a partner isolated by three groups, which no pair of them reveals", () => {
    // all = r1…r7, a = r1…r3, b = r4…r6: all − a − b is r7 alone. Equal sizes go in id order, so b is hidden.
    const result = guardDifferencing([group("all", 1, 7), group("b", 4, 6), group("a", 1, 3)]);
    expect(result).toEqual({ shown: ["a", "all"], hidden: ["b"] });
  });

  it("shows disjoint groups and identical groups", () => {
    expect(guardDifferencing([group("a", 1, 3), group("b", 4, 6), group("c", 1, 3)]).hidden).toEqual([]);
  });

  it("hides groups below k and counts partners, not ratings", () => {
    expect(guardDifferencing([group("a", 1, 2)])).toEqual({ shown: [], hidden: ["a"] });
    // The cell all − a holds three ratings but only two partners.
    const all = group("all", 1, 6);
    const twice = { id: "all", ratings: [...all.ratings, { id: "r7", respondent: "r5" }] };
    expect(guardDifferencing([twice, group("a", 1, 3)]).shown).toEqual(["all", "a"].sort());
    const thin = { id: "all", ratings: [...group("x", 1, 5).ratings, { id: "r6", respondent: "r5" }] };
    expect(guardDifferencing([thin, group("a", 1, 3)])).toEqual({ shown: ["all"], hidden: ["a"] });
  });

  it("keeps the group with more partners, whatever its number of ratings", () => {
    // x: 4 partners; y: 3 partners but 5 ratings (e rated on three contracts). They share a and b,
    // a cell of 2, so one must go: y, the group with fewer partners.
    const rating = (id: string, respondent = id) => ({ id, respondent });
    const x = { id: "x", ratings: ["a", "b", "c", "d"].map((id) => rating(id)) };
    const y = {
      id: "y",
      ratings: [rating("a"), rating("b"), rating("e1", "e"), rating("e2", "e"), rating("e3", "e")],
    };
    expect(guardDifferencing([y, x])).toEqual({ shown: ["x"], hidden: ["y"] });
  });

  it("does not depend on the order of groups or ratings", () => {
    const groups = [group("all", 1, 9), group("a", 1, 4), group("b", 5, 8), group("c", 2, 5)];
    const reversed = groups.map((g) => ({ ...g, ratings: [...g.ratings].reverse() })).reverse();
    expect(guardDifferencing(reversed)).toEqual(guardDifferencing(groups));
  });

  it("refuses a repeated group or rating", () => {
    expect(() => guardDifferencing([group("a", 1, 3), group("a", 4, 6)])).toThrow(/listed twice/);
    const doubled = { id: "a", ratings: [...group("a", 1, 3).ratings, { id: "r1", respondent: "r1" }] };
    expect(() => guardDifferencing([doubled])).toThrow(/rating twice/);
  });
});

describe("aggregateGroups", () => {
  const framework = buildFramework();
  // p4 and p5 leave data-sharing blank, so they have no data-sharing score.
  const rating = (n: number) =>
    partner(
      framework,
      `p${n}`,
      answerAll(framework, "subcontractor", (_, principle) =>
        principle === "data-sharing" && (n === 4 || n === 5) ? undefined : "agree",
      ),
    );
  const ratings = [1, 2, 3, 4, 5, 6].map(rating);

  it("hides a whole group that would isolate fewer than k partners", () => {
    const result = aggregateGroups([
      { id: "all", ratings: ratings.slice(0, 4) },
      { id: "a", ratings: ratings.slice(0, 3) },
    ]);
    expect(result.map((r) => [r.id, r.aggregate.suppressed])).toEqual([
      ["a", true],
      ["all", false],
    ]);
    expect(result[0]?.aggregate).toEqual({ suppressed: true });
  });

  it("guards each figure over the partners who contributed to it", () => {
    // Whole groups: all = p1…p6, a = p1…p3 differ by 3 partners, so both are shown. For
    // data-sharing, all counts p1, p2, p3, p6 and a counts p1…p3: the difference is p6 alone.
    const result = aggregateGroups([
      { id: "all", ratings },
      { id: "a", ratings: ratings.slice(0, 3) },
    ]);
    const find = (id: string) => {
      const aggregate = result.find((r) => r.id === id)?.aggregate;
      if (!aggregate || aggregate.suppressed) throw new Error(`expected ${id} shown`);
      return aggregate;
    };
    expect(find("a").principles.find((p) => p.key === "data-sharing")).toEqual({
      key: "data-sharing",
      suppressed: true,
    });
    expect(find("a").questions.find((x) => x.key === "data-sharing.s1")).toMatchObject({ suppressed: true });
    expect(find("a").principles.find((p) => p.key === "fair-payment")).toMatchObject({ n: 3, mean: 75 });
    expect(find("all").principles.find((p) => p.key === "data-sharing")).toMatchObject({ n: 4, mean: 75 });
  });

  it("does not depend on the order of groups or ratings", () => {
    const groups = [
      { id: "all", ratings },
      { id: "a", ratings: ratings.slice(0, 3) },
      { id: "b", ratings: ratings.slice(3) },
    ];
    const shuffled = groups.map((g) => ({ ...g, ratings: [...g.ratings].reverse() })).reverse();
    expect(aggregateGroups(shuffled)).toEqual(aggregateGroups(groups));
  });
});
