import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/types";
import { framework } from "@/lib/framework";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ReleaseRow } from "@/lib/scoring/release";
import type { Population } from "@/lib/scoring/release/test-arbitraries";
import {
  actorFor,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createUser,
} from "./factories";

/**
 * Writes a random population of the release reference's properties (lib/scoring/release/
 * test-arbitraries.ts) to the database as partners' submitted ratings, stored as a submit stores
 * them (each answer's score and flag, each partner's own principle and overall scores), so the
 * service can release it and a test can compare what it stored with the reference.
 *
 * The population's questions are the reference's test questionnaire; they are written as real
 * partner questions of the framework with the same traits: p1 is fair payment (its fee question a
 * fact the prime sets, flagged), p2 risk sharing.
 */
export const QUESTION_OF: Readonly<Record<string, { key: string; principle: string }>> = {
  "p1.q1": { key: "pay.fee-explained.sub", principle: "fair-payment" },
  "p1.q2": { key: "pay.full-cost.sub", principle: "fair-payment" },
  "p1.fee": { key: "pay.fee.sub", principle: "fair-payment" },
  "p2.q1": { key: "risk.controllable.sub", principle: "risk-sharing" },
  "p2.q2": { key: "risk.cash-flow.sub", principle: "risk-sharing" },
};
export const MEASURE_OF: Readonly<Record<string, string>> = {
  p1: "fair-payment",
  p2: "risk-sharing",
  overall: "overall",
};

export interface WrittenPopulation {
  /** The population's rows under the database's ids and the framework's keys. */
  rows: ReleaseRow[];
  /** Each commissioner's administrator, in the population's order (c0, c1, c2). */
  admins: Actor[];
  primes: Actor[];
  /** The population's periods ("2026", "2027") as written: unique to this call. */
  periods: Map<string, string>;
}

const newId = () => randomUUID().replaceAll("-", "");

/** Every cycle is closed by `closedBy`. */
export async function writePopulation(
  client: PrismaClient,
  population: Population,
  closedBy: Date,
): Promise<WrittenPopulation> {
  const run = newId().slice(0, 8);
  const admins: Actor[] = [];
  const commissionerIds = new Map<string, string>();
  for (const c of population.commissioners) {
    const org = await createCommissioner(client);
    const k = population.thresholds.get(c);
    await client.organisation.update({
      where: { id: org.id },
      data: { releaseScoreThreshold: k?.score ?? 5, releaseCategoryThreshold: k?.category ?? 5 },
    });
    const user = await createUser(client);
    await client.membership.create({ data: { userId: user.id, organisationId: org.id, role: "ADMIN" } });
    commissionerIds.set(c, org.id);
    admins.push({ ...actorFor(org), userId: user.id, role: "ADMIN" });
  }
  const primeIds = new Map<string, string>();
  const primes: Actor[] = [];
  for (const p of [...new Set(population.rows.map((r) => r.primeId))].sort()) {
    const org = await createPrime(client);
    primeIds.set(p, org.id);
    primes.push(actorFor(org));
  }
  const contractIds = new Map<string, string>();
  for (const row of population.rows) {
    if (contractIds.has(row.contractId)) continue;
    const contract = await createContract(client, {
      commissionerId: commissionerIds.get(row.commissionerId) as string,
      primes: [...primeIds.values()].map((primeId) => ({ primeId })),
    });
    contractIds.set(row.contractId, contract.id);
  }
  const periods = new Map<string, string>();
  for (const p of [...new Set(population.rows.map((r) => r.period))].sort())
    periods.set(p, `${p} run ${run}`);
  const cycleIds = new Map<string, string>();
  /** When each cycle closed: a contract's cycles never overlap (the database refuses it), so each
   * period's cycles take their own 90 days, the latest period's closing the day before `closedBy`. */
  const closes = new Map<string, Date>();
  const order = [...periods.keys()].reverse();
  for (const row of population.rows) {
    if (cycleIds.has(row.cycleId)) continue;
    const closesAt = new Date(closedBy.getTime() - (1 + 91 * order.indexOf(row.period)) * 86_400_000);
    const cycle = await createCycle(client, {
      contractId: contractIds.get(row.contractId) as string,
      name: periods.get(row.period),
      opensAt: new Date(closesAt.getTime() - 90 * 86_400_000),
      closesAt,
    });
    cycleIds.set(row.cycleId, cycle.id);
    closes.set(row.cycleId, closesAt);
  }
  const respondents = [...new Set(population.rows.map((r) => r.respondentId))].sort();
  const partners = await client.organisation.createManyAndReturn({
    data: respondents.map((r) => ({
      name: `Population partner ${run} ${r}`,
      type: "SUBCONTRACTOR" as const,
    })),
    select: { id: true, name: true },
  });
  const partnerIds = new Map(
    partners.map((p) => [p.name.slice(`Population partner ${run} `.length), p.id] as const),
  );

  const rows: ReleaseRow[] = [];
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const answers: Prisma.AnswerCreateManyInput[] = [];
  const scores: Prisma.AssessmentScoreCreateManyInput[] = [];
  for (const row of population.rows) {
    const id = newId();
    const contractId = contractIds.get(row.contractId) as string;
    const mapped: ReleaseRow = {
      ratingId: id,
      respondentId: partnerIds.get(row.respondentId) as string,
      primeId: primeIds.get(row.primeId) as string,
      commissionerId: commissionerIds.get(row.commissionerId) as string,
      contractId,
      cycleId: cycleIds.get(row.cycleId) as string,
      period: periods.get(row.period) as string,
      questionScores: {},
      flags: {},
      measureScores: {},
    };
    assessments.push({
      id,
      reference: `CW-REL-${id.slice(0, 12)}`,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      perspective: "SUBCONTRACTOR" as const,
      contractId,
      cycleId: mapped.cycleId,
      primeId: mapped.primeId,
      respondentOrgId: mapped.respondentId,
      status: "SUBMITTED" as const,
      submittedAt: new Date((closes.get(row.cycleId) as Date).getTime() - 29 * 86_400_000),
    });
    for (const [testKey, score] of Object.entries(row.questionScores)) {
      const question = QUESTION_OF[testKey];
      if (!question) throw new Error(`no framework question for ${testKey}`);
      const real = score ?? null;
      const raised = real === null ? null : (row.flags[testKey] ?? null);
      if (real !== null) (mapped.questionScores as Record<string, number>)[question.key] = real;
      if (raised !== null) (mapped.flags as Record<string, boolean>)[question.key] = raised;
      answers.push({
        assessmentId: id,
        questionKey: question.key,
        value: real === null ? "dont_know" : real,
        score: real,
        principleKey: question.principle,
        flagged: raised === true,
      });
    }
    for (const [testKey, score] of Object.entries(row.measureScores)) {
      const measure = MEASURE_OF[testKey] as string;
      (mapped.measureScores as Record<string, number | null>)[measure] = score ?? null;
      scores.push({ assessmentId: id, measure, score: score ?? null });
    }
    rows.push(mapped);
  }
  // A submitted assessment takes answers only in the transaction that wrote it (ADR 0014).
  await client.$transaction(async (tx) => {
    await tx.assessment.createMany({ data: assessments });
    await tx.answer.createMany({ data: answers });
    await tx.assessmentScore.createMany({ data: scores });
  });
  return { rows, admins, primes, periods };
}
