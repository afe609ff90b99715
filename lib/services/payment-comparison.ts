import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { framework } from "@/lib/framework";
import { requireRecordIds } from "@/lib/ids";
import { PAYMENT_MARGIN_DAYS } from "@/lib/payment-practices/margin";
import { type StatutoryPaymentFigures, statutoryPaymentReports } from "./payment-practices";
import { CURRENT_VERSION } from "./report-counts";

/**
 * A prime's payment record three ways (issue 16): what it reported to the government by law (its
 * latest payment practices report, matched by Companies House number), and what it says in its own
 * self-assessment. Partners' view of how quickly it pays is a released figure, read with the
 * report's other figures (the commissioner's alone: ADR 0011). Flagged when the statutory average
 * and the prime's own answer differ by more than {@link PAYMENT_MARGIN_DAYS}.
 */

const CLAIM = "pay.days.prime";

export interface PaymentComparison {
  statutory: StatutoryPaymentFigures | null;
  /** Days the prime says it takes to pay partners, in its current self-assessment for the cycle. */
  claimedDays: number | null;
  /** Statutory average minus the prime's own answer, when both exist. */
  difference: number | null;
  flagged: boolean;
}

/** For the prime itself and for the commissioner of a contract it holds; not found for anyone else. */
export async function paymentComparison(
  actor: Actor,
  { contractId, primeId, cycleId }: { contractId: string; primeId: string; cycleId: string | null },
): Promise<PaymentComparison> {
  requireRecordIds(contractId, primeId, ...(cycleId ? [cycleId] : []));
  const award = await db().contractPrime.findFirst({
    where: { contractId, primeId },
    select: { contract: { select: { commissionerId: true } } },
  });
  const reader =
    award && (actor.organisationId === primeId || actor.organisationId === award.contract.commissionerId);
  if (!reader) throw new NotFoundError();
  const [statutory] = await statutoryPaymentReports(primeId, 1);
  const claim = cycleId
    ? await db().answer.findFirst({
        where: {
          questionKey: CLAIM,
          assessment: {
            contractId,
            cycleId,
            primeId,
            perspective: "PRIME",
            ...CURRENT_VERSION,
            frameworkId: framework.id,
            frameworkVersion: framework.version,
          },
        },
        select: { value: true },
      })
    : null;
  const claimedDays = typeof claim?.value === "number" ? claim.value : null;
  const average = statutory?.averageDaysToPay ?? null;
  const difference =
    average !== null && claimedDays !== null ? Math.round((average - claimedDays) * 10) / 10 : null;
  return {
    statutory: statutory ?? null,
    claimedDays,
    difference,
    flagged: difference !== null && Math.abs(difference) > PAYMENT_MARGIN_DAYS,
  };
}
