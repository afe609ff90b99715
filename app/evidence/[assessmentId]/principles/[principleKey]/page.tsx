import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { ResponseForm } from "@/components/evidence/response-form";
import { ReviewHistory } from "@/components/evidence/review-history";
import { VerdictForm } from "@/components/evidence/verdict-form";
import { Tag } from "@/components/ui/tag";
import { currentActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { ACCEPTED_LIST } from "@/lib/evidence/file-types";
import { VERDICT_LABEL, VERDICT_TONE } from "@/lib/evidence/verdicts";
import { formatBytes } from "@/lib/format";
import { formatScore } from "@/lib/reports/format";
import { type EvidenceListing, listEvidence, MAX_EVIDENCE_BYTES } from "@/lib/services/evidence";
import { getReview, type Review } from "@/lib/services/verification";

export const metadata: Metadata = { title: "Verification of a principle" };

const SAVED: Record<string, string> = {
  verdict: "Your verdict has been recorded. The prime can read it now.",
  response: "Your response has been sent to the commissioner.",
};

/**
 * One principle of a prime's self-assessment under review: its evidence, the history of verdicts
 * and responses, and the form for whoever's turn it is (the commissioner's verdict, the prime's
 * response). The prime and its commissioner only; everyone else finds nothing.
 */
export default async function PrinciplePage({
  params,
  searchParams,
}: {
  params: Promise<{ assessmentId: string; principleKey: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  await connection();
  const { assessmentId, principleKey } = await params;
  const actor = await currentActor();
  if (!actor)
    redirect(`/sign-in?next=${encodeURIComponent(`/evidence/${assessmentId}/principles/${principleKey}`)}`);
  let review: Review;
  let listing: EvidenceListing;
  try {
    [review, listing] = await Promise.all([
      getReview(actor, assessmentId),
      listEvidence(actor, assessmentId),
    ]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const principle = review.principles.find((p) => p.key === principleKey);
  if (!principle) notFound();
  const { saved } = await searchParams;
  const files = listing.files.filter((f) => f.principleKey === principle.key);
  return (
    <>
      {saved && SAVED[saved] ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          {SAVED[saved]}
        </div>
      ) : null}
      <Link href={`/evidence/${review.assessmentId}`} className="mb-6 inline-block">
        Back to all the evidence
      </Link>
      <p className="text-xl text-muted">
        {review.primeName}'s self-assessment · {review.contractTitle} · {review.cycleName}
      </p>
      <h1 className="mb-6 text-4xl font-bold">{principle.title}</h1>
      <dl className="mb-8 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-bold">State</dt>
        <dd>
          {principle.verdict ? (
            <Tag tone={VERDICT_TONE[principle.verdict]}>{VERDICT_LABEL[principle.verdict]}</Tag>
          ) : (
            "Not reviewed yet"
          )}
        </dd>
        <dt className="font-bold">Own score</dt>
        <dd>{principle.ownScore === null ? "No score" : formatScore(principle.ownScore, "own")}</dd>
      </dl>

      <h2 className="mb-4 text-2xl font-bold">Evidence for this principle</h2>
      {files.length === 0 ? (
        <p className="mb-8">No files have been added for this principle.</p>
      ) : (
        <ul className="mb-8 list-disc space-y-1 pl-6">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/evidence/files/${f.id}`} download>
                {f.fileName}
              </a>{" "}
              ({formatBytes(f.size)})
            </li>
          ))}
        </ul>
      )}

      <h2 id="history" className="mb-4 text-2xl font-bold">
        History
      </h2>
      <ReviewHistory
        entries={principle.entries}
        commissionerName={review.commissionerName}
        primeName={review.primeName}
      />
      <NextStep review={review} principleKey={principle.key} />
    </>
  );
}

function NextStep({ review, principleKey }: { review: Review; principleKey: string }) {
  if (review.state === "draft") {
    return <p>The commissioner reviews the self-assessment once it has been submitted.</p>;
  }
  if (review.state === "superseded") {
    return <p>A newer version of this self-assessment has been submitted: it is reviewed instead.</p>;
  }
  if (review.viewer === "commissioner") {
    return (
      <>
        <h2 className="mb-4 text-2xl font-bold">Record a verdict</h2>
        <VerdictForm assessmentId={review.assessmentId} principleKey={principleKey} />
      </>
    );
  }
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">Respond to {review.commissionerName}</h2>
      <ResponseForm
        assessmentId={review.assessmentId}
        principleKey={principleKey}
        accepted={`${ACCEPTED_LIST}, up to ${formatBytes(MAX_EVIDENCE_BYTES)}. The kind is judged from the file itself, not its name.`}
      />
    </>
  );
}
