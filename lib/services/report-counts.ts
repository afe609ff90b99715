import "server-only";
import { db } from "@/lib/db/client";
import type { Framework } from "@/lib/framework";

/**
 * What reports read besides released figures: how many partners have answered (a response count,
 * shown before a release too: docs/decisions/0011) and primes' own self-assessment scores. Never a
 * partner's figure: those come only from stored releases (releases.ts, `releasedScopes`).
 */

/** Which assessments a count covers: every condition given must hold. */
export interface CountScope {
  commissionerId?: string;
  contractId?: string;
  primeIds: readonly string[];
  cycleIds: readonly string[];
  /** Only ratings submitted before this moment: see {@link countedTo}. */
  submittedBefore?: Date;
}

/**
 * Up to when a reader's response counts run. The commissioner's are live; everyone else's stop at
 * the start of the day (UTC), so a prime watching the count learns on which day someone answered,
 * never the minute that matches a partner it knows was answering then (ADR 0011, "Who answered,
 * and when"). Null means live.
 */
export function countedTo(reader: "commissioner" | "prime" | "partner", now: Date): Date | null {
  if (reader === "commissioner") return null;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const current = (framework: Framework) => ({
  status: "SUBMITTED" as const,
  frameworkId: framework.id,
  frameworkVersion: framework.version,
  // The current version: a correction still being drafted does not replace it yet.
  OR: [{ correction: { is: null } }, { correction: { is: { status: "DRAFT" as const } } }],
});

const where = (scope: CountScope) => ({
  ...(scope.contractId !== undefined ? { contractId: scope.contractId } : {}),
  ...(scope.commissionerId !== undefined ? { contract: { commissionerId: scope.commissionerId } } : {}),
  primeId: { in: [...scope.primeIds] },
  cycleId: { in: [...scope.cycleIds] },
});

export const countKey = (cycleId: string, primeId: string) => `${cycleId}/${primeId}`;

/** Partners with a current submitted rating, per (cycle, prime), keyed by {@link countKey}. */
export async function answeredCounts(framework: Framework, scope: CountScope): Promise<Map<string, number>> {
  if (scope.primeIds.length === 0 || scope.cycleIds.length === 0) return new Map();
  if (scope.submittedBefore) return answeredBefore(framework, scope, scope.submittedBefore);
  const rows = await db().assessment.groupBy({
    by: ["cycleId", "primeId"],
    where: { ...where(scope), ...current(framework), perspective: "SUBCONTRACTOR" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [countKey(r.cycleId, r.primeId), r._count._all]));
}

/**
 * Partners who had submitted by `before`, by any version of their rating: a correction sent today
 * must not take a partner out of the count until tomorrow, which would tell the prime that someone
 * corrected.
 */
async function answeredBefore(framework: Framework, scope: CountScope, before: Date) {
  const rows = await db().assessment.findMany({
    where: {
      ...where(scope),
      status: "SUBMITTED",
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      perspective: "SUBCONTRACTOR",
      submittedAt: { lt: before },
    },
    distinct: ["cycleId", "primeId", "respondentOrgId"],
    select: { cycleId: true, primeId: true },
  });
  const counts = new Map<string, number>();
  for (const r of rows)
    counts.set(countKey(r.cycleId, r.primeId), (counts.get(countKey(r.cycleId, r.primeId)) ?? 0) + 1);
  return counts;
}

export interface SelfScoreRow {
  cycleId: string;
  primeId: string;
  measure: string;
  score: number | null;
}

/** Primes' own current submitted self-assessment scores, from the stored scores alone. */
export async function selfScoreRows(framework: Framework, scope: CountScope): Promise<SelfScoreRow[]> {
  if (scope.primeIds.length === 0 || scope.cycleIds.length === 0) return [];
  const rows = await db().assessmentScore.findMany({
    where: { assessment: { ...where(scope), ...current(framework), perspective: "PRIME" } },
    select: { measure: true, score: true, assessment: { select: { cycleId: true, primeId: true } } },
  });
  return rows.map((r) => ({
    cycleId: r.assessment.cycleId,
    primeId: r.assessment.primeId,
    measure: r.measure,
    score: r.score,
  }));
}
