import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type AnswerValue, frameworkFor, questionsFor, framework as version1 } from "@/lib/framework";
import { requireRecordIds } from "@/lib/ids";
import { comparePaymentRecord, type PaymentMeasureRow } from "@/lib/payment-practices/compare";
import type { ScopeLevel } from "@/lib/scoring/release";
import { type StatutoryPaymentFigures, statutoryPaymentReports } from "./payment-practices";
import { type ReleasedScope, releasedScopes } from "./releases";
import { CURRENT_VERSION } from "./report-counts";

/**
 * A prime's payment record three ways (issue 16): what it reported to the government by law (its
 * latest payment practices report, matched by Companies House number), what it says in its own
 * self-assessment for the cycle, and what its partners report, as released figures only
 * (docs/decisions/0011): never a partner's answer. The measures and the margins they may be apart
 * are the cycle's framework version's (`paymentRecord`); lib/payment-practices/compare.ts compares
 * (docs/decisions/0023).
 *
 * Partners' answers about how the prime pays them are facts the prime sets per partner, so their
 * released figures are its commissioner's to read, never the prime's: the prime is told so, for
 * every measure alike, so it learns nothing about whether a figure exists.
 */

export interface PaymentComparison {
  statutory: StatutoryPaymentFigures | null;
  /** The cycle's framework version; null without a cycle. */
  frameworkVersion: string | null;
  /** In the measures' unit (days, or percentage points), and in score points against partners'. */
  margin: number;
  scoreMargin: number;
  /** One row per payment measure of the cycle's framework version. */
  measures: PaymentMeasureRow[];
  /** commissioner: released figures are read; prime: partners' payment figures are never its to read. */
  partnersRead: "released" | "not-to-the-prime";
  /** The prime has a submitted self-assessment for the cycle. */
  selfAssessed: boolean;
  /** Any two sources of any measure further apart than the margin. */
  flagged: boolean;
}

/** Narrowest first: a contract's own figure, then its pool with the commissioner, then national. */
const NARROW: Record<ScopeLevel, number> = { contract: 0, commissioner: 1, national: 2 };

/**
 * For the prime itself and for the commissioner of a contract it holds; not found for anyone else.
 * `released`: the released scopes of the prime in the cycle's period the report already read for
 * this reader (the report page passes its own, so nothing is read twice); read here when absent.
 */
export async function paymentComparison(
  actor: Actor,
  { contractId, primeId, cycleId }: { contractId: string; primeId: string; cycleId: string | null },
  released?: readonly ReleasedScope[],
): Promise<PaymentComparison> {
  requireRecordIds(contractId, primeId, ...(cycleId ? [cycleId] : []));
  const award = await db().contractPrime.findFirst({
    where: { contractId, primeId },
    select: {
      contract: {
        select: {
          commissionerId: true,
          cycles: {
            where: { id: cycleId ?? undefined },
            take: cycleId ? 1 : 0,
            select: { name: true, frameworkId: true, frameworkVersion: true },
          },
        },
      },
    },
  });
  const asCommissioner = award?.contract.commissionerId === actor.organisationId;
  const reader = award && (actor.organisationId === primeId || asCommissioner);
  if (!reader) throw new NotFoundError();
  const cycle = cycleId ? award.contract.cycles[0] : undefined;
  if (cycleId && !cycle) throw new NotFoundError();
  const framework = cycle ? frameworkFor(cycle.frameworkId, cycle.frameworkVersion) : version1;
  const claimKeys = new Set((framework.paymentRecord?.measures ?? []).map((m) => m.pairKey));
  const primeKeys = questionsFor(framework, "prime")
    .filter((q) => q.pairKey !== undefined && claimKeys.has(q.pairKey))
    .map((q) => q.key);
  const [[statutory], self, scopes] = await Promise.all([
    statutoryPaymentReports(primeId, 1),
    cycle
      ? db().assessment.findFirst({
          where: {
            contractId,
            cycleId: cycleId ?? undefined,
            primeId,
            perspective: "PRIME",
            ...CURRENT_VERSION,
            frameworkId: framework.id,
            frameworkVersion: framework.version,
          },
          select: {
            answers: {
              where: { questionKey: { in: primeKeys } },
              select: { questionKey: true, value: true },
            },
          },
        })
      : null,
    cycle && asCommissioner
      ? (released ??
        releasedScopes(actor, { primeIds: [primeId], periods: [cycle.name], contractIds: [contractId] }))
      : [],
  ]);
  const own = scopes
    .filter(
      (s) =>
        s.primeId === primeId &&
        s.period === cycle?.name &&
        (s.level !== "contract" || s.contractId === contractId),
    )
    .sort((a, b) => NARROW[a.level] - NARROW[b.level]);
  const measures = comparePaymentRecord({
    framework,
    statutory: statutory ?? null,
    claims: new Map((self?.answers ?? []).map((a) => [a.questionKey, a.value as AnswerValue])),
    scopes: own,
  });
  return {
    statutory: statutory ?? null,
    frameworkVersion: cycle ? framework.version : null,
    margin: framework.paymentRecord?.margin ?? 0,
    scoreMargin: framework.paymentRecord?.scoreMargin ?? 0,
    measures,
    partnersRead: asCommissioner ? "released" : "not-to-the-prime",
    selfAssessed: self !== null,
    flagged: measures.some((m) => m.disagreements.length > 0),
  };
}
