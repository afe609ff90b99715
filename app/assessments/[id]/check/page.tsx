import type { Metadata } from "next";
import Link from "next/link";
import { AnswerList } from "@/components/questionnaire/answer-list";
import { SubmitForm } from "@/components/questionnaire/submit-form";
import { WhoSeesSection } from "@/components/questionnaire/who-sees-section";
import { fieldId } from "@/lib/questionnaire/form";
import { loadOwnAssessment } from "@/lib/questionnaire/load";
import { whoReadsNotes } from "@/lib/questionnaire/who-sees";

export const metadata: Metadata = { title: "Check your answers" };

export default async function CheckAnswersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const assessment = await loadOwnAssessment(id, `/assessments/${id}/check`);
  // A draft locked at release can no longer be changed or sent (docs/decisions/0029).
  const draft = assessment.status === "draft" && assessment.lockedOn === null;

  return (
    <>
      <Link href={`/assessments/${id}`} className="mb-6 inline-block">
        Back to all principles
      </Link>
      <h1 className="mb-6 text-4xl font-bold">
        {draft ? "Check your answers before you submit" : "Your answers"}
      </h1>
      <AnswerList
        framework={assessment.framework}
        perspective={assessment.perspective}
        answers={assessment.answers}
        changeHref={
          draft
            ? (principleKey, questionKey) => `/assessments/${id}/${principleKey}#${fieldId(questionKey)}`
            : undefined
        }
      />

      {assessment.perspective === "prime" ? (
        <p className="mb-8 max-w-3xl">
          <Link href={`/evidence/${id}`}>Your evidence</Link>: the documents behind these answers, for the
          commissioner.
        </p>
      ) : null}
      {draft ? (
        <section aria-labelledby="submit-heading" className="max-w-3xl">
          <h2 id="submit-heading" className="mb-4 text-2xl font-bold">
            Now submit your answers
          </h2>
          {assessment.perspective === "subcontractor" ? (
            <div className="mb-6">
              <WhoSeesSection
                programme={assessment.programme}
                headingLevel={3}
                headingClass="text-xl font-bold"
              />
            </div>
          ) : (
            <p className="mb-4">
              The commissioner will see your answers beside what your partners say, combined and anonymous.
            </p>
          )}
          <p className="mb-6">
            Once submitted, your answers cannot be changed; you can send a correction later.
          </p>
          {assessment.complete ? (
            <SubmitForm
              assessmentId={id}
              revision={assessment.revision}
              primeName={assessment.perspective === "subcontractor" ? assessment.prime.name : null}
              notesRule={whoReadsNotes(assessment.programme)}
            />
          ) : (
            <p className="font-bold">
              Some questions have not been answered yet.{" "}
              <Link href={`/assessments/${id}`}>Go back and finish them</Link>.
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
