import type { Actor } from "@/lib/auth/types";
import { type Answers, type Framework, type Perspective, framework as version1 } from "@/lib/framework";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ChainStatus, OrganisationType, SizeBand } from "@/lib/generated/prisma/enums";
import { matchName } from "@/lib/organisations/names";
import { storedScores } from "@/lib/reports/stored-scores";
import { scoreAssessment } from "@/lib/scoring";

/**
 * Factories shared by tests and the demo seed (prisma/seed.ts). Each writes one realistic row
 * through Prisma and returns it; pass only what the test cares about. Deterministic: names come
 * from a counter, never from the clock or Math.random.
 */

let counter = 0;
const next = () => ++counter;

export async function createCommissioner(db: PrismaClient, name = `Test County Council ${next()}`) {
  return db.organisation.create({ data: { name, matchName: matchName(name), type: "COMMISSIONER" } });
}

export async function createPrime(db: PrismaClient, name = `Test Prime Services ${next()} Ltd`) {
  return db.organisation.create({ data: { name, matchName: matchName(name), type: "PRIME" } });
}

export async function createSubcontractor(
  db: PrismaClient,
  { name = `Test Community Trust ${next()}`, sizeBand = "SMALL" as SizeBand, sector = "VCSE" as const } = {},
) {
  return db.organisation.create({
    data: { name, matchName: matchName(name), type: "SUBCONTRACTOR", sector, sizeBand },
  });
}

export interface ContractInput {
  commissionerId: string;
  primes: { primeId: string; lot?: string }[];
  title?: string;
  reference?: string;
  valueBand?: string;
  serviceArea?: string | null;
  startDate?: Date;
  endDate?: Date | null;
  ocid?: string;
}

export async function createContract(db: PrismaClient, input: ContractInput) {
  const n = next();
  return db.contract.create({
    data: {
      commissionerId: input.commissionerId,
      title: input.title ?? `Test employment support contract ${n}`,
      reference: input.reference ?? `TEST-${String(n).padStart(4, "0")}`,
      valueBand: input.valueBand ?? "£1m–£10m",
      serviceArea: input.serviceArea ?? null,
      startDate: input.startDate ?? new Date("2025-04-01"),
      endDate: input.endDate === undefined ? new Date("2029-03-31") : input.endDate,
      ocid: input.ocid,
      primes: { create: input.primes.map(({ primeId, lot }) => ({ primeId, lot })) },
    },
    include: { primes: true },
  });
}

export async function addToSupplyChain(
  db: PrismaClient,
  input: {
    contractId: string;
    primeId: string;
    organisationId: string;
    status?: ChainStatus;
    namedInBid?: boolean;
  },
) {
  return db.supplyChainMember.create({
    data: {
      contractId: input.contractId,
      primeId: input.primeId,
      organisationId: input.organisationId,
      status: input.status ?? "DELIVERING",
      namedInBid: input.namedInBid ?? true,
    },
  });
}

export async function createCycle(
  db: PrismaClient,
  input: { contractId: string; name?: string; opensAt?: Date; closesAt?: Date; framework?: Framework },
) {
  const framework = input.framework ?? version1;
  return db.cycle.create({
    data: {
      contractId: input.contractId,
      name: input.name ?? "2026–27",
      opensAt: input.opensAt ?? new Date("2026-10-01T00:00:00Z"),
      closesAt: input.closesAt ?? new Date("2027-01-31T23:59:59Z"),
      frameworkId: framework.id,
      frameworkVersion: framework.version,
    },
  });
}

export interface AssessmentInput {
  contractId: string;
  cycleId: string;
  primeId: string;
  respondentOrgId: string;
  perspective: Perspective;
  answers: Answers;
  /** Submitted at this time; absent for a draft. */
  submittedAt?: Date;
  reference?: string;
  /** Evidence notes by question key. */
  evidence?: Record<string, string>;
  notesSharedWithPrime?: boolean;
  /** A correction: the version it is, and the assessment it corrects. */
  version?: number;
  supersedesId?: string;
  /** The cycle's framework version; version 1 by default. */
  framework?: Framework;
}

/**
 * An assessment with its answers, stored as the questionnaire stores them: each answer with its
 * principle, score and red flag worked out by lib/scoring.
 */
export async function createAssessment(db: PrismaClient, input: AssessmentInput) {
  const framework = input.framework ?? version1;
  const scored = scoreAssessment(framework, input.answers, input.perspective);
  const n = next();
  return db.assessment.create({
    data: {
      reference: input.reference ?? `CW-TEST-${String(n).padStart(4, "0")}`,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      perspective: input.perspective === "prime" ? "PRIME" : "SUBCONTRACTOR",
      contractId: input.contractId,
      cycleId: input.cycleId,
      primeId: input.primeId,
      respondentOrgId: input.respondentOrgId,
      status: input.submittedAt ? "SUBMITTED" : "DRAFT",
      submittedAt: input.submittedAt,
      notesSharedWithPrime: input.notesSharedWithPrime ?? false,
      version: input.version ?? 1,
      supersedesId: input.supersedesId,
      scores: input.submittedAt ? { create: storedScores(scored) } : undefined,
      answers: {
        create: scored.questions
          .filter((q) => input.answers[q.key] !== undefined)
          .map((q) => ({
            questionKey: q.key,
            value: input.answers[q.key] as Prisma.InputJsonValue,
            score: q.score,
            flagged: q.flagged === true,
            principleKey: q.principle,
            evidence: input.evidence?.[q.key] ?? null,
          })),
      },
    },
  });
}

/** An organisation as the actor the services expect: acting for it, with no signed-in person. */
export const actorFor = (org: { id: string; name: string; type: OrganisationType }): Actor => ({
  organisationId: org.id,
  organisationName: org.name,
  organisationType: org.type,
  userId: null,
  role: null,
});

/**
 * A person with an account and one signed-in session, written as Better Auth writes them (the
 * password itself is not needed by the code under test; sign-up is tested through Better Auth).
 */
export async function createUser(
  db: PrismaClient,
  { email = `person${next()}@example.org`, name = "Test Person" } = {},
) {
  const n = next();
  const user = await db.user.create({ data: { id: `user-${n}`, name, email } });
  const session = await db.session.create({
    data: {
      id: `session-${n}`,
      token: `session-token-${n}`,
      userId: user.id,
      expiresAt: new Date("2099-01-01T00:00:00Z"),
    },
  });
  return { id: user.id, name: user.name, email: user.email, sessionId: session.id };
}
