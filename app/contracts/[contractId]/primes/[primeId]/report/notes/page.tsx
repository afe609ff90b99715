import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotesList } from "@/components/reports/notes-list";
import { readPrimeReport } from "../read-report";

export const metadata: Metadata = { title: "What partners wrote" };

type Params = Promise<{ contractId: string; primeId: string }>;
type Search = Promise<{ cycle?: string }>;

/**
 * Partners' released notes on a page of their own: they grow with the number of partners and
 * questions, and the report links here with their count (for the prime and its commissioner only).
 */
export default async function NotesPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { report: read, path: report } = await readPrimeReport(params, searchParams, "notes");
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
