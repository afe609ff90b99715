import Link from "next/link";
import type { ProgrammeReport } from "@/lib/services/programme-report";

/**
 * The programme page for a cycle in which nothing has been released: how many partners have
 * answered so far and where figures can be read now, in place of a table of "Not shown".
 */
export function ProgrammeNoFigures({ report, admin }: { report: ProgrammeReport; admin: boolean }) {
  const submitted = report.rows.reduce((sum, r) => sum + r.submitted, 0);
  const roster = report.rows.reduce((sum, r) => sum + r.roster, 0);
  // Newest first: the name after this one is the cycle before it.
  const previous = report.cycleNames[report.cycleNames.indexOf(report.cycleName ?? "") + 1];
  return (
    <section aria-labelledby="no-figures-heading" className="mb-8 max-w-3xl border-l-4 border-brand pl-4">
      <h2 id="no-figures-heading" className="mb-2 text-2xl font-bold">
        No partners&apos; figures for {report.cycleName} yet
      </h2>
      <p>
        <strong>
          {submitted.toLocaleString("en-GB")} of {roster.toLocaleString("en-GB")} partners
        </strong>{" "}
        on the rating lists of {report.rows.length.toLocaleString("en-GB")}{" "}
        {report.rows.length === 1 ? "prime" : "primes"} have answered.
      </p>
      <p>
        Partners&apos; figures are released once a cycle has closed: when every cycle of the period has
        closed, or sooner if your administrators release the closed cycles. A figure is released only when at
        least {report.minPartners} partners have answered it, so that no partner can be identified.
      </p>
      <h3 className="mt-4 mb-2 text-xl font-bold">What you can do now</h3>
      <ul className="list-disc space-y-1 pl-6">
        {previous ? (
          <li>
            <Link href={`/reports?cycle=${encodeURIComponent(previous)}`}>
              See {previous}, the cycle before
            </Link>
          </li>
        ) : null}
        {admin ? (
          <li>
            <Link href="/reports/releases">Release the cycles that have closed</Link>
          </li>
        ) : null}
        <li>Open a prime in the table below for its report, with what it can do meanwhile.</li>
      </ul>
    </section>
  );
}
