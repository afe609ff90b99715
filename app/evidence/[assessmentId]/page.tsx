import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { EvidenceForm } from "@/components/evidence/evidence-form";
import { RemoveEvidenceForm } from "@/components/evidence/remove-evidence-form";
import { ReviewSummary } from "@/components/evidence/review-summary";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { currentActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { ACCEPTED_LIST } from "@/lib/evidence/file-types";
import { formatBytes, formatDate } from "@/lib/format";
import { framework } from "@/lib/framework";
import {
  type EvidenceListing,
  listEvidence,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
} from "@/lib/services/evidence";

export const metadata: Metadata = { title: "Evidence" };

/** A prime's self-assessment evidence: the prime adds files; the prime and its commissioner download them. */
export default async function EvidencePage({
  params,
  searchParams,
}: {
  params: Promise<{ assessmentId: string }>;
  searchParams: Promise<{ added?: string; removed?: string }>;
}) {
  await connection();
  const { assessmentId } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=/evidence/${assessmentId}`);
  let listing: EvidenceListing;
  try {
    listing = await listEvidence(actor, assessmentId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { added, removed } = await searchParams;
  const addedFile = listing.files.find((f) => f.id === added);
  const titleOf = new Map<string, string>(framework.principles.map((p) => [p.key, p.title]));
  return (
    <>
      {addedFile ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          {addedFile.fileName} has been added as evidence.
        </div>
      ) : removed ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          The file has been removed.
        </div>
      ) : null}
      <p className="text-xl text-muted">
        {listing.contractTitle} · {listing.cycleName}
      </p>
      <h1 className="mb-6 text-4xl font-bold">{listing.primeName}'s evidence</h1>
      <p className="mb-6 max-w-3xl">
        Documents behind the self-assessment: payment-run reports, the fee policy, the subcontract template,
        the risk register. Only {listing.primeName} and the contract's commissioner can open them.{" "}
        <a href={`/self-assessments/${listing.assessmentId}`}>The answers and their versions</a>.
      </p>
      {listing.lockedOn ? (
        <p className="mb-6 max-w-3xl border-l-8 border-brand pl-4">
          Partners' figures for this cycle were released on {formatDate(listing.lockedOn)}. Files added since
          say so; none of the files this version was released with can be removed.
        </p>
      ) : null}
      {listing.files.length === 0 ? (
        <p className="mb-8">No evidence has been added yet.</p>
      ) : (
        <ScrollRegion label={"Evidence files"}>
          <table className="mb-10 w-full max-w-4xl border-collapse text-left">
            <caption className="sr-only">Evidence files</caption>
            <TableHead columns={["Principle", "File", "Kind", { label: "Size", numeric: true }, "Added"]} />
            <tbody>
              {listing.files.map((f) => (
                <tr key={f.id} className="border-b border-rule">
                  <td className="py-2 pr-4">{titleOf.get(f.principleKey) ?? f.principleKey}</td>
                  <td className="py-2 pr-4">
                    <a href={`/evidence/files/${f.id}`} download>
                      {f.fileName}
                    </a>
                  </td>
                  <td className="py-2 pr-4">{f.mediaType}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatBytes(f.size)}</td>
                  <td className="py-2">
                    {formatDate(f.createdAt)}
                    {listing.lockedOn && f.createdAt > listing.lockedOn ? ", after release" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ReviewSummary actor={actor} assessmentId={listing.assessmentId} />
      {listing.canAdd ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Add evidence</h2>
          <EvidenceForm
            assessmentId={listing.assessmentId}
            principles={framework.principles.map((p) => ({ value: p.key, label: p.title }))}
            accepted={`${ACCEPTED_LIST}, up to ${formatBytes(MAX_EVIDENCE_BYTES)} each and ${MAX_EVIDENCE_FILES} in all. The kind is judged from the file itself, not its name.`}
          />
        </>
      ) : null}
      {listing.canRemove && listing.files.length > 0 ? (
        <>
          <h2 className="mt-10 mb-4 text-2xl font-bold">Remove a file</h2>
          <RemoveEvidenceForm files={listing.files.map((f) => ({ value: f.id, label: f.fileName }))} />
        </>
      ) : null}
    </>
  );
}
