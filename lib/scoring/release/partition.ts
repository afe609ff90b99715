import { ScoringError } from "../numbers";

/**
 * The one disclosure check (docs/decisions/0011, "The check").
 *
 * Ratings are sorted into groups by exactly which published figures of one family they are in.
 * Any set a reader can build from published figures by union, intersection and difference is made
 * of whole groups, and any sum or difference of published totals is a sum over whole groups, so if
 * every group passes, nothing published narrows down further than a group. Publishing one more
 * figure only splits groups in two (the ratings in it and those not), so only the two parts of each
 * group it splits need checking.
 */

/** One rating, as the check sees it. */
export interface Member {
  readonly respondent: string;
  /** The score threshold of the rating's programme. */
  readonly sizeK: number;
  /** The category threshold of the rating's programme. */
  readonly categoryK: number;
  /** For counts: which category the rating falls in (a band, raised or not); null otherwise. */
  readonly category: string | null;
}

/** Whether one group of ratings may be published as it stands. */
export type GroupRule = (members: readonly Member[]) => boolean;

/** At least the threshold of distinct partners: the strictest threshold of any rating in the group. */
export const enoughPartners: GroupRule = (members) => {
  let k = 0;
  const respondents = new Set<string>();
  for (const m of members) {
    k = Math.max(k, m.sizeK);
    respondents.add(m.respondent);
  }
  return respondents.size >= k;
};

/**
 * Enough partners, and for every category at least the category threshold of partners outside it:
 * no category holds all but a few. For a flag (raised / not raised) that is "both those raising it
 * and those not raising it reach the threshold".
 *
 * A partner can have several ratings in a group (one per contract), so partners are not enough: one
 * that raised a flag on one contract and not on another counts on both sides, and one with two
 * ratings in a category needs two outside it to hide among. So also: for every partner with ratings
 * in a category, the ratings outside it of the other partners, less those of the k꜀ − 1 partners
 * with most of them (all a reader may control), are at least as many as that partner's ratings in
 * it. Then a world where none of its ratings is in the category gives the same counts.
 */
export function enoughOutsideEach(categories: readonly string[]): GroupRule {
  return (members) => {
    if (!enoughPartners(members)) return false;
    const k = Math.max(...members.map((m) => m.categoryK));
    return categories.every((category) => {
      const outside = new Map<string, number>();
      const inside = new Map<string, number>();
      for (const m of members) {
        const side = m.category === category ? inside : outside;
        side.set(m.respondent, (side.get(m.respondent) ?? 0) + 1);
      }
      return outside.size >= k && hidden(inside, outside, k);
    });
  };
}

/** Whether each partner's ratings inside a category are matched outside it by partners a reader cannot all control. */
function hidden(
  inside: ReadonlyMap<string, number>,
  outside: ReadonlyMap<string, number>,
  k: number,
): boolean {
  const counts = [...outside].sort((a, b) => b[1] - a[1]);
  let total = 0;
  for (const [, n] of counts) total += n;
  // The k − 1 largest, and the k largest: a partner among the first k − 1 is replaced by the k-th.
  let top = 0;
  for (let i = 0; i < k - 1 && i < counts.length; i++) top += (counts[i] as [string, number])[1];
  const kth = counts[k - 1]?.[1] ?? 0;
  const rank = new Map(counts.map(([respondent], i) => [respondent, i]));
  for (const [respondent, n] of inside) {
    const own = outside.get(respondent) ?? 0;
    const i = rank.get(respondent);
    const left = i !== undefined && i < k - 1 ? total - top - kth : total - own - top;
    if (left < n) return false;
  }
  return true;
}

const NONE = -1;

export class Partition {
  private readonly groupOf = new Map<string, number>();
  private readonly groups = new Map<number, Set<string>>();
  private next = 0;

  constructor(
    private readonly members: ReadonlyMap<string, Member>,
    private readonly rule: GroupRule,
  ) {}

  /** Whether `ratingIds` passes on its own, as if nothing else were published. */
  passesAlone(ratingIds: readonly string[]): boolean {
    return ratingIds.length > 0 && this.rule(ratingIds.map((id) => this.member(id)));
  }

  /**
   * Publishes a figure over `ratingIds` if every group it splits leaves two parts that pass (and
   * the ratings in no published figure yet pass as a group), returning whether it did. `force`
   * publishes it regardless: for figures an earlier release already made public.
   */
  add(ratingIds: readonly string[], { force = false }: { force?: boolean } = {}): boolean {
    const touched = new Map<number, string[]>();
    for (const id of ratingIds) {
      this.member(id);
      const group = this.groupOf.get(id) ?? NONE;
      const list = touched.get(group);
      if (list) list.push(id);
      else touched.set(group, [id]);
    }
    if (!force) {
      for (const [group, inside] of touched) {
        if (!this.rule(inside.map((id) => this.member(id)))) return false;
        if (group === NONE) continue;
        const all = this.groups.get(group) as Set<string>;
        if (inside.length === all.size) continue;
        const isInside = new Set(inside);
        const outside = [...all].filter((id) => !isInside.has(id));
        if (!this.rule(outside.map((id) => this.member(id)))) return false;
      }
    }
    for (const [group, inside] of touched) {
      const all = group === NONE ? null : (this.groups.get(group) as Set<string>);
      if (all && inside.length === all.size) continue;
      const created = this.next++;
      this.groups.set(created, new Set(inside));
      for (const id of inside) {
        all?.delete(id);
        this.groupOf.set(id, created);
      }
    }
    return true;
  }

  private member(id: string): Member {
    const member = this.members.get(id);
    if (!member) throw new ScoringError(`rating "${id}" is not among the ratings being released`);
    return member;
  }
}
