import { formatPercent } from "@/lib/reports/format";
import type { PrimeReport } from "@/lib/services/reports";

/** How many partners have answered, and why figures may not show yet. */
export function ResponseSummary({
  prime,
  minResponses,
  closed,
}: {
  prime: PrimeReport;
  minResponses: number;
  /** The cycle has closed: nobody else can answer, so waiting ratings will not count. */
  closed: boolean;
}) {
  const { submitted, responseRate, partners, supplyChain } = prime;
  const counted = partners.suppressed ? 0 : partners.ratings;
  return (
    <div className="mb-8 max-w-3xl space-y-2">
      <p>
        <strong>
          {submitted} of {supplyChain.roster} partners
        </strong>{" "}
        on the rating list have answered ({formatPercent(responseRate)}).
      </p>
      {partners.suppressed ? (
        <p className="border-l-4 border-brand pl-4">
          Partners&apos; answers are shown only once at least {minResponses} partners have answered, so that
          no partner can be identified.
        </p>
      ) : counted < submitted ? (
        <p className="border-l-4 border-brand pl-4">
          Figures are built from {counted} ratings. To protect anonymity they grow in batches of{" "}
          {minResponses}
          {closed
            ? `, and this cycle has closed, so the latest ${submitted - counted} are not counted.`
            : `: the latest ${submitted - counted} will count once ${minResponses - (submitted - counted)} more ${
                minResponses - (submitted - counted) === 1 ? "partner answers" : "partners answer"
              }.`}
        </p>
      ) : null}
    </div>
  );
}
