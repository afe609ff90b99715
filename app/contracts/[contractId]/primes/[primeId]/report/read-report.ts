import "server-only";
import { notFound } from "next/navigation";
import { requireActorPage } from "@/lib/access/pages";
import { NotFoundError } from "@/lib/errors";
import { type ContractReport, getContractReport } from "@/lib/services/reports";

/**
 * For the pages beside a prime's report (its reply, partners' notes): the signed-in actor's report
 * of one prime on one contract in the chosen cycle, or "not found" for anyone who may not see it.
 */
export async function readPrimeReport(
  params: Promise<{ contractId: string; primeId: string }>,
  searchParams: Promise<{ cycle?: string }>,
  page: string,
): Promise<{ report: ContractReport; path: string }> {
  const { contractId, primeId } = await params;
  const { cycle: cycleId } = await searchParams;
  const path = `/contracts/${contractId}/primes/${primeId}/report`;
  const actor = await requireActorPage(`${path}/${page}`);
  try {
    return { report: await getContractReport(actor, contractId, { primeId, cycleId }), path };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
