import { formatDate } from "@/lib/format";
import { formatPercent, PRECISION_RULE } from "@/lib/reports/format";
import type { PrimeReport } from "@/lib/services/reports";

/** How many partners have answered, and why figures may not show yet (docs/decisions/0011). */
export function AnsweredSummary({
  prime,
  minPartners,
  closed,
  countedTo,
}: {
  prime: PrimeReport;
  minPartners: number;
  /** Counts run to this moment for this reader; null when live. */
  countedTo: Date | null;
  /** The cycle has closed: nobody else can answer. */
  closed: boolean;
}) {
  const { submitted, responseRate, released, supplyChain } = prime;
  return (
    <div className="mb-8 max-w-3xl space-y-2">
      <p>
        <strong>
          {submitted} of {supplyChain.roster} partners
        </strong>{" "}
        on the rating list{" "}
        {countedTo && !closed ? `had answered by the start of ${formatDate(countedTo)}` : "have answered"} (
        {formatPercent(responseRate, supplyChain.roster)}).
      </p>
      {released ? (
        <p className="border-l-4 border-brand pl-4">
          These figures were released once, after the cycle closed, and never change. Each combines the
          answers of at least {minPartners} partner organisations; a figure that could narrow down fewer is
          not shown. {PRECISION_RULE}
        </p>
      ) : (
        <p className="border-l-4 border-brand pl-4">
          {closed
            ? "No figures have been released for this prime on this contract in this cycle: either the release has not happened yet, or too few partners answered for a figure that cannot identify a partner."
            : "Partners' figures are released once the cycle has closed, never while partners are still answering."}{" "}
          A released figure combines the answers of at least {minPartners} partner organisations.
        </p>
      )}
    </div>
  );
}
