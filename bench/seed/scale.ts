/**
 * The benchmark's three sizes, from one county to a national programme. Everything grows by the
 * same factor, so a report that reads only its own contract should cost the same at every size,
 * and one that reads a whole programme should grow no faster than the data it covers.
 */

export const SCALES = ["S", "M", "L"] as const;
export type Scale = (typeof SCALES)[number];

export const FACTOR: Record<Scale, number> = { S: 1, M: 10, L: 100 };

/**
 * Bumped whenever the generator changes what it writes: ids carry it, so the benchmark notices a
 * database seeded by an older generator and seeds it again.
 */
export const SEED_VERSION = 1;

export const LOTS_PER_CONTRACT = 4;
export const ROSTER_PER_AWARD = 30;
/** Partners who start a rating of their prime in each cycle (the rest of the roster stay silent). */
export const RATERS_PER_CYCLE = 24;
export const CYCLES_PER_CONTRACT = 2;
/** Contracts each county council lets; the programme's own commissioner lets half of all contracts. */
export const CONTRACTS_PER_COUNTY = 5;

export interface Size {
  scale: Scale;
  /** The programme's commissioner, then one county council per factor. */
  commissioners: number;
  primes: number;
  partners: number;
  contracts: number;
  /** Partner ratings and prime self-assessments, drafts and corrections included. */
  assessments: number;
}

export function sizeOf(scale: Scale): Size {
  const f = FACTOR[scale];
  const contracts = 10 * f;
  const awards = contracts * LOTS_PER_CONTRACT;
  return {
    scale,
    commissioners: 1 + contracts / 2 / CONTRACTS_PER_COUNTY,
    primes: 20 * f,
    partners: 200 * f,
    contracts,
    // Per award and cycle: one self-assessment and RATERS_PER_CYCLE partner assessments.
    assessments: awards * CYCLES_PER_CONTRACT * (1 + RATERS_PER_CYCLE),
  };
}

export function parseScale(value: string | undefined): Scale {
  const upper = value?.toUpperCase();
  if (upper && (SCALES as readonly string[]).includes(upper)) return upper as Scale;
  throw new Error(`--scale must be one of ${SCALES.join(", ")}, not ${value ?? "nothing"}`);
}
