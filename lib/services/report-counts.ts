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
  const rows = await db().assessment.groupBy({
    by: ["cycleId", "primeId"],
    where: { ...where(scope), ...current(framework), perspective: "SUBCONTRACTOR" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [countKey(r.cycleId, r.primeId), r._count._all]));
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
