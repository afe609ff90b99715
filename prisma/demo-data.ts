import type { ServiceArea } from "@/lib/contracts/options";
import type { ChainStatus, SizeBand } from "@/lib/generated/prisma/enums";

/**
 * The demo world: one county council, two contracts (the first let in two lots), three primes and
 * twelve voluntary and community sector partners. Every name is invented.
 */

export const commissioner = "Northmoor County Council";

export const primes = {
  castlegate: "Castlegate Employment Services Ltd",
  meridian: "Meridian Outcomes plc",
  harbourline: "Harbourline Care Partnerships Ltd",
} as const;
export type PrimeKey = keyof typeof primes;

export const partners: { key: string; name: string; sizeBand: SizeBand }[] = [
  { key: "riverside", name: "Riverside Community Trust", sizeBand: "SMALL" },
  { key: "moorland-mind", name: "Moorland Mental Health Alliance", sizeBand: "MEDIUM" },
  { key: "pathways", name: "Pathways for Women Northmoor", sizeBand: "SMALL" },
  { key: "eastfield", name: "Eastfield Advice Centre", sizeBand: "MICRO" },
  { key: "second-chance", name: "Second Chance Skills CIC", sizeBand: "MICRO" },
  { key: "deaf-association", name: "Northmoor Deaf Association", sizeBand: "MICRO" },
  { key: "hillside", name: "Hillside Recovery Network", sizeBand: "SMALL" },
  { key: "brightstart", name: "Brightstart Youth Project", sizeBand: "SMALL" },
  { key: "veterans", name: "Veterans Forward Northmoor", sizeBand: "MICRO" },
  { key: "oakwood", name: "Oakwood Housing Support", sizeBand: "MEDIUM" },
  { key: "stepping-stones", name: "Stepping Stones Disability Employment", sizeBand: "SMALL" },
  { key: "kingsway", name: "Kingsway Carers Centre", sizeBand: "LARGE" },
];

export interface ChainEntry {
  partner: string;
  status: ChainStatus;
  namedInBid: boolean;
}

/** The partners' question whose answer must agree with the roster: bid candy (issue 17). */
export const INVOLVEMENT_QUESTION = "faith.bid-candy.sub";
/** The prime's side of it: the share of partners named in its bid now contracted and given work. */
export const NAMED_DELIVERING_QUESTION = "faith.bid-candy.prime";

/**
 * What a partner on the roster answers about its involvement, from its place there, never at
 * random: a partner the list shows delivering never says it was given no work, and one named in
 * the bid and left without a contract or work always says so.
 */
export function involvementAnswer(entry: ChainEntry): string {
  switch (entry.status) {
    case "NAMED_IN_BID":
      return "named-no-contract";
    case "CONTRACTED":
      return "contracted-no-work";
    default:
      return entry.namedInBid ? "named-delivering" : "not-named-delivering";
  }
}

/**
 * The prime's own answer, the share (per cent) of those named in its bid now delivering, worked
 * from the same roster. Those who left (EXITED) count as having chosen to, as the question allows.
 */
export function namedDeliveringPercent(chain: readonly ChainEntry[]): number {
  const named = chain.filter((e) => e.namedInBid && e.status !== "EXITED");
  if (named.length === 0) return 100;
  return Math.round((named.filter((e) => e.status === "DELIVERING").length * 100) / named.length);
}

