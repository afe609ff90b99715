import type { Metadata } from "next";
import { PaymentPracticesForm } from "@/components/operator/payment-practices-form";
import { requireOperatorPage } from "@/lib/access/pages";

export const metadata: Metadata = {
  title: "Payment practices reports",
  robots: { index: false, follow: false },
};

/** For operators only: the government's payment practices reports, matched to primes by company number. */
export default async function PaymentPracticesPage() {
  await requireOperatorPage("/operator/payment-practices");
  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">Payment practices reports</h1>
      <p className="mb-8 max-w-3xl">
        Large companies report every six months how quickly they pay their suppliers. Importing the
        government's file lets each prime's report show those figures beside what the prime says and what its
        partners say. A prime is matched by its Companies House number. A file with any line that cannot be
        read is not imported at all.
      </p>
      <PaymentPracticesForm />
    </>
  );
}
