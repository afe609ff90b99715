import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotesList } from "@/components/reports/notes-list";
import { requireActorPage } from "@/lib/contracts/page-access";
import { NotFoundError } from "@/lib/errors";
import { type ContractReport, getContractReport } from "@/lib/services/reports";

export const metadata: Metadata = { title: "What partners wrote" };

type Params = Promise<{ contractId: string; primeId: string }>;
type Search = Promise<{ cycle?: string }>;

/**
 * Partners' released notes on a page of their own: they grow with the number of partners and
 * questions, and the report links here with their count (for the prime and its commissioner only).
 */
export default async function NotesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { contractId, primeId } = await params;
  const { cycle: cycleId } = await searchParams;
  const report = `/contracts/${contractId}/primes/${primeId}/report`;
  const actor = await requireActorPage(`${report}/notes`);
  let read: ContractReport;
  try {
    read = await getContractReport(actor, contractId, { primeId, cycleId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const prime = read.primes[0];
  if (read.viewer === "partner" || !prime || !read.cycle) notFound();
  return (
    <>
      <Link href={`${report}?cycle=${read.cycle.id}`} className="no-print mb-6 inline-block">
        Back to the report
      </Link>
      <p className="text-xl text-muted">
        {prime.prime.name} on {read.contract.title}, {read.cycle.name}
      </p>
      <NotesList notes={prime.notes} viewer={read.viewer} />
    </>
  );
}