export const contracts: {
  title: string;
  reference: string;
  valueBand: string;
  serviceArea: ServiceArea;
  startDate: string;
  endDate: string;
  lots: { prime: PrimeKey; lot: string; chain: ChainEntry[] }[];
}[] = [
  {
    title: "Northmoor Working Well: employment support",
    reference: "NCC-2025-014",
    valueBand: "£10m–£50m",
    serviceArea: "employment",
    startDate: "2025-04-01",
    endDate: "2029-03-31",
    lots: [
      {
        prime: "castlegate",
        lot: "North",
        chain: [
          { partner: "riverside", status: "DELIVERING", namedInBid: true },
          { partner: "moorland-mind", status: "DELIVERING", namedInBid: true },
          { partner: "pathways", status: "DELIVERING", namedInBid: true },
          { partner: "eastfield", status: "CONTRACTED", namedInBid: true },
          { partner: "second-chance", status: "DELIVERING", namedInBid: false },
        ],
      },
      {
        prime: "meridian",
        lot: "South",
        chain: [
          { partner: "deaf-association", status: "NAMED_IN_BID", namedInBid: true },
          { partner: "hillside", status: "DELIVERING", namedInBid: true },
          { partner: "brightstart", status: "DELIVERING", namedInBid: true },
          { partner: "veterans", status: "NAMED_IN_BID", namedInBid: true },
          { partner: "stepping-stones", status: "DELIVERING", namedInBid: true },
        ],
      },
    ],
  },
  {
    title: "Northmoor Community Health Connectors",
    reference: "NCC-2025-027",
    valueBand: "£1m–£10m",
    serviceArea: "health",
    startDate: "2025-10-01",
    endDate: "2028-09-30",
    lots: [
      {
        prime: "harbourline",
        lot: "County-wide",
        chain: [
          { partner: "oakwood", status: "DELIVERING", namedInBid: true },
          { partner: "kingsway", status: "DELIVERING", namedInBid: true },
          { partner: "moorland-mind", status: "DELIVERING", namedInBid: true },
          { partner: "riverside", status: "EXITED", namedInBid: true },
        ],
      },
    ],
  },
];

const DAY = 86_400_000;

/** A UK public-sector financial year, April to March, as cycles are named: "2026–27". */
export function financialYear(date: Date): string {
  const year = date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return `${year}–${String((year + 1) % 100).padStart(2, "0")}`;
}

/**
 * The demo's two cycles, placed around `today` so the demo always has one open: the current one
 * opened 60 days ago and closes in 60; the previous one, closed, ran a little over a year before
 * (more than a year, so the two never share a financial year's name). Whole UTC days, so two seeds
 * on the same day write the same data.
 */
export function demoCycles(today = new Date()): { name: string; opensAt: Date; closesAt: Date }[] {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const currentOpens = new Date(midnight - 60 * DAY);
  const previousOpens = new Date(currentOpens.getTime() - 371 * DAY);
  return [
    {
      name: financialYear(previousOpens),
      opensAt: previousOpens,
      closesAt: new Date(previousOpens.getTime() + 86 * DAY - 1000),
    },
    {
      name: financialYear(currentOpens),
      opensAt: currentOpens,
      closesAt: new Date(midnight + 61 * DAY - 1000),
    },
  ];
}

/** How well each prime really treats its partners (0–1), and how kindly it sees itself. */
export const tendencies: Record<PrimeKey, { partners: number; self: number }> = {
  castlegate: { partners: 0.74, self: 0.85 },
  meridian: { partners: 0.38, self: 0.8 },
  harbourline: { partners: 0.6, self: 0.62 },
};

/**
 * Who has answered. In the closed previous cycle every partner on a roster and every prime
 * submitted. In the open current cycle some have, some are part-way, and Castlegate's chain is left
 * for the reader to try (the browser tests rate Castlegate as Riverside and Moorland).
 */
export const currentCycleResponses: Record<
  PrimeKey,
  { submitted: string[]; drafts: string[]; self: "submitted" | "draft" | "none" }
> = {
  castlegate: { submitted: ["second-chance", "eastfield"], drafts: [], self: "none" },
  meridian: {
    submitted: ["deaf-association", "hillside", "brightstart", "stepping-stones"],
    drafts: ["veterans"],
    self: "submitted",
  },
  harbourline: { submitted: ["oakwood", "kingsway"], drafts: ["moorland-mind"], self: "draft" },
};

/** Demo sign-ins (DEMO_MODE=on only), each an administrator of an invented organisation. */
export const DEMO_PASSWORD = "chainwise demo password";
export const demoAccounts: { organisation: string; name: string; email: string }[] = [
  { organisation: commissioner, name: "Sam Okafor", email: "sam.okafor@northmoor-council.example" },
  { organisation: primes.castlegate, name: "Priya Shah", email: "priya.shah@castlegate.example" },
  { organisation: primes.meridian, name: "Daniel Webb", email: "daniel.webb@meridian.example" },
  { organisation: primes.harbourline, name: "Grace Lin", email: "grace.lin@harbourline.example" },
  { organisation: "Riverside Community Trust", name: "Asha Patel", email: "asha.patel@riverside.example" },
  { organisation: "Hillside Recovery Network", name: "Tom Reid", email: "tom.reid@hillside.example" },
];
