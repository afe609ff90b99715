import type { Actor } from "@/lib/auth/types";
import type {
  AssessmentWhereInput,
  ContractPrimeWhereInput,
  ContractWhereInput,
  ReleaseFigureWhereInput,
  ReleaseScopeWhereInput,
} from "@/lib/generated/prisma/models";
import { sideOf } from "./capabilities";

/**
 * Which rows an actor reaches, as query conditions the services put into their reads, so that
 * whatever the actor may not see is "not found" rather than filtered afterwards
 * (docs/decisions/0030). One condition per rule; a service that needs a rule not here adds it here.
 * Combine one with the query's own conditions by `AND: [...]` wherever they could name the same
 * field: spread into an object, the later key silently replaces the earlier.
 */

/** Matches no row: for an actor a rule gives nothing. Ids are never empty. */
const NOTHING = { id: "" } as const;

/** A place on a prime's supply chain that rates it: the roster. Only roster partners rate or read. */
export const ON_ROSTER = { canRate: true } as const;

/** A cycle open for answers at `now`: opened, and not yet closed. */
export const openAt = (now: Date) => ({ opensAt: { lte: now }, closesAt: { gte: now } });

/** The contracts an actor commissions: only their commissioner manages them. */
export const commissionedBy = (actor: Actor): ContractWhereInput => ({
  commissionerId: actor.organisationId,
});

/** Contracts whose reports the actor reads: their commissioner, a prime on them, a partner on a roster. */
export const contractsReportedTo = (actor: Actor): ContractWhereInput => ({
  OR: [
    { commissionerId: actor.organisationId },
    { primes: { some: { primeId: actor.organisationId } } },
    { supplyChain: { some: { organisationId: actor.organisationId, ...ON_ROSTER } } },
  ],
});

/** Contracts on which the actor may invite people to answer: their commissioner, or a prime on them. */
export const contractsInvitingBy = (actor: Actor): ContractWhereInput => ({
  OR: [{ commissionerId: actor.organisationId }, { primes: { some: { primeId: actor.organisationId } } }],
});

/**
 * A prime's place on a contract whose action plan, evidence and review the actor reads: the prime
 * itself, and the contract's commissioner. Partners never.
 */
export function awardsOverseenBy(actor: Actor): ContractPrimeWhereInput {
  const side = sideOf(actor);
  if (side === "prime") return { primeId: actor.organisationId };
  if (side === "commissioner") return { contract: { commissionerId: actor.organisationId } };
  return NOTHING;
}

/** A prime's own place on a contract: only the prime writes its replies and its action plan. */
export function awardsHeldBy(actor: Actor): ContractPrimeWhereInput {
  return sideOf(actor) === "prime" ? { primeId: actor.organisationId } : NOTHING;
}

/**
 * Self-assessments whose answers, evidence and review the actor reads: the prime that answered,
 * and the contract's commissioner. A self-assessment is not confidential from the prime; partners'
 * ratings are another rule (answers.ts), and reach anyone else only through releases.
 */
export function selfAssessmentsReadBy(actor: Actor): AssessmentWhereInput {
  const side = sideOf(actor);
  if (side === "prime") return { perspective: "PRIME", respondentOrgId: actor.organisationId };
  if (side === "commissioner")
    return { perspective: "PRIME", contract: { commissionerId: actor.organisationId } };
  return NOTHING;
}

/** As `selfAssessmentsReadBy`, and a draft only by the prime writing it. */
export function selfAssessmentVersionsReadBy(actor: Actor): AssessmentWhereInput {
  const readable = selfAssessmentsReadBy(actor);
  return sideOf(actor) === "prime" ? readable : { ...readable, status: "SUBMITTED" };
}

export interface ReleaseReader {
  view: "prime" | "commissioner";
  scopes: ReleaseScopeWhereInput;
  figures: ReleaseFigureWhereInput;
}

/**
 * Who reads which released scopes of a prime, and which of their figures:
 * - the prime: its own scopes, and only the figures for everyone;
 * - a commissioner: the prime on its contracts and in its pool, and the prime nationally; every
 *   figure, facts the prime sets per partner included;
 * - anyone else: nothing. A partner reads its prime's figures as the prime would, at the scopes
 *   that include its own contract (lib/services/release-reads.ts).
 * lib/services/releases.ts holds the same rule in SQL for reads of thousands of scopes at once.
 */
export function releaseReaderOf(actor: Actor, primeId: string): ReleaseReader | null {
  const side = sideOf(actor);
  if (side === "prime" && actor.organisationId === primeId) {
    return { view: "prime", scopes: {}, figures: { audience: "ALL" } };
  }
  if (side === "commissioner") {
    return {
      view: "commissioner",
      scopes: {
        OR: [
          { level: "NATIONAL" },
          { level: "COMMISSIONER", commissionerId: actor.organisationId },
          { level: "CONTRACT", contract: { commissionerId: actor.organisationId } },
        ],
      },
      figures: {},
    };
  }
  return null;
}
