import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nonEmpty } from "@/tests/support/non-empty";
import { computeRelease, type Previous, type Release, type ReleaseRow, type Thresholds } from "./index";
import { type Population, population } from "./test-arbitraries";
import { isolates } from "./test-linear-algebra";
import { chain, FLAG_ONLY_KEYS, published, row, STRUCTURE, same } from "./test-support";

/**
 * The prime as adversary against a question asked for its red flag only (version 2's "fee above
 * 20%", `p1.over` in the test questionnaire): it controls some partners and reads every release of
 * the period, the commissioners' and then the national one, published under thresholds that may
 * have been raised in between. The promise (docs/decisions/0011, guarantees 2 and 4): no
 * combination of released figures tells it whether one named partner's flag was raised. Checked
 * two ways, neither with the release's own group code: a world where the partner answered the
 * other way gives exactly the same releases, and every published count is the same in a world
 * where it and a partner the adversary does not control swapped answers.
 */

const OVER = FLAG_ONLY_KEYS[0] as string;
const FAMILY = `flag:${OVER}`;

interface Attack {
  readonly p: Population;
  /** The thresholds of the national release: the commissioners' or raised since (never lowered). */
  readonly later: ReadonlyMap<string, Thresholds>;
}

/** Populations with the category threshold at 3 half the time, so that more flags are published. */
const attack: fc.Arbitrary<Attack> = fc
  .tuple(population, fc.boolean(), fc.nat({ max: 2 }))
  .map(([p, low, raise]) => {
    const thresholds = low
      ? new Map([...p.thresholds].map(([c, k]) => [c, { ...k, category: 3 }]))
      : p.thresholds;
    const later = new Map(
      [...thresholds].map(([c, k]) => [c, { score: k.score + raise, category: k.category + raise }]),
    );
    return { p: { ...p, thresholds }, later };
  });

/** Each commissioner's release in turn, then the national one against them all. */
function releases({ p, later }: Attack, rows: readonly ReleaseRow[] = p.rows): Release[] {
  const out: Release[] = [];
  let before: Previous = { scopes: [], figures: [] };
  for (const commissionerId of p.commissioners) {
    const release = computeRelease({
      rows,
      structure: STRUCTURE,
      thresholds: p.thresholds,
      previous: before,
      only: { commissionerId },
    });
    out.push(release);
    before = published(release, before);
  }
  out.push(
    computeRelease({
      rows,
      structure: STRUCTURE,
      thresholds: later,
      previous: before,
      only: { levels: ["national"] },
    }),
  );
  return out;
}

const flagOf = (r: ReleaseRow) => r.flags[OVER] ?? null;
const samePlace = (a: ReleaseRow, b: ReleaseRow) => a.primeId === b.primeId && a.period === b.period;

/** Ratings of partners that rate this prime only once in the period. */
function alone(rows: readonly ReleaseRow[]): ReleaseRow[] {
  const place = (r: ReleaseRow) => `${r.primeId}/${r.period}/${r.respondentId}`;
  const count = new Map<string, number>();
  for (const r of rows) count.set(place(r), (count.get(place(r)) ?? 0) + 1);
  return rows.filter((r) => count.get(place(r)) === 1);
}

/** The rows with two ratings' answers to the flag-only question exchanged. */
function swapped(rows: readonly ReleaseRow[], a: ReleaseRow, b: ReleaseRow): ReleaseRow[] {
  const withFlag = (r: ReleaseRow, raised: boolean | null) => ({
    ...r,
    flags: { ...r.flags, [OVER]: raised },
  });
  return rows.map((r) => (r === a ? withFlag(r, flagOf(b)) : r === b ? withFlag(r, flagOf(a)) : r));
}

