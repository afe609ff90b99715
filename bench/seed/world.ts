import { framework } from "@/lib/framework";
import { seededRandom } from "@/prisma/demo-answers";
import type { Pool } from "./pool";
import type { AssessmentRow, BenchActors, ContractBlock, MemberRow, OrganisationRow } from "./rows";
import {
  CONTRACTS_PER_COUNTY,
  CYCLES_PER_CONTRACT,
  LOTS_PER_CONTRACT,
  RATERS_PER_CYCLE,
  ROSTER_PER_AWARD,
  type Scale,
  SEED_VERSION,
  sizeOf,
} from "./scale";

/**
 * The synthetic world, row by row, from one seeded generator: the same scale always gives the same
 * rows. Half the contracts belong to one commissioner (a county at S, a national programme at L);
 * the rest to county councils of five contracts each. Each contract is let in four lots; each prime
 * holds two lots, one in the programme and one with a county. Each lot's supply chain has thirty
 * partners on its rating roster, and in each of two cycles twenty-four of them rate the prime.
 */

const pad = (n: number, width = 6) => String(n).padStart(width, "0");
const V = `b${SEED_VERSION}`;
export const benchIds = {
  commissioner: (i: number) => `${V}-com-${pad(i)}`,
  prime: (i: number) => `${V}-pri-${pad(i)}`,
  partner: (i: number) => `${V}-par-${pad(i)}`,
  contract: (i: number) => `${V}-con-${pad(i)}`,
  cycle: (contract: number, n: number) => `${V}-cyc-${pad(contract)}-${n}`,
};

export type { AssessmentRow, BenchActors, ContractBlock } from "./rows";

export const FRAMEWORK = { id: framework.id, version: framework.version };

const REGIONS = [
  "North East",
  "North West",
  "Yorkshire",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
  "Wales",
];
const SERVICES = ["Employment Support", "Probation Services", "Health and Wellbeing", "Youth Pathways"];
const PARTNER_KINDS = ["Community Trust", "Advice Centre", "Carers Network", "Youth Project", "Foundation"];

const CYCLE_DATES = [
  { name: "2025–26", opensAt: "2025-10-01T00:00:00.000", closesAt: "2026-01-31T23:59:59.000" },
  { name: "2026–27", opensAt: "2026-10-01T00:00:00.000", closesAt: "2027-03-31T23:59:59.000" },
] as const;

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Distinct references in the questionnaire's own format: an odd multiplier permutes 40-bit numbers. */
function reference(n: number): string {
  let x = (BigInt(n) * 0x9e3779b97n + 0x5bd1e995n) & ((1n << 40n) - 1n);
  let text = "";
  for (let i = 0; i < 8; i++) {
    text = ALPHABET[Number(x & 31n)] + text;
    x >>= 5n;
  }
  return `CW-${text.slice(0, 4)}-${text.slice(4)}`;
}

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(`${iso}Z`) + minutes * 60_000).toISOString().slice(0, 23);

export interface World {
  organisations: OrganisationRow[];
  blocks: ContractBlock[];
  actors: BenchActors;
}

