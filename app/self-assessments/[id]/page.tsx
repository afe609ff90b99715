import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { AnswerList } from "@/components/questionnaire/answer-list";
import { currentActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { versionLabel } from "@/lib/questionnaire/version-label";
import { readSelfAssessment, type SelfAssessmentRead } from "@/lib/services/self-assessment-versions";

export const metadata: Metadata = { title: "Self-assessment versions" };

/**
 * A prime's self-assessment as the prime and its commissioner read it: one version's answers, with
 * every version listed, the one locked at release still readable as it was (docs/decisions/0029).
 */
export default async function SelfAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=/self-assessments/${id}`);
  let read: SelfAssessmentRead;
  try {
    read = await readSelfAssessment(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const names = { releasedOn: read.releasedOn, reportedId: read.reportedId };
  return (
    <>
      <p className="text-xl text-muted">
        {read.contractTitle} · {read.cycleName}
      </p>
      <h1 className="mb-2 text-4xl font-bold">{read.primeName}'s self-assessment</h1>
      <p className="mb-6 text-2xl">{versionLabel(read.version, names)}</p>
      {read.releasedOn ? (
        <p className="mb-6 max-w-3xl border-l-8 border-brand pl-4">
          Partners' figures for this cycle were released on {formatDate(read.releasedOn)}. The self-assessment
          was locked as it was then, and reports compare partners' figures with that version. A change made
          later is a new version, shown here as changed after release.
        </p>
      ) : null}
      <h2 className="mb-2 text-2xl font-bold">Versions</h2>
      <ol className="mb-8 max-w-3xl list-disc pl-6">
        {read.versions.map((v) => (
          <li key={v.id}>
            {v.id === read.id ? (
              <span aria-current="page">{versionLabel(v, names)} (shown below)</span>
            ) : (
              <Link href={`/self-assessments/${v.id}`}>{versionLabel(v, names)}</Link>
            )}
            {v.id === read.reportedId ? " · used in reports" : ""}
          </li>
        ))}
      </ol>
      <p className="mb-8">
        <Link href={`/evidence/${read.id}`}>Evidence for this version</Link>
      </p>
      <AnswerList framework={read.framework} perspective="prime" answers={read.answers} />
    </>
  );
}
