import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { WhoSeesSection } from "@/components/questionnaire/who-sees-section";
import { loadOwnAssessment } from "@/lib/questionnaire/load";

export const metadata: Metadata = { title: "Answers submitted" };

export default async function ConfirmationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const assessment = await loadOwnAssessment(id, `/assessments/${id}/confirmation`);
  if (assessment.status !== "submitted") redirect(`/assessments/${id}`);

  return (
    <>
      <div className="mb-8 bg-success p-8 text-center text-white">
        <h1 className="mb-4 text-4xl font-bold">Answers submitted</h1>
        <p className="text-2xl">
          Your reference
          <br />
          <strong>{assessment.reference}</strong>
        </p>
      </div>
      <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
      {assessment.perspective === "subcontractor" ? (
        <div className="max-w-3xl space-y-4">
          <p>Keep your reference: it identifies your submission if you need to correct it.</p>
          <WhoSeesSection
            programme={assessment.programme}
            headingLevel={3}
            headingClass="text-xl font-bold"
          />
        </div>
      ) : (
        <div className="max-w-3xl space-y-4">
          <p>
            The commissioner will see your self-assessment beside your partners' combined answers, once their
            figures are released after the round closes.
          </p>
          <p>
            <Link href={`/evidence/${id}`}>Add evidence for your answers</Link>: payment-run reports, your fee
            policy, your subcontract template. The commissioner can open them; your partners cannot.
          </p>
        </div>
      )}
      <p className="mt-6">
        <Link href={`/assessments/${id}/check`}>See your answers</Link> ·{" "}
        <Link href="/dashboard">Back to your dashboard</Link>
      </p>
    </>
  );
}
