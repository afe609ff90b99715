import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrincipleForm } from "@/components/questionnaire/principle-form";
import { framework, PRINCIPLE_KEYS, type PrincipleKey, principleQuestions } from "@/lib/framework";
import { storedToTyped } from "@/lib/questionnaire/form";
import { loadOwnAssessment } from "@/lib/questionnaire/load";
import { lockedMessage } from "@/lib/services/self-assessment-lock";

type Params = { id: string; principle: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { principle } = await params;
  const found = framework.principles.find((p) => p.key === principle);
  return { title: found ? found.title : "Questions" };
}

const isPrinciple = (value: string): value is PrincipleKey =>
  (PRINCIPLE_KEYS as readonly string[]).includes(value);

export default async function PrinciplePage({ params }: { params: Promise<Params> }) {
  const { id, principle: key } = await params;
  if (!isPrinciple(key)) notFound();
  const assessment = await loadOwnAssessment(id, `/assessments/${id}/${key}`);
  if (assessment.status === "submitted") {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">These answers have been submitted</h1>
        <p>
          Submitted answers cannot be changed.{" "}
          <Link href={`/assessments/${id}`}>Go back to the assessment</Link> to see them or start a
          correction.
        </p>
      </>
    );
  }
  if (assessment.lockedOn) {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">This self-assessment is locked</h1>
        <p className="mb-4 max-w-3xl">{lockedMessage(assessment.lockedOn)}</p>
        <p>
          <Link href={`/assessments/${id}`}>Go back to the self-assessment</Link>
        </p>
      </>
    );
  }
  const index = assessment.framework.principles.findIndex((p) => p.key === key);
  const principle = assessment.framework.principles[index];
  if (!principle) notFound();
  const questions = principleQuestions(assessment.framework, key, assessment.perspective);

  return (
    <>
      <Link href={`/assessments/${id}`} className="mb-6 inline-block">
        Back to all principles
      </Link>
      <p className="text-xl text-muted">
        Principle {index + 1} of {assessment.framework.principles.length}
      </p>
      <h1 className="mb-4 text-4xl font-bold">{principle.title}</h1>
      <div className="mb-8 max-w-3xl border-l-8 border-gray-300 pl-4">
        <h2 className="mb-1 text-lg font-bold">What the code of practice says</h2>
        <p>{principle.commitment}</p>
      </div>
      <PrincipleForm
        assessmentId={id}
        principle={key}
        revision={assessment.revision}
        questions={questions}
        answerOrder={assessment.framework.answerOrder}
        stored={storedToTyped(questions, assessment.answers)}
      />
    </>
  );
}
