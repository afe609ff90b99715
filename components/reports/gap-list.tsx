import { formatGap, scoreOrDash } from "@/lib/reports/format";
import { measureTitle, principleTitle, questionText } from "@/lib/reports/labels";
import { answersFor } from "@/lib/reports/lines";
import type { Aggregate, ViewComparison } from "@/lib/scoring";

/** Where the prime's view and its partners' differ by 20 points or more, and disputed claims. */
export function GapList({ comparison, partners }: { comparison: ViewComparison; partners: Aggregate }) {
  if (!comparison.comparable) return null;
  const measures = [...comparison.principles, comparison.overall].filter(
    (m) => m.view === "blind-spot" || m.view === "hidden-strength",
  );
  const pairs = comparison.pairs.filter((p) => p.view === "blind-spot" || p.view === "hidden-strength");
  const disputed = comparison.pairs.filter((p) => p.claimDisputed);
  return (
    <section aria-labelledby="gaps-heading" className="mb-8 break-inside-avoid">
      <h2 id="gaps-heading" className="mb-4 text-2xl font-bold">
        Blind spots and hidden strengths
      </h2>
      <p className="mb-4 max-w-3xl">
        A blind spot is where the prime scores itself at least 20 points above its partners&apos; view; a
        hidden strength is where partners score it at least 20 points higher than it scores itself.
      </p>
      {measures.length + pairs.length === 0 ? (
        <p className="mb-4">
          The prime&apos;s view and its partners&apos; agree within 20 points everywhere.
        </p>
      ) : (
        <ul className="mb-4 list-disc space-y-1 pl-6" aria-label="Gaps of 20 points or more">
          {measures.map((m) => (
            <li key={m.key}>
              <strong>{m.view === "blind-spot" ? "Blind spot" : "Hidden strength"}:</strong>{" "}
              {measureTitle(m.key)} (prime {scoreOrDash(m.self, "own")}, partners{" "}
              {scoreOrDash(m.partners, answersFor(partners, m.key))}, gap{" "}
              {formatGap(m.gap, answersFor(partners, m.key))})
            </li>
          ))}
          {pairs.map((p) => (
            <li key={p.pairKey}>
              <strong>{p.view === "blind-spot" ? "Blind spot" : "Hidden strength"}:</strong>{" "}
              {questionText(p.partnerQuestion)} (prime {scoreOrDash(p.self, "own")}, partners{" "}
              {scoreOrDash(p.partners, answersFor(partners, p.partnerQuestion))})
            </li>
          ))}
        </ul>
      )}
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
