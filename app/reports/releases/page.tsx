import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReleaseForm } from "@/components/releases/release-form";
import { ThresholdsForm } from "@/components/releases/thresholds-form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { Tag } from "@/components/ui/tag";
import { requirePage } from "@/lib/access/pages";
import { ForbiddenError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { type PeriodOverview, releaseOverview } from "@/lib/services/release-overview";
import { LOWEST_THRESHOLD, programmeThresholds, type Thresholds } from "@/lib/services/release-thresholds";

export const metadata: Metadata = { title: "Release partners' figures" };

/**
 * For a commissioner's administrators: each period of its programme, its cycles, what has been
 * released and when, and the form to release the closed cycles now (docs/decisions/0011). Anyone
 * else gets "not found".
 */
export default async function ReleasesPage({
  searchParams,
}: {
  searchParams: Promise<{ released?: string; scopes?: string; thresholds?: string }>;
}) {
  const actor = await requirePage("/reports/releases", "readProgramme");
  let periods: PeriodOverview[];
  let thresholds: Thresholds;
  try {
    [periods, thresholds] = await Promise.all([releaseOverview(actor), programmeThresholds(actor)]);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
  const { released, scopes, thresholds: raised } = await searchParams;
  const releasable = periods.filter((p) => p.releasable > 0);
  const published = Number(scopes ?? "0");

  return (
    <>
      <Link href="/reports" className="mb-6 inline-block">
        Back to primes across your contracts
      </Link>
      <p className="text-xl text-muted">{actor.organisationName}</p>
      <h1 className="mb-6 text-4xl font-bold">Release partners' figures</h1>
      {released ? (
        <div id="result" role="status" className="mb-8 max-w-3xl border-4 border-success p-4">
          <p className="text-xl font-bold">
            {published > 0 ? `${released} released` : `Nothing new could be published for ${released}`}
          </p>
          <p>
            {published > 0
              ? `${published} ${published === 1 ? "scope was" : "scopes were"} published. Reports now show their figures.`
              : "Every closed cycle was checked: no figure could be published without risk of identifying a partner, or it was published before."}
          </p>
        </div>
      ) : null}
      <div className="mb-8 max-w-3xl space-y-4">
        <p>
          Partners' figures are published only in releases: worked out once from the ratings of closed cycles,
          checked so that no figure or comparison of figures narrows down to too few partners, then stored and
          never changed. A period is released automatically once its last cycle has closed; you can release
          the cycles that have closed before then.
        </p>
      </div>
      {periods.length === 0 ? (
        <p>
          Your contracts have no rating cycles yet, so there is nothing to release.{" "}
          <Link href="/contracts">Open a contract</Link> to add its first rating cycle.
        </p>
      ) : null}
      {periods.map((p, index) => (
        <section key={p.period} aria-labelledby={`period-${index}`} className="mb-10">
          <h2 id={`period-${index}`} className="mb-4 text-2xl font-bold">
            {p.period}
          </h2>
          <ScrollRegion label={`Cycles of ${p.period}`}>
            <table className="mb-4 w-full max-w-4xl border-collapse text-base">
              <caption className="sr-only">Cycles of {p.period}</caption>
              <TableHead columns={["Contract", "Closes", "Status"]} />
              <tbody>
                {p.cycles.map((c) => (
                  <tr
                    key={`${c.contractReference}-${c.closesAt.toISOString()}`}
                    className="border-b border-gray-300"
                  >
                    <td className="py-2 pr-4">
                      {c.contractTitle} <span className="text-muted">({c.contractReference})</span>
                    </td>
                    <td className="py-2 pr-4">{formatDate(c.closesAt)}</td>
                    <td className="py-2">
                      {!c.closed ? (
                        <Tag tone="blue">Open</Tag>
                      ) : c.released ? (
                        <Tag tone="green">Released</Tag>
                      ) : (
                        <Tag tone="grey">Closed, not released</Tag>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {p.releases.length > 0 || p.nationalAt ? (
            <ul className="max-w-3xl list-disc space-y-1 pl-6" aria-label={`Releases of ${p.period}`}>
              {p.releases.map((r) => (
                <li key={r.releasedAt.toISOString()}>
                  Released on {formatDate(r.releasedAt)}: {r.scopes} {r.scopes === 1 ? "scope" : "scopes"}{" "}
                  published
                </li>
              ))}
              {p.nationalAt ? <li>Released nationally on {formatDate(p.nationalAt)}</li> : null}
            </ul>
          ) : (
            <p className="max-w-3xl">{notReleasedYet(p)}</p>
          )}
        </section>
      ))}
      <section aria-labelledby="release-heading" className="mb-10">
        <h2 id="release-heading" className="mb-4 text-2xl font-bold">
          Release closed cycles now
        </h2>
        {releasable.length > 0 ? (
          <ReleaseForm periods={releasable.map((p) => ({ period: p.period, releasable: p.releasable }))} />
        ) : (
          <p>Every closed cycle has been released. Cycles still open are released after they close.</p>
        )}
      </section>
      <section id="thresholds" aria-labelledby="thresholds-heading" className="mb-10">
        <h2 id="thresholds-heading" className="mb-4 text-2xl font-bold">
          Thresholds
        </h2>
        {raised ? (
          <p role="status" className="mb-6 max-w-3xl border-4 border-success p-4 font-bold">
            The thresholds are now {thresholds.score} and {thresholds.category}. Partners' start pages say so,
            and every release from now on uses them.
          </p>
        ) : null}
        <p className="mb-6 max-w-3xl">
          A higher threshold protects partners better and publishes fewer figures. Thresholds can be raised at
          any time and never lowered: partners answered on the promise of the thresholds they were shown.
        </p>
        <ThresholdsForm score={thresholds.score} category={thresholds.category} lowest={LOWEST_THRESHOLD} />
      </section>
    </>
  );
}

/** When a period with no release yet will be released, or how to release it now. */
function notReleasedYet(p: PeriodOverview): string {
  const open = p.cycles.filter((c) => !c.closed);
  if (open.length === 0)
    return `Nothing of ${p.period} has been released yet. Its cycles have all closed: it is released automatically within a day, or you can release it now, below.`;
  const last = new Date(Math.max(...open.map((c) => c.closesAt.getTime())));
  return `Nothing of ${p.period} has been released yet. It is released automatically after its last cycle closes on ${formatDate(last)}${p.releasable > 0 ? "; you can release the cycles that have closed now, below" : ""}.`;
}
