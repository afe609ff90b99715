import { formatDate } from "@/lib/format";
import { PAYMENT_MARGIN_DAYS } from "@/lib/payment-practices/margin";
import type { PaymentComparison } from "@/lib/services/payment-comparison";

const percent = (value: number | null) => (value === null ? "not reported" : `${value}%`);
const days = (value: number | null) => (value === null ? "not reported" : `${value} days`);

/**
 * The prime's payment record: its latest statutory payment practices report beside what it says in
 * its self-assessment, flagged when they are more than the stated margin apart (issue 16).
 */
export function PaymentRecord({ primeName, record }: { primeName: string; record: PaymentComparison }) {
  const { statutory, claimedDays, difference, flagged } = record;
  return (
    <section aria-labelledby="payment-heading" className="mb-8 max-w-3xl">
      <h2 id="payment-heading" className="mb-4 text-2xl font-bold">
        Payment record
      </h2>
      <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Statutory report</dt>
        <dd>
          {statutory
            ? `${formatDate(statutory.startDate)} to ${formatDate(statutory.endDate)}, as ${statutory.company}`
            : "None held: Chainwise matches the government's payment practices reports by Companies House number."}
        </dd>
        {statutory ? (
          <>
            <dt className="font-bold">Average time to pay</dt>
            <dd>{days(statutory.averageDaysToPay)}</dd>
            <dt className="font-bold">Invoices paid within 30 days</dt>
            <dd>{percent(statutory.paidWithin30Days)}</dd>
            <dt className="font-bold">Paid in 31 to 60 days</dt>
            <dd>{percent(statutory.paidIn31To60Days)}</dd>
            <dt className="font-bold">Paid after 60 days</dt>
            <dd>{percent(statutory.paidAfter60Days)}</dd>
            <dt className="font-bold">Not paid within agreed terms</dt>
            <dd>{percent(statutory.notPaidWithinTerms)}</dd>
          </>
        ) : null}
        <dt className="font-bold">{primeName} says it pays partners in</dt>
        <dd>
          {claimedDays === null ? "no answer in its self-assessment for this cycle" : `${claimedDays} days`}
        </dd>
      </dl>
      {flagged && difference !== null ? (
        <p className="border-l-4 border-error pl-4 font-bold">
          These disagree: the statutory average is {Math.abs(difference)} days{" "}
          {difference > 0 ? "longer" : "shorter"} than the prime's own answer, more than the{" "}
          {PAYMENT_MARGIN_DAYS} days allowed for.
        </p>
      ) : null}
    </section>
  );
}
