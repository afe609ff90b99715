import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReplyForm } from "@/components/reports/reply-form";
import { framework } from "@/lib/framework";
import { scoreOrDash } from "@/lib/reports/format";
import { measureLines } from "@/lib/reports/lines";
import { readPrimeReport } from "../read-report";

export const metadata: Metadata = { title: "Reply to your partners" };

type Params = Promise<{ contractId: string; primeId: string }>;
type Search = Promise<{ cycle?: string }>;

/**
 * The prime's right of reply, on a page of its own: one thing to do, with each principle's
 * figures beside its box. The report shows what was written, to the prime and its commissioner.
 */
export default async function ReplyPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { report: read, path: report } = await readPrimeReport(params, searchParams, "reply");
  const prime = read.primes[0];
  if (read.viewer !== "prime" || !prime || !read.cycle) notFound();
  const lines = new Map(measureLines(prime.partners, prime.self, prime.comparison).map((l) => [l.key, l]));
  const back = `${report}?cycle=${read.cycle.id}`;
  return (
    <>
      <Link href={back} className="no-print mb-6 inline-block">
        Back to the report
      </Link>
      <p className="text-xl text-muted">
        {read.contract.title}, {read.cycle.name}
      </p>
      <h1 className="mb-6 text-4xl font-bold">Reply to your partners</h1>
      <p className="mb-6 max-w-3xl">
        You can reply to what your partners say about each principle, for this cycle. The commissioner reads
        your reply beside the figures. Leave a box empty to say nothing on that principle.
      </p>
      <ReplyForm
        contractId={read.contract.id}
        primeId={prime.prime.id}
        cycleId={read.cycle.id}
        principles={framework.principles.map((p) => {
          const line = lines.get(p.key);
          const partners = line?.partners
            ? scoreOrDash(line.partners.mean, line.partners.answers)
            : "not shown";
          return {
            key: p.key,
            title: p.title,
            reply: prime.replies[p.key] ?? "",
            figures: `Partners' mean ${partners}; your own score ${scoreOrDash(line?.self, "own")}.`,
          };
        })}
      />
    </>
  );
}
