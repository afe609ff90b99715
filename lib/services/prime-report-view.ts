import "server-only";
import { accessKey } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { createSharedRuns } from "./gate";
import { type PaymentComparison, paymentComparison } from "./payment-comparison";
import { type ActionItem, listActionPlan } from "./replies-and-plans";
import { type ContractReport, getContractReport } from "./reports";
import { type SelfAssessmentVersions, selfAssessmentVersionsOf } from "./self-assessment-versions";

/**
 * Everything one prime's report page reads, for the prime, its commissioner or a partner: the
 * report, and for the prime and commissioner its action plan and payment record. Readers of the
 * same page share one run, started after they asked (so a prime reads its own reply straight after
 * saving it): under 50 readers the plan's and payment record's seven queries, made for each, were a
 * fifth of the page's cost (bench/changes.md, section 8).
 */
export interface PrimeReportView {
  report: ContractReport;
  actions: ActionItem[];
  payment: PaymentComparison | null;
  /** The prime's self-assessment versions for the cycle, and which the report uses; null for a partner. */
  selfVersions: SelfAssessmentVersions | null;
}

const shared = createSharedRuns<PrimeReportView>();

export function getPrimeReportView(
  actor: Actor,
  { contractId, primeId, cycleId }: { contractId: string; primeId: string; cycleId?: string },
): Promise<PrimeReportView> {
  const key = JSON.stringify([accessKey(actor), contractId, primeId, cycleId ?? null]);
  return shared(key, () => primeReportView(actor, { contractId, primeId, cycleId }));
}

async function primeReportView(
  actor: Actor,
  { contractId, primeId, cycleId }: { contractId: string; primeId: string; cycleId?: string },
): Promise<PrimeReportView> {
  const report = await getContractReport(actor, contractId, { primeId, cycleId });
  if (report.viewer === "partner" || report.primes.length === 0)
    return { report, actions: [], payment: null, selfVersions: null };
  const cycle = report.cycle;
  const [actions, payment, selfVersions] = await Promise.all([
    listActionPlan(actor, contractId, primeId),
    paymentComparison(
      actor,
      { contractId, primeId, cycleId: report.cycle?.id ?? null },
      // The released scopes the report read already: the payment record reads none again.
      report.primes.find((p) => p.prime.id === primeId)?.scopes.flatMap((l) => (l.scope ? [l.scope] : [])),
    ),
    cycle ? selfAssessmentVersionsOf(actor, { contractId, primeId, cycleId: cycle.id }) : null,
  ]);
  return { report, actions, payment, selfVersions };
}
