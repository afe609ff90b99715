import type { Answers, AnswerValue } from "@/lib/framework";
import { framework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storedScores } from "@/lib/reports/stored-scores";
import { scoreAssessment } from "@/lib/scoring";

/**
 * Stores the scores of submitted assessments that have none: those submitted before scores were
 * stored on submit. Run at start-up after migrating; does nothing once every one has its scores.
 * Returns how many it scored. Takes the client because prisma/prepare.ts runs it outside Next.js,
 * where "server-only" would refuse to load, which is also why this service does not import it.
 */
export async function backfillScores(client: PrismaClient, batch = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await client.assessment.findMany({
      where: {
        status: "SUBMITTED",
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        scores: { none: {} },
      },
      select: { id: true, perspective: true, answers: { select: { questionKey: true, value: true } } },
      take: batch,
    });
    if (rows.length === 0) return done;
    const data = rows.flatMap((row) => {
      const answers: Answers = Object.fromEntries(
        row.answers.map((a) => [a.questionKey, a.value as AnswerValue]),
      );
      const perspective = row.perspective === "PRIME" ? "prime" : "subcontractor";
      return storedScores(scoreAssessment(framework, answers, perspective)).map((s) => ({
        assessmentId: row.id,
        ...s,
      }));
    });
    await client.assessmentScore.createMany({ data, skipDuplicates: true });
    done += rows.length;
  }
}
