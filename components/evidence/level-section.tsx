import Link from "next/link";
import { Tag } from "@/components/ui/tag";
import type { Actor } from "@/lib/auth/types";
import { formatDate } from "@/lib/format";
import { LEVEL_LABEL, type Level } from "@/lib/scoring/levels";
import { getLevel } from "@/lib/services/levels";
import { ConfirmLevelForm } from "./confirm-level-form";

const TONE = { MEETS: "green", MEETS_WITH_CONDITIONS: "yellow", NOT_YET: "red" } as const;

function LevelTag({ level }: { level: Level }) {
  return <Tag tone={TONE[level]}>{LEVEL_LABEL[level]}</Tag>;
}

/**
 * The self-assessment's level for its cycle (docs/decisions/0026): as last confirmed by the
 * commissioner, with its dated statement, and as the published rule gives it now.
 */
export async function LevelSection({ actor, assessmentId }: { actor: Actor; assessmentId: string }) {
  const view = await getLevel(actor, assessmentId);
  const { confirmed, worked } = view;
  return (
    <section aria-labelledby="level-heading" className="mb-10 max-w-3xl">
      <h2 id="level-heading" className="mb-4 text-2xl font-bold">
        Level for {view.cycleName}
      </h2>
      {confirmed ? (
        <div className="mb-6">
          <p className="mb-2">
            Confirmed level: <LevelTag level={confirmed.level} />, by {view.commissionerName} on{" "}
            {formatDate(confirmed.confirmedAt)}.
          </p>
          <p className="mb-2">
            {confirmed.published ? (
              <>
                Published on the <Link href="/register">public register</Link>.
              </>
            ) : (
              "Not published on the public register."
            )}
          </p>
          <Reasons level={confirmed.level} reasons={confirmed.reasons} />
          <p>
            <a href={`/evidence/${view.assessmentId}/statement`} download>
              Download the statement of this level (PDF)
            </a>
          </p>
        </div>
      ) : (
        <p className="mb-6">No level has been confirmed for this self-assessment yet.</p>
      )}
      {worked ? (
        <>
          <p className="mb-2">
            The <Link href="/how-scoring-works#levels">published rule</Link> gives now:{" "}
            <LevelTag level={worked.level} />
          </p>
          <Reasons level={worked.level} reasons={worked.reasons} />
          {view.viewer === "commissioner" ? (
            <ConfirmLevelForm assessmentId={view.assessmentId} levelLabel={LEVEL_LABEL[worked.level]} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function Reasons({ level, reasons }: { level: Level; reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  return (
    <>
      <p className="mb-1">{level === "NOT_YET" ? "Why not yet:" : "Conditions:"}</p>
      <ul className="mb-4 list-disc pl-6">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </>
  );
}
