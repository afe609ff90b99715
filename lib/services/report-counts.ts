import "server-only";
import { db } from "@/lib/db/client";
import type { Framework } from "@/lib/framework";
import { Prisma } from "@/lib/generated/prisma/client";

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
  /** Only these partners' ratings (a prime's current rating list, say). */
  respondentOrgIds?: readonly string[];
}

/**
 * Up to when a reader's response counts run for a cycle. The commissioner's are live, and so is
 * everyone's once the cycle has closed (nobody can answer or correct any more); otherwise they stop
 * at the start of the day (UTC), so a prime watching the count learns on which day someone
 * answered, never the minute that matches a partner it knows was answering then (ADR 0011, "Who
 * answered, and when"). Null means live.
 */
export function countedTo(
  reader: "commissioner" | "prime" | "partner",
  now: Date,
  cycleClosesAt: Date,
): Date | null {
  if (reader === "commissioner" || cycleClosesAt <= now) return null;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The version of an assessment every report reads: submitted, and not replaced by a submitted
 * correction. A correction still being drafted does not replace it yet; nor does a prime's version
 * made after release, which reports never read: they keep the self-assessment as it was locked when
 * partners' figures were released, and say so (docs/decisions/0029).
 */
export const CURRENT_VERSION = {
  status: "SUBMITTED",
  afterRelease: false,
  OR: [
    { correction: { is: null } },
    { correction: { is: { status: "DRAFT" } } },
    { correction: { is: { afterRelease: true } } },
  ],
} as const satisfies Prisma.AssessmentWhereInput;

const current = (framework: Framework) => ({
  ...CURRENT_VERSION,
  frameworkId: framework.id,
  frameworkVersion: framework.version,
});

const where = (scope: CountScope) => ({
  ...(scope.contractId !== undefined ? { contractId: scope.contractId } : {}),
  ...(scope.commissionerId !== undefined ? { contract: { commissionerId: scope.commissionerId } } : {}),
  primeId: { in: [...scope.primeIds] },
  cycleId: { in: [...scope.cycleIds] },
  ...(scope.respondentOrgIds !== undefined ? { respondentOrgId: { in: [...scope.respondentOrgIds] } } : {}),
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
 * {@link answeredCounts} over cycles that may use different framework versions: each cycle's
 * ratings are counted against the version it asked (a cycle uses one; the database holds it so).
 */
export async function answeredCountsByVersion<C extends { id: string }>(
  cycles: readonly C[],
  frameworkOf: (cycle: C) => Framework,
  scope: Omit<CountScope, "cycleIds">,
): Promise<Map<string, number>> {
  const byVersion = new Map<Framework, string[]>();
  for (const cycle of cycles) {
    const framework = frameworkOf(cycle);
    byVersion.set(framework, [...(byVersion.get(framework) ?? []), cycle.id]);
  }
  const maps = await Promise.all(
    [...byVersion].map(([framework, cycleIds]) => answeredCounts(framework, { ...scope, cycleIds })),
  );
  return new Map(maps.flatMap((m) => [...m]));
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

/** One prime on one contract in a programme's cycle: what the programme report shows before figures. */
export interface ProgrammeAward {
  cycleId: string;
  contractId: string;
  contractTitle: string;
  contractReference: string;
  primeId: string;
  primeName: string;
  lot: string | null;
  /** Partners on its rating list. */
  roster: number;
  /** Partners with a current submitted rating, as {@link answeredCounts} counts them. */
  submitted: number;
  /** Its own current submitted self-assessment's stored scores by measure, as {@link selfScoreRows}. */
  self: Record<string, number | null> | null;
  /** The framework version the cycle asked: its ratings', and the one its figures are read by. */
  frameworkId: string;
  frameworkVersion: string;
}

/**
 * Every prime on every contract of these cycles, with its roster, how many partners answered and its
 * own scores, in one statement: a national programme has 2,000 of them, and one query per kind of
 * count, each through Prisma objects, took 60 ms at 200 (bench scale M). The same rules as the
 * functions above: current submitted ratings of each cycle's own framework version (a period's
 * cycles share one, and it need not be version 1), a correction replacing
 * what it corrects once submitted. Once the prime's contract scope of the period is released, its
 * count of ratings is that number, and stays it: a released rating cannot be changed or corrected,
 * nor one submitted beside it (triggers, docs/decisions/0011), so it is read instead of counted.
 * In prime name then lot order.
 */
export async function programmeAwards(scope: {
  commissionerId: string;
  period: string;
  contractId?: string;
  openedBy: Date;
}): Promise<ProgrammeAward[]> {
  // The programme's cycles of the period found here, not passed in as a list of hundreds of ids.
  return db().$queryRaw<ProgrammeAward[]>`
    WITH cy AS (
      SELECT c.id, c."contractId", c.name, c."frameworkId", c."frameworkVersion", k.title, k.reference
      FROM "Cycle" c JOIN "Contract" k ON k.id = c."contractId"
      WHERE k."commissionerId" = ${scope.commissionerId} AND c.name = ${scope.period}
        AND c."opensAt" <= ${scope.openedBy}
        ${scope.contractId ? Prisma.sql`AND c."contractId" = ${scope.contractId}` : Prisma.empty}),
    awarded AS (
      SELECT cy.id AS "cycleId", cy.name AS period, cp."contractId", cy.title AS "contractTitle",
             cy.reference AS "contractReference", cp."primeId", o.name AS "primeName", cp.lot,
             cy."frameworkId", cy."frameworkVersion"
      FROM cy JOIN "ContractPrime" cp ON cp."contractId" = cy."contractId"
      JOIN "Organisation" o ON o.id = cp."primeId"
    )
    SELECT w.*,
      (SELECT count(*)::int FROM "SupplyChainMember" m
        WHERE m."contractId" = w."contractId" AND m."primeId" = w."primeId" AND m."canRate") AS roster,
      coalesce(
        (SELECT s.ratings FROM "ReleaseScope" s
          WHERE s."contractId" = w."contractId" AND s.period = w.period AND s."primeId" = w."primeId"),
        (SELECT count(*)::int FROM "Assessment" a
          WHERE a."cycleId" = w."cycleId" AND a."primeId" = w."primeId" AND a.perspective = 'SUBCONTRACTOR'
            AND a.status = 'SUBMITTED' AND a."frameworkId" = w."frameworkId"
            AND a."frameworkVersion" = w."frameworkVersion"
            AND NOT EXISTS (SELECT 1 FROM "Assessment" c WHERE c."supersedesId" = a.id AND c.status <> 'DRAFT'))
      ) AS submitted,
      (SELECT json_object_agg(s.measure, s.score) FROM "Assessment" a
        JOIN "AssessmentScore" s ON s."assessmentId" = a.id
        WHERE a."cycleId" = w."cycleId" AND a."primeId" = w."primeId" AND a.perspective = 'PRIME'
          AND a.status = 'SUBMITTED' AND a."frameworkId" = w."frameworkId"
          AND a."frameworkVersion" = w."frameworkVersion" AND NOT a."afterRelease"
          AND NOT EXISTS (SELECT 1 FROM "Assessment" c WHERE c."supersedesId" = a.id AND c.status <> 'DRAFT'
                            AND NOT c."afterRelease")
      ) AS self
    FROM awarded w
    ORDER BY w."primeName", w.lot, w."contractId"`;
}
