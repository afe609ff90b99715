import { formatGap, formatScore } from "@/lib/reports/format";
import { type GapGroup, groupByPrinciple, questionGaps } from "@/lib/reports/gaps";
import { principleTitle, questionText } from "@/lib/reports/labels";
import type { Aggregate, ViewComparison } from "@/lib/scoring";
import { GAP_THRESHOLD } from "@/lib/scoring";

/**
 * Where the prime's view and its partners' differ by 20 points or more, question by question, in the
 * prime's own wording and grouped by principle, biggest gap first; then claims most partners dispute.
 * Whole principles' gaps are in the table by principle above.
 */
export function GapList({ comparison, partners }: { comparison: ViewComparison; partners: Aggregate }) {
  if (!comparison.comparable) return null;
  const blindSpots = groupByPrinciple(questionGaps(comparison, partners, "blind-spot"), principleTitle);
  const strengths = groupByPrinciple(questionGaps(comparison, partners, "hidden-strength"), principleTitle);
  const disputed = comparison.pairs.filter((p) => p.claimDisputed);
  return (
    <section aria-labelledby="gaps-heading" className="mb-8">
      <h2 id="gaps-heading" className="mb-4 text-2xl font-bold">
        Blind spots and hidden strengths
      </h2>
      <p className="mb-4 max-w-3xl">
        A blind spot is a question where the prime scores itself at least {GAP_THRESHOLD} points above its
        partners&apos; view; a hidden strength is one where partners score it at least {GAP_THRESHOLD} points
        higher than it scores itself. Each is worded as the prime was asked it.
      </p>
      <Groups
        id="blind-spots"
        title="Blind spots"
        none={`No question where the prime rates itself ${GAP_THRESHOLD} points or more above its partners.`}
        groups={blindSpots}
      />
      <Groups
        id="hidden-strengths"
        title="Hidden strengths"
        none={`No question where partners rate the prime ${GAP_THRESHOLD} points or more above its own view.`}
        groups={strengths}
      />
      {disputed.length > 0 ? (
        <>
          <h3 className="mb-2 text-xl font-bold">Claims most partners dispute</h3>
          <ul className="list-disc space-y-1 pl-6" aria-label="Disputed claims">
            {disputed.map((p) => (
              <li key={p.pairKey}>
                {principleTitle(p.principle)}: the prime says &ldquo;{questionText(p.primeQuestion)}&rdquo; is
                met; most partners who answered say it is not.
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Groups({
  id,
  title,
  none,
  groups,
}: {
  id: string;
  title: string;
  none: string;
  groups: GapGroup[];
}) {
  const count = groups.reduce((n, g) => n + g.gaps.length, 0);
  return (
    <div className="mb-6 max-w-3xl">
      <h3 id={id} className="mb-2 text-xl font-bold">
        {title} ({count})
      </h3>
      {groups.length === 0 ? <p>{none}</p> : null}
      {groups.map((group) => (
        <div key={group.principle} className="mb-4">
          <h4 className="mb-1 font-bold">{group.title}</h4>
          <ul className="list-disc space-y-1 pl-6" aria-label={`${title}: ${group.title}`}>
            {group.gaps.map((g) => (
              <li key={g.pairKey}>
                {g.question}{" "}
                <span className="text-muted">
                  (prime {formatScore(g.self, "own")}, partners {formatScore(g.partners, g.answers)}, gap{" "}
                  {formatGap(g.gap, g.answers)})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
