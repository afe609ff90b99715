import { BANDS, type Band } from "@/lib/scoring/numbers";

/**
 * The commissioner's overview, worst first: which primes treat their supply chains worst, by what
 * their partners' released figures say. One rule, stated on the page:
 * 1. rows with released figures before rows without (nothing to judge yet);
 * 2. by band, Concern first;
 * 3. then more red flags raised first;
 * 4. then the lower overall score first;
 * 5. then the larger gap between the prime's claim and its partners first (a prime rating itself
 *    far above what its partners say);
 * 6. then by prime and contract name, so equal rows keep one order.
 */
export interface ConcernRow {
  overall: number | null;
  band: Band | null;
  flags: number | null;
  gap: number | null;
  prime: { name: string };
  contract: { title: string };
}

export const CONCERN_RULE =
  "Worst first: primes with released figures first, by band (Concern first), then more red flags raised, then a lower overall score, then a larger gap between what the prime claims and what its partners say.";

const bandRank = (band: Band | null) =>
  band === null ? BANDS.length : BANDS.length - 1 - BANDS.indexOf(band);

export function compareConcern(a: ConcernRow, b: ConcernRow): number {
  const released = Number(a.overall === null) - Number(b.overall === null);
  if (released !== 0) return released;
  return (
    bandRank(a.band) - bandRank(b.band) ||
    (b.flags ?? 0) - (a.flags ?? 0) ||
    (a.overall ?? 0) - (b.overall ?? 0) ||
    (b.gap ?? Number.NEGATIVE_INFINITY) - (a.gap ?? Number.NEGATIVE_INFINITY) ||
    a.prime.name.localeCompare(b.prime.name, "en-GB") ||
    a.contract.title.localeCompare(b.contract.title, "en-GB")
  );
}

export function worstFirst<T extends ConcernRow>(rows: readonly T[]): T[] {
  return [...rows].sort(compareConcern);
}
