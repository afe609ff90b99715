import { type Answers, framework, type Perspective } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scoreAssessment } from "@/lib/scoring";
import { getProgrammeReport } from "@/lib/services/programme-report";
import { getContractReport } from "@/lib/services/reports";
import type { OpenTestDatabase } from "./test-database";

/**
 * The figures reports are made of, from what is stored in `client`: each submitted assessment's
 * scores and flags, computed from its answers, and every released partners' figure as stored
 * (docs/decisions/0011). Used to show that a backup restores the same figures (tests/integration/backup.test.ts).
 * {@link reportsAsServed} adds the reports themselves, as the services serve them.
 */
export async function reportSnapshot(client: PrismaClient) {
  const rows = await client.assessment.findMany({
    where: { status: "SUBMITTED" },
    orderBy: { reference: "asc" },
    select: {
      id: true,
      reference: true,
      perspective: true,
      contractId: true,
      cycleId: true,
      primeId: true,
      respondentOrgId: true,
      answers: { select: { questionKey: true, value: true }, orderBy: { questionKey: "asc" } },
    },
  });
  const scored = rows.map((row) => {
    const perspective: Perspective = row.perspective === "PRIME" ? "prime" : "subcontractor";
    const answers: Answers = Object.fromEntries(row.answers.map((a) => [a.questionKey, a.value])) as Answers;
    return { row, assessment: scoreAssessment(framework, answers, perspective) };
  });
  const releasedFigures = await client.releaseFigure.findMany({
    select: {
      family: true,
      key: true,
      audience: true,
      ratings: true,
      partners: true,
      totalTenths: true,
      raised: true,
      medianTenths: true,
      strong: true,
      good: true,
      developing: true,
      concern: true,
      scope: { select: { scopeKey: true, period: true, partners: true, ratings: true } },
    },
  });
  return {
    assessments: scored.map(({ row, assessment }) => ({
      reference: row.reference,
      score: assessment.score,
      band: assessment.band,
      principles: assessment.principles.map((p) => [p.key, p.score, p.band]),
      questions: assessment.questions.map((q) => [q.key, q.score, q.flagged]),
      redFlags: assessment.redFlags.map((f) => [f.kind, f.question]),
    })),
    released: releasedFigures.map((f) => JSON.stringify(f)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
  };
}

/**
 * Every report each commissioner in the database can read, as the report services serve them: its
 * programme table for every cycle, and each contract's report for every cycle. Makes `database` the
 * one the services use.
 */
export async function reportsAsServed(database: OpenTestDatabase, now: Date) {
  database.use();
  const commissioners = await database.client.organisation.findMany({
    where: { type: "COMMISSIONER" },
    select: { id: true, name: true, type: true },
    orderBy: { name: "asc" },
  });
  const reports = [];
  for (const org of commissioners) {
    const actor = {
      organisationId: org.id,
      organisationName: org.name,
      organisationType: org.type,
      userId: null,
      role: null,
    };
    const programme = await getProgrammeReport(actor, { now });
    for (const cycleName of programme.cycleNames)
      reports.push(await getProgrammeReport(actor, { cycleName, now }));
    const contracts = await database.client.contract.findMany({
      where: { commissionerId: org.id },
      select: { id: true, cycles: { select: { id: true } } },
      orderBy: { reference: "asc" },
    });
    for (const contract of contracts) {
      for (const cycle of contract.cycles) {
        reports.push(await getContractReport(actor, contract.id, { cycleId: cycle.id, now }));
      }
    }
  }
  return reports;
}