/** Ratings in exactly the same published flag-only figures, per prime and period. */
function groupsOf(rows: readonly ReleaseRow[], sets: readonly (readonly string[])[]): ReleaseRow[][] {
  const signature = new Map<string, string>();
  sets.forEach((set, i) => {
    for (const id of set) signature.set(id, `${signature.get(id) ?? ""},${i}`);
  });
  const groups = new Map<string, ReleaseRow[]>();
  for (const r of rows) {
    const sig = signature.get(r.ratingId);
    if (sig === undefined) continue;
    const key = `${r.primeId}/${r.period}/${sig}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

describe("what the prime can work out about a partner's answer to a question asked for its flag only", () => {
  it("exchanging two partners' answers to it on one contract changes nothing in any release, earlier or later", () => {
    let tried = 0;
    fc.assert(
      fc.property(attack, fc.nat(), (a, pick) => {
        // Two partners on one contract, one raising the flag and one not: whatever else the prime
        // controls, nothing released says which of them it was.
        const pairs: [ReleaseRow, ReleaseRow][] = [];
        const single = alone(a.p.rows);
        for (const t of single.filter((r) => flagOf(r) === true)) {
          for (const u of single.filter((r) => flagOf(r) === false)) {
            if (samePlace(t, u) && t.contractId === u.contractId) pairs.push([t, u]);
          }
        }
        fc.pre(pairs.length > 0);
        const [t, u] = pairs[pick % pairs.length] as [ReleaseRow, ReleaseRow];
        const seen = releases(a);
        // Only runs where the figure is published at all show anything.
        if (seen.some((r) => r.figures.some((f) => f.family === FAMILY))) tried++;
        expect(releases(a, swapped(a.p.rows, t, u))).toEqual(seen);
      }),
      { numRuns: 150 },
    );
    expect(tried, "runs that published the flag-only figure").toBeGreaterThan(20);
  });

  it("controlling fewer than the category threshold in every group, it cannot tell any other partner's flag", () => {
    let targets = 0;
    fc.assert(
      fc.property(attack, fc.nat(), (a, seed) => {
        const { p } = a;
        const figures = releases(a)
          .flatMap((r) => r.figures)
          .filter((f) => f.family === FAMILY);
        const sets = figures.map((f) => f.ratingIds);
        const groups = groupsOf(p.rows, sets);
        const controlled = control(p, groups, seed);
        const known = new Set(p.rows.filter((r) => controlled.has(r.respondentId)).map((r) => r.ratingId));
        for (const group of groups) {
          for (const t of group) {
            if (controlled.has(t.respondentId)) continue;
            targets++;
            // A world it cannot tell from this one: t's rating and another it does not know, in the
            // same figures and answered the other way, swap answers. Every published count, earlier
            // and later, stays the same. (The other may be the same partner's rating on another
            // contract: then t's answer on this contract is still unknown, but see the next test.)
            const u = group.find(
              (r) =>
                r !== t && !controlled.has(r.respondentId) && (flagOf(r) === true) !== (flagOf(t) === true),
            );
            expect(u, `a rating answered otherwise beside ${t.ratingId}`).toBeDefined();
            const other = new Map(swapped(p.rows, t, u as ReleaseRow).map((r) => [r.ratingId, r]));
            for (const f of figures) {
              const raised = f.ratingIds.filter((id) => flagOf(other.get(id) as ReleaseRow) === true).length;
              expect(f.kind === "flag" && raised === f.raised).toBe(true);
            }
            // Nor does adding and subtracting the counts give anything about t's ratings alone.
            const own = p.rows.filter((r) => r.respondentId === t.respondentId).map((r) => r.ratingId);
            expect(pinsDown(sets, known, own)).toBe(false);
          }
        }
      }),
      { numRuns: 100 },
    );
    expect(targets, "partners whose flag it tried to learn").toBeGreaterThan(100);
  });

  it("controlling fewer than the category threshold in every group, it cannot tell whether a partner on two contracts raised it on any, or on all", () => {
    let targets = 0;
    fc.assert(
      fc.property(attack, fc.nat(), (a, seed) => {
        const { p } = a;
        const sets = releases(a)
          .flatMap((r) => r.figures)
          .filter((f) => f.family === FAMILY)
          .map((f) => f.ratingIds);
        const groups = groupsOf(p.rows, sets);
        const controlled = control(p, groups, seed);
        for (const group of groups) {
          const unknown = group.filter((r) => !controlled.has(r.respondentId));
          for (const t of new Set(unknown.map((r) => r.respondentId))) {
            const own = unknown.filter((r) => r.respondentId === t);
            const others = unknown.filter((r) => r.respondentId !== t);
            const raised = (rows: ReleaseRow[]) => rows.filter((r) => flagOf(r) === true).length;
            if (own.length > 1) targets++;
            // Worlds it cannot tell from this one: t's raised answers here swapped with others' not
            // raised (t raised it nowhere here), and t's others swapped with others' raised (t raised
            // it everywhere here). Each needs enough answers of the other kind beside t's.
            expect(others.length - raised(others), `answers not raised beside ${t}`).toBeGreaterThanOrEqual(
              raised(own),
            );
            expect(raised(others), `answers raised beside ${t}`).toBeGreaterThanOrEqual(
              own.length - raised(own),
            );
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(targets, "partners with two ratings in one group").toBeGreaterThan(10);
  });

  // Found 2026-12-07 (ADR 0011 amendment): the category threshold counted a partner outside a
  // category when any one of its ratings was, so a partner rating the prime on two contracts, once
  // each way, counted on both sides. T raises the flag on contract X and not on Y; A and B raise it
  // on X, C and D do not on Y. Each side had 3 partners (T twice), so at a category threshold of 3
  // the pool published "3 of 6"; a prime controlling C and D (2, fewer than 3) knew that the four
  // ratings it does not know hold 3 raised, and A and B are only two: T raised it on X or Y.
  describe("a partner rating the prime on two contracts, once each way, beside the prime's k꜀ − 1 partners", () => {
    const on = (contractId: string, respondentId: string, raised: boolean) =>
      row(
        `${respondentId}@${contractId}`,
        { contractId, respondentId },
        { flags: { "p1.q1": false, "p1.fee": false, [OVER]: raised } },
      );
    const rows = [
      on("X", "T", true),
      on("Y", "T", false),
      on("X", "A", true),
      on("X", "B", true),
      on("Y", "C", false),
      on("Y", "D", false),
    ];
    const known = new Map([
      ["C@Y", false],
      ["D@Y", false],
    ]);
    /** The published flag-only counts, and whether some world giving them has T raise it nowhere. */
    function attackOn(all: readonly ReleaseRow[]) {
      const release = computeRelease({ rows: all, structure: STRUCTURE, thresholds: same(3) });
      const figures = release.figures.filter((f) => f.kind === "flag" && f.family === FAMILY);
      const unknown = all.map((r) => r.ratingId).filter((id) => !known.has(id));
      let nowhere = false;
      for (let bits = 0; bits < 1 << unknown.length; bits++) {
        const world = new Map([...known, ...unknown.map((id, i) => [id, ((bits >> i) & 1) === 1] as const)]);
        const alike = figures.every(
          (f) => f.kind === "flag" && f.ratingIds.filter((id) => world.get(id)).length === f.raised,
        );
        if (alike && !world.get("T@X") && !world.get("T@Y")) nowhere = true;
      }
      return {
        counts: figures.map((f) => (f.kind === "flag" ? `${f.raised} of ${f.ratings}` : "")),
        nowhere,
      };
    }

    it("is not given away: the count that would is not published", () => {
      expect(attackOn(rows)).toEqual({ counts: [], nowhere: true });
    });

    it("with one more partner on each side the count is published, and still gives nothing away", () => {
      const { counts, nowhere } = attackOn([...rows, on("X", "E", true), on("Y", "F", false)]);
      expect(nonEmpty(counts, "published counts")).toContain("4 of 8");
      expect(nowhere).toBe(true);
    });
  });

  it("knowing every partner of a published flag-only figure but one, it has that one's flag: so only readers other than the prime read it", () => {
    // The documented limit of any count (ADR 0011, "What it does not stop", 1): the category
    // threshold cannot stop a reader that controls all but one. The fee is a fact the prime sets, so
    // its figures are for the commissioner alone.
    const honest = row("H", {}, { flags: { "p1.q1": false, "p1.fee": false, [OVER]: true } });
    const friendly = [
      ...chain("raised", 2, {}, { flags: { "p1.q1": false, "p1.fee": false, [OVER]: true } }),
      ...chain("not", 3, {}, { flags: { "p1.q1": false, "p1.fee": false, [OVER]: false } }),
    ];
    const release = computeRelease({
      rows: [...friendly, honest],
      structure: STRUCTURE,
      thresholds: same(3),
    });
    const figures = release.figures.filter((f) => f.family === FAMILY);
    // The same six ratings at the contract, the commissioner's pool and nationally.
    expect(figures.map((f) => (f.kind === "flag" ? [f.raised, f.ratings, f.audience] : null))).toEqual(
      Array(3).fill([3, 6, "not-prime"]),
    );
    const known = new Set(friendly.map((r) => r.ratingId));
    expect(
      pinsDown(
        figures.map((f) => f.ratingIds),
        known,
        ["H"],
      ),
    ).toBe(true);
  });
});

/** Whether adding and subtracting the counts of these sets gives something about `target`'s ratings alone. */
function pinsDown(
  sets: readonly (readonly string[])[],
  known: ReadonlySet<string>,
  target: readonly string[],
): boolean {
  const columns = [...new Set(sets.flat())].filter((id) => !known.has(id)).sort();
  const matrix = sets.map((set) => columns.map((id) => (set.includes(id) ? 1 : 0)));
  const own = new Set(target.map((id) => columns.indexOf(id)).filter((j) => j >= 0));
  return own.size > 0 && isolates(matrix, own);
}

/** The most a reader may control: as many partners as leaves k꜀ − 1 controlled in every group, in an order the run chooses. */
function control(p: Population, groups: readonly ReleaseRow[][], seed: number): Set<string> {
  const category = (ids: readonly ReleaseRow[]) =>
    Math.max(...ids.map((r) => (p.thresholds.get(r.commissionerId) as Thresholds).category));
  const order = [...new Set(p.rows.map((r) => r.respondentId))].sort(
    (x, y) => mix(x, seed) - mix(y, seed) || (x < y ? -1 : 1),
  );
  const controlled = new Set<string>();
  for (const candidate of order) {
    const trial = new Set([...controlled, candidate]);
    const fits = groups.every(
      (g) =>
        new Set(g.filter((r) => trial.has(r.respondentId)).map((r) => r.respondentId)).size < category(g),
    );
    if (fits) controlled.add(candidate);
  }
  return controlled;
}

function mix(text: string, seed: number): number {
  let h = seed % 1_000_003;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  return h;
}
