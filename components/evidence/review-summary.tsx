import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { Tag } from "@/components/ui/tag";
import type { Actor } from "@/lib/auth/types";
import { VERDICT_LABEL, VERDICT_TONE } from "@/lib/evidence/verdicts";
import { formatScore } from "@/lib/reports/format";
import { getReview, type PrincipleReview, type Review } from "@/lib/services/verification";
import { LevelSection } from "./level-section";

/**
 * The review of a self-assessment on its evidence page: each principle's state, with a link to the
 * principle's page where the commissioner records a verdict and the prime responds; then the level.
 */
export async function ReviewSummary({ actor, assessmentId }: { actor: Actor; assessmentId: string }) {
  const review = await getReview(actor, assessmentId);
  const base = `/evidence/${review.assessmentId}/principles`;
  return (
    <>
      <section aria-labelledby="review-heading" className="mb-10">
        <h2 id="review-heading" className="mb-4 text-2xl font-bold">
          Verification
        </h2>
        <p className="mb-6 max-w-3xl">{intro(review)}</p>
        <ScrollRegion label="Verification by principle">
          <table className="mb-6 w-full max-w-4xl border-collapse text-left">
            <caption className="sr-only">Verification by principle</caption>
            <TableHead
              columns={[
                "Principle",
                { label: "Own score", numeric: true },
                { label: "Files", numeric: true },
                "State",
              ]}
            />
            <tbody>
              {review.principles.map((p) => (
                <tr key={p.key} className="border-b border-rule">
                  <td className="py-2 pr-4">
                    <Link href={`${base}/${p.key}`}>{p.title}</Link>
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {p.ownScore === null ? "–" : formatScore(p.ownScore, "own")}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{p.evidenceFiles}</td>
                  <td className="py-2">
                    <State principle={p} viewer={review.viewer} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      <LevelSection actor={actor} assessmentId={review.assessmentId} />
    </>
  );
}

function intro(review: Review): string {
  if (review.state === "draft") {
    return `Once ${review.viewer === "prime" ? "you submit the self-assessment" : `${review.primeName} submits its self-assessment`}, ${review.commissionerName} reviews each principle against this evidence.`;
  }
  if (review.state === "superseded") {
    return "A newer version of this self-assessment has been submitted; this is the review of the earlier one, kept as it was.";
  }
  return review.viewer === "commissioner"
    ? "Review each principle against the evidence: verify it, ask for more evidence, or record that it is not verified. The prime reads your comments and can respond."
    : `${review.commissionerName} reviews each principle against this evidence. Open a principle to read its comments and respond, with more evidence if asked.`;
}

function State({ principle, viewer }: { principle: PrincipleReview; viewer: Review["viewer"] }) {
  if (!principle.verdict) return <>Not reviewed yet</>;
  return (
    <>
      <Tag tone={VERDICT_TONE[principle.verdict]}>{VERDICT_LABEL[principle.verdict]}</Tag>
      {principle.responded ? (
        <span className="block text-muted">
          {viewer === "prime" ? "You responded; awaiting review" : "The prime has responded"}
        </span>
      ) : null}
    </>
  );
}
