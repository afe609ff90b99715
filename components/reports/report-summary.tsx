import { formatGap, formatScore } from "@/lib/reports/format";
import { principleTitle } from "@/lib/reports/labels";
import { type ReportSummary, TOP_BLIND_SPOTS } from "@/lib/reports/report-summary";

/**
 * The one-screen summary at the top of a prime's report: what to decide on, each line pointing to
 * the detail below that shows it.
 */
export function ReportSummaryPanel({ summary, whose }: { summary: ReportSummary; whose: string }) {
  const { partners, gap, topBlindSpots, blindSpots, flags, flagsWithheld, disputed, ownFlags, change } =
    summary;
  return (
    <section aria-labelledby="summary-heading" className="mb-8 border-4 border-brand p-4">
      <h2 id="summary-heading" className="mb-3 text-2xl font-bold">
        Summary
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Partners&apos; view</dt>
        <dd data-testid="summary-band">
          {partners ? `${partners.band}, ${partners.score} out of 100` : "No figure released"}
        </dd>
        {gap ? (
          <>
            <dt className="font-bold">Claim against partners</dt>
            <dd data-testid="summary-gap">
              {gap.value} points, {gap.view.toLowerCase()}: {whose} own overall score minus the partners&apos;
            </dd>
          </>
        ) : null}
        <dt className="font-bold">Red flags</dt>
        <dd data-testid="summary-flags">
          {[
            flags.length > 0
              ? flags.map((f) => `${f.title} (${f.flagged} of ${f.n} partners)`).join(", ")
              : flagsWithheld
                ? "None in the counts released"
                : "None raised by partners",
            flagsWithheld ? "some counts are not shown, to protect partners" : null,
            disputed > 0 ? `${disputed} of the prime's claims disputed by most partners` : null,
            ownFlags === null ? null : `${ownFlags} in the prime's own answers`,
          ]
            .filter(Boolean)
            .join("; ")}
        </dd>
        <dt className="font-bold">What changed</dt>
        <dd data-testid="summary-change">
          {change
            ? `${change.value} points overall from ${change.from} to ${change.to}, like for like${
                change.most ? `; ${change.most.title} moved most (${change.most.value})` : ""
              }`
            : "No earlier release to compare with"}
        </dd>
      </dl>
      {gap ? (
        <>
          <h3 className="mt-4 mb-2 text-xl font-bold">
            {blindSpots === 0 ? "No blind spots" : `Largest blind spots (${blindSpots} in all)`}
            {blindSpots > TOP_BLIND_SPOTS ? (
              <a href="#blind-spots" className="ml-4 text-base font-normal">
                See them all, by principle
              </a>
            ) : null}
          </h3>
          {topBlindSpots.length > 0 ? (
            <ol className="list-decimal space-y-1 pl-6" aria-label="Largest blind spots">
              {topBlindSpots.map((b) => (
                <li key={b.pairKey}>
                  {b.question}{" "}
                  <span className="text-muted">
                    ({principleTitle(b.principle)}: prime {formatScore(b.self, "own")}, partners{" "}
                    {formatScore(b.partners, b.answers)}, gap {formatGap(b.gap, b.answers)})
                  </span>
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
