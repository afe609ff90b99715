import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { formatDate } from "@/lib/format";
import { framework } from "@/lib/framework";
import { scoreOrDash } from "@/lib/reports/format";
import { measureTitle } from "@/lib/reports/labels";
import { answersFor } from "@/lib/reports/lines";
import { aggregateOfRelease, type MeasureKey, type MeasureResult } from "@/lib/scoring";
import type { ScopeLine } from "@/lib/services/release-reads";

export const HIDDEN_SCOPE = "Not published: too few partners to publish without risk of identifying one.";

const WITHHELD_SCOPE =
  "Published, but it includes no rating of a contract you rate this prime on, so it is not yours to read.";

const PENDING_SCOPE = "Not released yet: figures are worked out once, after the period's rounds close.";

/**
 * A prime's released figures for one period at every scope the reader may read: this contract, its
 * pool with the commissioner, the nation (docs/decisions/0011). A prime whose contract figure is
 * hidden can still read its pool or national figure here. Which scopes and figures appear was
 * decided by the service for the reader; this only lays them out.
 */
export function ReleasedScopes({
  primeName,
  period,
  lines,
}: {
  primeName: string;
  period: string;
  lines: readonly ScopeLine[];
}) {
  if (lines.length === 0) return null;
  const published = lines.filter((l) => l.scope !== null);
  const measures: MeasureKey[] = ["overall", ...framework.principles.map((p) => p.key)];
  const aggregates = published.map((l) => aggregateOfRelease(framework, l.scope ?? undefined));
  const mean = (i: number, key: MeasureKey) => {
    const a = aggregates[i];
    if (!a || a.suppressed) return null;
    const m: MeasureResult | undefined =
      key === "overall" ? a.overall : a.principles.find((p) => p.key === key);
    return m && !m.suppressed ? m.mean : null;
  };
  const answers = (i: number, key: MeasureKey) => {
    const a = aggregates[i];
    return a ? answersFor(a, key) : 0;
  };
  return (
    <section aria-labelledby="scopes-heading" className="mb-8">
      <h2 id="scopes-heading" className="mb-4 text-2xl font-bold">
        Released figures for {period}: this contract, pooled and national
      </h2>
      <ul className="mb-6 max-w-3xl space-y-3" aria-label={`Where ${primeName}'s figures were released`}>
        {lines.map((line) => (
          <li key={line.level} className="border-l-4 border-brand pl-4">
            <strong className="block">{line.label}</strong>
            {line.scope ? (
              <>
                Combines {line.scope.partners} partner organisations, released on{" "}
                {formatDate(line.scope.releasedAt)}.
              </>
            ) : line.state === "withheld" ? (
              WITHHELD_SCOPE
            ) : line.state === "hidden" && line.releasedAt ? (
              <>
                {HIDDEN_SCOPE} Released on {formatDate(line.releasedAt)}.
              </>
            ) : (
              PENDING_SCOPE
            )}
          </li>
        ))}
      </ul>
      {published.length > 0 ? (
        <ScrollRegion label={`Partners' mean scores for ${primeName}, by scope`}>
          <table className="report-table w-full border-collapse text-base">
            <caption className="mb-2 text-left text-xl font-bold">
              Partners' mean scores for {primeName}, by scope
            </caption>
            <TableHead
              columns={[
                "Principle",
                ...published.map((l) => ({
                  label: `${l.label} (${l.scope?.partners ?? 0} partners)`,
                  numeric: true,
                  key: l.level,
                })),
              ]}
            />
            <tbody>
              {measures.map((key) => (
                <tr key={key} className={key === "overall" ? "font-bold" : undefined}>
                  <th scope="row" className="font-normal">
                    {measureTitle(key)}
                  </th>
                  {published.map((l, i) => (
                    <td key={l.level} className="num">
                      {mean(i, key) === null ? "Not published" : scoreOrDash(mean(i, key), answers(i, key))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}
