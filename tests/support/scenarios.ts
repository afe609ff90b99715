import type { Actor } from "@/lib/auth/types";
import type { Answers, Framework, Perspective } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ChainStatus } from "@/lib/generated/prisma/enums";
import {
  actorFor,
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createSubcontractor,
} from "./factories";

/**
 * The world most integration tests start from, built fresh by each test that needs it: a
 * commissioner, one contract with its primes, partners on a prime's rating roster, and an open
 * rating cycle. Every organisation is new, so tests sharing a database never see each other's.
 * Deterministic, like the factories: names from their counter, dates fixed.
 */

/** A partner on a prime's roster: `prime` is an index into the scenario's primes, 0 by default. */
export interface PartnerInput {
  name?: string;
  prime?: number;
  status?: ChainStatus;
  namedInBid?: boolean;
  /** False: in the supply chain but taken off the list of partners who rate. */
  canRate?: boolean;
}

export interface RatingScenarioInput {
  commissioner?: string;
  /** The contract's title; the factory's numbered one by default. */
  title?: string;
  /** The primes on the contract, by name and lot; one numbered prime by default. */
  primes?: { name?: string; lot?: string }[];
  /** Partners on a roster: that many numbered ones on the first prime's, or each described; one by default. */
  partners?: number | PartnerInput[];
  /** The open cycle; 2026–27 by default, open from 1 October 2026 to 31 January 2027. */
  cycle?: { name?: string; opensAt?: Date; closesAt?: Date; framework?: Framework };
}

export interface RatingOptions {
  /** The prime rated; the scenario's first by default. */
  prime?: Actor;
  cycleId?: string;
  perspective?: Perspective;
  /** Submitted at this time; a draft when null. */
  submittedAt?: Date | null;
  evidence?: Record<string, string>;
  notesSharedWithPrime?: boolean;
  /** The cycle's framework version; version 1 by default. */
  framework?: Framework;
}

export type RatingScenario = Awaited<ReturnType<typeof createRatingScenario>>;

export async function createRatingScenario(client: PrismaClient, input: RatingScenarioInput = {}) {
  const commissioner = actorFor(await createCommissioner(client, input.commissioner));
  const primes: Actor[] = [];
  for (const p of input.primes ?? [{}]) primes.push(actorFor(await createPrime(client, p.name)));
  const contract = await createContract(client, {
    commissionerId: commissioner.organisationId,
    title: input.title,
    primes: primes.map((p, i) => ({ primeId: p.organisationId, lot: input.primes?.[i]?.lot })),
  });
  const cycle = await createCycle(client, { contractId: contract.id, ...input.cycle });

  const wanted: PartnerInput[] =
    typeof input.partners === "number"
      ? Array.from({ length: input.partners }, () => ({}))
      : (input.partners ?? [{}]);
  const partners: Actor[] = [];
  /** Each partner's supply-chain entry, in the order of `partners`. */
  const supplyChainMemberIds: string[] = [];
  for (const p of wanted) {
    const org = await createSubcontractor(client, { name: p.name });
    const prime = primes[p.prime ?? 0];
    if (!prime) throw new Error(`no prime ${p.prime} in the scenario`);
    const member = await addToSupplyChain(client, {
      contractId: contract.id,
      primeId: prime.organisationId,
      organisationId: org.id,
      status: p.status,
      namedInBid: p.namedInBid,
    });
    if (p.canRate === false) {
      await client.supplyChainMember.update({ where: { id: member.id }, data: { canRate: false } });
    }
    partners.push(actorFor(org));
    supplyChainMemberIds.push(member.id);
  }

  const [prime] = primes;
  if (!prime) throw new Error("a scenario needs a prime");

  let minute = 0;
  /**
   * One respondent's answers about a prime, stored as a submit stores them (scores included):
   * submitted a minute after the scenario's previous rating unless `submittedAt` says otherwise.
   */
  const rate = (respondent: Actor, answers: Answers, options: RatingOptions = {}) => {
    minute++;
    const submittedAt =
      options.submittedAt === undefined ? new Date(Date.UTC(2026, 10, 1, 9, minute)) : options.submittedAt;
    return createAssessment(client, {
      contractId: contract.id,
      cycleId: options.cycleId ?? cycle.id,
      primeId: (options.prime ?? prime).organisationId,
      respondentOrgId: respondent.organisationId,
      perspective:
        options.perspective ?? (respondent.organisationType === "PRIME" ? "prime" : "subcontractor"),
      answers,
      submittedAt: submittedAt ?? undefined,
      evidence: options.evidence,
      notesSharedWithPrime: options.notesSharedWithPrime,
      framework: options.framework,
    });
  };

  return {
    commissioner,
    contractId: contract.id,
    contractTitle: contract.title,
    primes,
    /** The first prime. */
    prime,
    partners,
    /** The first partner. */
    get partner(): Actor {
      const [first] = partners;
      if (!first) throw new Error("this scenario has no partners");
      return first;
    },
    supplyChainMemberIds,
    cycleId: cycle.id,
    cycleName: cycle.name,
    rate,
  };
}