export function buildWorld(scale: Scale, pool: Pool): World {
  const size = sizeOf(scale);
  const random = seededRandom(`chainwise-bench/${SEED_VERSION}/${scale}`);
  const int = (n: number) => Math.floor(random() * n);

  const organisations: OrganisationRow[] = [];
  for (let i = 0; i < size.commissioners; i++) {
    organisations.push({
      id: benchIds.commissioner(i),
      name:
        i === 0
          ? `${scale === "L" ? "National" : scale === "M" ? "Regional" : "County"} Work Programme (bench ${scale})`
          : `Bench County Council ${pad(i, 3)}`,
      type: "COMMISSIONER",
      sector: null,
      sizeBand: null,
    });
  }
  const tendency: number[] = [];
  for (let i = 0; i < size.primes; i++) {
    organisations.push({
      id: benchIds.prime(i),
      name: `Bench Prime ${pad(i, 4)} Ltd`,
      type: "PRIME",
      sector: null,
      sizeBand: null,
    });
    tendency.push(0.3 + 0.55 * random());
  }
  for (let i = 0; i < size.partners; i++) {
    organisations.push({
      id: benchIds.partner(i),
      name: `Bench ${PARTNER_KINDS[i % PARTNER_KINDS.length]} ${pad(i, 5)}`,
      type: "SUBCONTRACTOR",
      sector: random() < 0.85 ? "VCSE" : "SME",
      sizeBand: (["MICRO", "SMALL", "MEDIUM", "LARGE"] as const)[int(4)] ?? "SMALL",
    });
  }
  // Which prime holds each lot: a fixed shuffle, so neighbouring lots are not neighbouring primes.
  const primeOrder = Array.from({ length: size.primes }, (_, i) => i);
  for (let i = primeOrder.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [primeOrder[i], primeOrder[j]] = [primeOrder[j] as number, primeOrder[i] as number];
  }

  let assessmentNo = 0;
  const blocks: ContractBlock[] = [];
  let actors: BenchActors | null = null;
  const half = size.contracts / 2;
  for (let c = 0; c < size.contracts; c++) {
    const commissioner = c < half ? 0 : 1 + Math.floor((c - half) / CONTRACTS_PER_COUNTY);
    const contractId = benchIds.contract(c);
    const block: ContractBlock = {
      contract: {
        id: contractId,
        reference: `BENCH-${pad(c)}`,
        title: `${REGIONS[c % REGIONS.length]} ${SERVICES[Math.floor(c / REGIONS.length) % SERVICES.length]} ${pad(c, 4)}`,
        valueBand: ["£1m–£10m", "£10m–£50m", "£50m and over"][int(3)] ?? "£1m–£10m",
        startDate: "2025-04-01",
        endDate: "2029-03-31",
        commissionerId: benchIds.commissioner(commissioner),
      },
      awards: [],
      cycles: CYCLE_DATES.slice(0, CYCLES_PER_CONTRACT).map((d, n) => ({
        id: benchIds.cycle(c, n),
        contractId,
        name: d.name,
        opensAt: d.opensAt,
        closesAt: d.closesAt,
      })),
      members: [],
      assessments: [],
    };
    for (let lot = 0; lot < LOTS_PER_CONTRACT; lot++) {
      const award = c * LOTS_PER_CONTRACT + lot;
      const prime = primeOrder[award % size.primes] as number;
      const primeId = benchIds.prime(prime);
      block.awards.push({ id: `${contractId}-lot${lot}`, contractId, primeId, lot: `Lot ${lot + 1}` });
      const roster = new Set<number>();
      while (roster.size < ROSTER_PER_AWARD) roster.add(int(size.partners));
      const members = [...roster].map((partner, j): MemberRow => {
        const status = j < 22 ? "DELIVERING" : j < 24 ? "CONTRACTED" : j < 27 ? "NAMED_IN_BID" : "EXITED";
        return {
          id: `${contractId}-lot${lot}-m${j}`,
          contractId,
          primeId,
          organisationId: benchIds.partner(partner),
          namedInBid: status === "NAMED_IN_BID" || random() < 0.6,
          status,
          canRate: j !== ROSTER_PER_AWARD - 1,
        };
      });
      block.members.push(...members);
      const raters = members.filter((m) => m.canRate);

      block.cycles.forEach((cycle, n) => {
        const current = n === CYCLES_PER_CONTRACT - 1;
        const cycleDates = CYCLE_DATES[n] ?? CYCLE_DATES[0];
        const assess = (
          row: Omit<AssessmentRow, "id" | "reference" | "contractId" | "cycleId" | "primeId" | "revision">,
        ) => {
          const id = `${V}-ass-${pad(assessmentNo, 7)}`;
          const full: AssessmentRow = {
            ...row,
            id,
            reference: reference(assessmentNo++),
            contractId,
            cycleId: cycle.id,
            primeId,
            revision: row.status === "SUBMITTED" ? 7 : 3,
          };
          block.assessments.push(full);
          return full;
        };
        const t = tendency[prime] as number;
        const submitted = (minute: number) => addMinutes(cycleDates.opensAt, 60 * 24 + minute * 97);
        const selfAt = submitted(int(60 * 24 * 30));
        assess({
          perspective: "PRIME",
          respondentOrgId: primeId,
          status: "SUBMITTED",
          version: 1,
          supersedesId: null,
          createdAt: addMinutes(selfAt, -600),
          updatedAt: selfAt,
          submittedAt: selfAt,
          notesSharedWithPrime: false,
          set: pool.choose("prime", t + 0.15 + (random() - 0.5) * 0.2, random()).id,
        });
        const chosen = [...raters];
        for (let i = chosen.length - 1; i > 0; i--) {
          const j = int(i + 1);
          [chosen[i], chosen[j]] = [chosen[j] as MemberRow, chosen[i] as MemberRow];
        }
        // In the open cycle the first partner has corrected its rating (two versions, so one partner
        // fewer keeps the count per cycle), and the last two are still drafting.
        const count = current ? RATERS_PER_CYCLE - 1 : RATERS_PER_CYCLE;
        chosen.slice(0, count).forEach((member, i) => {
          const draft = current && i >= count - 2;
          const corrected = current && i === 0;
          const at = submitted(i * 300 + int(240));
          const own = t + (random() - 0.5) * 0.3;
          const first = assess({
            perspective: "SUBCONTRACTOR",
            respondentOrgId: member.organisationId,
            status: draft ? "DRAFT" : "SUBMITTED",
            version: 1,
            supersedesId: null,
            createdAt: addMinutes(at, -300),
            updatedAt: at,
            submittedAt: draft ? null : at,
            notesSharedWithPrime: random() < 0.5,
            set: pool.choose("subcontractor", own, random(), draft).id,
          });
          if (draft && !actors && c === 0 && lot === 0) {
            actors = {
              commissionerId: benchIds.commissioner(0),
              primeId,
              primeContractId: contractId,
              partnerId: member.organisationId,
              draftId: first.id,
            };
          }
          if (corrected) {
            const later = addMinutes(at, 60 * 24 * 20);
            assess({
              perspective: "SUBCONTRACTOR",
              respondentOrgId: member.organisationId,
              status: "SUBMITTED",
              version: 2,
              supersedesId: first.id,
              createdAt: addMinutes(later, -60),
              updatedAt: later,
              submittedAt: later,
              notesSharedWithPrime: first.notesSharedWithPrime,
              set: pool.choose("subcontractor", own + 0.1, random()).id,
            });
          }
        });
      });
    }
    blocks.push(block);
  }
  if (!actors) throw new Error("the world has no draft to benchmark");
  return { organisations, blocks, actors };
}
