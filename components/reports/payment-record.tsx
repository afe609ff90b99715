import { formatDate } from "@/lib/format";
import type { StatutoryPaymentFigure } from "@/lib/framework";
import type { PaymentMeasureRow } from "@/lib/payment-practices/compare";
import type { PaymentComparison } from "@/lib/services/payment-comparison";

const MEASURE_LABEL: Record<StatutoryPaymentFigure, string> = {
  averageDaysToPay: "Average time to pay",
  paidWithin30Days: "Invoices paid within 30 days",
  paidIn31To60Days: "Paid in 31 to 60 days",
  paidAfter60Days: "Paid after 60 days",
  notPaidWithinTerms: "Not paid within agreed terms",
};

const SCOPE_LABEL = {
  contract: "on this contract",
  commissioner: "across its contracts with you",
  national: "nationally",
} as const;

const quantity = (value: number, unit: PaymentMeasureRow["unit"]) =>
  unit === "days" ? `${value} ${value === 1 ? "day" : "days"}` : `${value}%`;

const marginText = (margin: number, unit: PaymentMeasureRow["unit"]) =>
  unit === "days" ? `${margin} days` : `${margin} percentage points`;

function Figure({
  value,
  score,
  unit,
}: {
  value: number;
  score: number | null;
  unit: PaymentMeasureRow["unit"];
}) {
  return (
    <>
      {quantity(value, unit)}
      {score === null ? null : <span className="block text-muted">scores {score} of 100</span>}
    </>
  );
}

function PartnersCell({ row }: { row: PaymentMeasureRow }) {
  const { partners } = row;
  if (!row.scored) return <>Not scored, so no partners&apos; figure is released</>;
  if (!partners) return <>Not released</>;
  return (
    <>
      {partners.meanScore === null ? null : <>mean score {partners.meanScore} of 100</>}
      {partners.flagRaised ? (
        <span className="block">
          {partners.flagRaised.raised} of {partners.flagRaised.of}: {partners.flagRaised.label.toLowerCase()}
        </span>
      ) : null}
      <span className="block text-muted">
        {partners.ratings} {partners.ratings === 1 ? "partner" : "partners"} answering,{" "}
        {SCOPE_LABEL[partners.level]}
      </span>
    </>
  );
}

const BETWEEN = {
  "statutory-claimed": (prime: string) => `the statutory report and ${prime}'s own answer`,
  "partners-claimed": (prime: string) => `partners' mean score and the score of ${prime}'s own answer`,
  "partners-statutory": () => "partners' mean score and the score of the statutory figure",
} as const;

/**
 * The prime's payment record (issue 16): its latest statutory payment practices report, what it
 * says in its self-assessment, and, for its commissioner, what partners report in released
 * figures, side by side per measure of the cycle's framework version; each pair of sources further
 * apart than the framework's stated margin is listed.
 */
export function PaymentRecord({ primeName, record }: { primeName: string; record: PaymentComparison }) {
  const { statutory, measures, partnersRead } = record;
  const showPartners = partnersRead === "released";
  const unit = measures[0]?.unit ?? "percent";
  const disagreements = measures.flatMap((m) => m.disagreements.map((d) => ({ measure: m, ...d })));
  return (
    <section aria-labelledby="payment-heading" className="mb-8 max-w-3xl">
      <h2 id="payment-heading" className="mb-4 text-2xl font-bold">
        Payment record
      </h2>
      <p className="mb-4">
        {statutory
          ? `Statutory report: ${formatDate(statutory.startDate)} to ${formatDate(statutory.endDate)}, as ${statutory.company}${statutory.averageDaysToPay === null ? "" : `, average time to pay ${quantity(statutory.averageDaysToPay, "days")}`}.`
          : "No statutory report held: Chainwise matches the government's payment practices reports by Companies House number."}
        {record.selfAssessed ? null : ` ${primeName} has not submitted a self-assessment for this cycle.`}
      </p>
      {/* No table of nothing: with no figure from any source the sentences above say it all. */}
      {measures.some((m) => m.statutory !== null || m.claimed !== null || m.partners !== null) ? (
        <div className="mb-4 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left">
              {showPartners
                ? "Statutory, self-reported and partners' payment figures"
                : "Statutory and self-reported payment figures"}
            </caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-2 pr-4">
                  Measure
                </th>
                <th scope="col" className="py-2 pr-4">
                  Statutory report
                </th>
                <th scope="col" className="py-2 pr-4">
                  {primeName} says
                </th>
                {showPartners ? (
                  <th scope="col" className="py-2 pr-4">
                    Partners say (released)
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {measures.map((m) => (
                <tr key={m.pairKey} className="border-b align-top">
                  <th scope="row" className="py-2 pr-4 font-bold">
                    {MEASURE_LABEL[m.statutoryColumn]}
                  </th>
                  <td className="py-2 pr-4">
                    {m.statutory === null ? (
                      "not reported"
                    ) : (
                      <Figure value={m.statutory} score={m.statutoryScore} unit={m.unit} />
                    )}
                  </td>
                  <td className="py-2 pr-4">
                    {m.claimed === null ? (
                      "no answer"
                    ) : (
                      <Figure value={m.claimed} score={m.claimedScore} unit={m.unit} />
                    )}
                  </td>
                  {showPartners ? (
                    <td className="py-2 pr-4">
                      <PartnersCell row={m} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {showPartners ? null : (
        <p className="mb-4">
          What partners report about how {primeName} pays them is released to its commissioner only: it is a
          fact {primeName} sets for each partner.
        </p>
      )}
      <p className="mb-4 text-muted">
        Flagged when the statutory figure and {primeName}&apos;s own answer are more than{" "}
        {marginText(record.margin, unit)} apart
        {showPartners
          ? `, or when partners' mean score and the score either figure gets by the same rule are more than ${record.scoreMargin} points apart.`
          : "."}
      </p>
      {disagreements.length > 0 ? (
        <ul className="border-l-4 border-error pl-4 font-bold">
          {disagreements.map((d) => (
            <li key={`${d.measure.pairKey}/${d.between}`}>
              These disagree on {MEASURE_LABEL[d.measure.statutoryColumn].toLowerCase()}:{" "}
              {BETWEEN[d.between](primeName)} are{" "}
              {d.between === "statutory-claimed" ? marginText(d.by, d.measure.unit) : `${d.by} points`} apart.
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
