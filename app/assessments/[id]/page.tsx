import type { Metadata } from "next";
import Link from "next/link";
import { CorrectForm } from "@/components/questionnaire/correct-form";
import { Tag } from "@/components/ui/tag";
import { formatDate } from "@/lib/format";
import { loadOwnAssessment } from "@/lib/questionnaire/load";
import { TASK_STATUS_LABELS } from "@/lib/questionnaire/progress";
import { lockedMessage } from "@/lib/services/self-assessment-lock";

export const metadata: Metadata = { title: "Your assessment" };

const TONE = { "not-started": "grey", "in-progress": "blue", completed: "green" } as const;

export default async function TaskListPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { id } = await params;
  const { saved } = await searchParams;
  const assessment = await loadOwnAssessment(id, `/assessments/${id}`);
  const done = assessment.progress.filter((p) => p.status === "completed").length;
  const heading =
    assessment.perspective === "prime" ? "Your self-assessment" : `Your rating of ${assessment.prime.name}`;
  const submitted = assessment.status === "submitted";
  // A prime's self-assessment locked at release, or a version made after it (docs/decisions/0029).
  const released = assessment.lockedOn !== null || assessment.afterRelease;

  return (
    <>
      {saved && !submitted && !released ? (
        <div role="status" className="mb-8 border-4 border-success p-4">
          <h2 className="text-xl font-bold">Your answers have been saved</h2>
          <p>
            You can come back and finish before the cycle closes on {formatDate(assessment.cycle.closesAt)}.
          </p>
        </div>
      ) : null}
      <p className="text-xl text-muted">
        {assessment.contract.title} · {assessment.cycle.name}
      </p>
      <h1 className="mb-6 text-4xl font-bold">{heading}</h1>

      {submitted ? (
        <div className="mb-8 max-w-3xl">
          <p className="mb-4">
            You submitted these answers
            {assessment.submittedAt ? ` on ${formatDate(assessment.submittedAt)}` : ""}. Your reference is{" "}
            <strong>{assessment.reference}</strong>.
          </p>
          <p className="mb-4">
            <Link href={`/assessments/${id}/check`}>See your answers</Link>
          </p>
          <h2 className="mb-2 text-2xl font-bold">Need to correct something?</h2>
          {released ? (
            <>
              <p className="mb-4">
                {assessment.lockedOn
                  ? `Partners' figures for this cycle were released on ${formatDate(assessment.lockedOn)}, so these answers are locked as they were then, and reports compare partners' figures with them.`
                  : `This is version ${assessment.version}, changed after partners' figures were released. Reports keep using the version locked at release.`}{" "}
                A change is a new version, which the commissioner sees as changed after release, beside this
                one.
              </p>
              <p className="mb-4">
                <Link href={`/self-assessments/${id}`}>See every version</Link>
              </p>
              <CorrectForm assessmentId={id} label="Start a new version" />
            </>
          ) : assessment.cycle.closesAt < new Date() ? (
            <p className="mb-4">
              The {assessment.cycle.name} cycle closed on {formatDate(assessment.cycle.closesAt)}, so these
              answers can no longer be corrected. Anything to add or correct can go into the next cycle.
            </p>
          ) : (
            <>
              <p className="mb-4">
                A correction starts a new version with your answers filled in. Your first submission is kept
                in the history.
              </p>
              <CorrectForm assessmentId={id} />
            </>
          )}
        </div>
      ) : assessment.lockedOn ? (
        <div className="mb-8 max-w-3xl">
          <p className="mb-4">{lockedMessage(assessment.lockedOn)}</p>
          <p>This draft was not submitted before the release, so it can no longer be changed or sent.</p>
        </div>
      ) : (
        <>
          {assessment.afterRelease ? (
            <p className="mb-4 max-w-3xl border-l-8 border-brand pl-4">
              This is version {assessment.version}, a change after partners' figures were released. Once you
              submit it, the commissioner sees it as changed after release; version {assessment.version - 1}{" "}
              stays as it was, and reports keep using the version locked at release.{" "}
              <Link href={`/self-assessments/${id}`}>See every version</Link>
            </p>
          ) : assessment.version > 1 ? (
            <p className="mb-4 max-w-3xl border-l-8 border-brand pl-4">
              This is a correction (version {assessment.version}). Your earlier submission stays as it was
              until you submit this one.
            </p>
          ) : null}
          <h2 className="mb-2 text-2xl font-bold">
            {done === assessment.progress.length
              ? "You have answered every principle"
              : "Answer each principle"}
          </h2>
          <p className="mb-6">
            You have completed {done} of {assessment.progress.length} principles.
            {assessment.afterRelease ? "" : ` Closes on ${formatDate(assessment.cycle.closesAt)}.`}
          </p>
          <ol className="mb-8 max-w-3xl border-t border-gray-300" aria-label="Principles">
            {assessment.progress.map((item, index) => (
              <li
                key={item.key}
                className="flex items-center justify-between gap-4 border-b border-gray-300 py-3"
              >
                <span>
                  {index + 1}.{" "}
                  <Link href={`/assessments/${id}/${item.key}`} aria-describedby={`status-${item.key}`}>
                    {item.title}
                  </Link>
                </span>
                <span id={`status-${item.key}`}>
                  <Tag tone={TONE[item.status]}>{TASK_STATUS_LABELS[item.status]}</Tag>
                </span>
              </li>
            ))}
          </ol>
          <h2 className="mb-2 text-2xl font-bold">Check and submit</h2>
          {assessment.complete ? (
            <p>
              <Link href={`/assessments/${id}/check`}>Check your answers and submit</Link>
            </p>
          ) : (
            <p>You can check and submit your answers once every principle is completed.</p>
          )}
        </>
      )}
    </>
  );
}
