import { type Answers, framework, type Perspective } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { aggregateRatings, scoreAssessment } from "@/lib/scoring";

/**
 * The figures reports are made of, computed from the answers stored in `client`: each submitted
 * assessment's scores and flags, and the partners' anonymous aggregate for each prime, contract and
 * cycle. Used to show that a backup restores the same figures (tests/integration/backup.test.ts).
 *
 * HOOK for the report pages (being built separately): once a function exists that takes a client
 * and returns a report's data, add its result here, so the backup test covers it as well.
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
  const groups = new Map<string, typeof scored>();
  for (const entry of scored) {
    if (entry.row.perspective !== "SUBCONTRACTOR") continue;
    const key = `${entry.row.contractId}/${entry.row.primeId}/${entry.row.cycleId}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return {
    assessments: scored.map(({ row, assessment }) => ({
      reference: row.reference,
      score: assessment.score,
      band: assessment.band,
      principles: assessment.principles.map((p) => [p.key, p.score, p.band]),
      questions: assessment.questions.map((q) => [q.key, q.score, q.flagged]),
      redFlags: assessment.redFlags.map((f) => [f.kind, f.question]),
    })),
    aggregates: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, entries]) => ({
        key,
        aggregate: aggregateRatings(
          entries.map((e) => ({ id: e.row.id, respondent: e.row.respondentOrgId, assessment: e.assessment })),
        ),
      })),
  };
}
