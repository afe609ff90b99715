import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireActorPage } from "@/lib/access/pages";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import { currentSelfAssessmentId } from "@/lib/services/verification";

export const metadata: Metadata = { title: "Evidence and verification" };

/**
 * From a prime's report to the evidence and verification of its self-assessment for the cycle shown
 * (the newest submitted version), or why there is none yet. The prime and the contract's
 * commissioner only.
 */
export default async function PrimeEvidencePage({
  params,
  searchParams,
}: {
  params: Promise<{ contractId: string; primeId: string }>;
  searchParams: Promise<{ cycle?: string }>;
}) {
  const { contractId, primeId } = await params;
  const { cycle } = await searchParams;
  const path = `/contracts/${contractId}/primes/${primeId}/evidence${cycle ? `?cycle=${cycle}` : ""}`;
  const actor = await requireActorPage(path);
  if (!isRecordId(cycle)) notFound();
  let assessmentId: string | null;
  try {
    assessmentId = await currentSelfAssessmentId(actor, { contractId, primeId, cycleId: cycle });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  if (assessmentId) redirect(`/evidence/${assessmentId}`);
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">Evidence and verification</h1>
      <p className="mb-6 max-w-3xl">
        No self-assessment has been submitted for this cycle yet, so there is no evidence to review.
      </p>
      <Link href={`/contracts/${contractId}/primes/${primeId}/report?cycle=${cycle}`}>
        Back to the report
      </Link>
    </>
  );
}
