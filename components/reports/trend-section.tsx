import { BarChart } from "@/components/charts/bar-chart";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { scoreOrDash } from "@/lib/reports/format";
import { trendCells, trendRows, trendSeries } from "@/lib/reports/trend-lines";
import type { PrimeReport } from "@/lib/services/reports";

/**
 * Partners' overall score from cycle to cycle, like for like: the chart and the table draw the same
 * rows (lib/reports/trend-lines.ts), so they cannot disagree.
 */
export function TrendSection({ prime, seesSelf }: { prime: PrimeReport; seesSelf: boolean }) {
  const rows = trendRows(prime.trend);
  if (rows.length === 0) return null;
  const selves = prime.trend.cycles.filter((c) => c.self !== null);
  return (
    <section aria-labelledby="trend-heading" className="mb-8 break-inside-avoid">
      <h2 id="trend-heading" className="mb-4 text-2xl font-bold">
        Trend across cycles
      </h2>
      <BarChart
        id="trend-chart"
        title={`${prime.prime.name}: partners' overall score from cycle to cycle, like for like`}
        description={rows
          .map((r) => {
            const cells = trendCells(r);
            return `${r.label}: ${cells.before} then ${cells.after}, change ${cells.change}`;
          })
          .join("; ")}
        categories={rows.map((r) => r.label)}
        series={trendSeries(rows)}
      />
      <ScrollRegion label={"Change from cycle to cycle"}>
        <table className="report-table mb-4 w-full border-collapse text-base">
          <caption className="mb-2 text-left text-xl font-bold">
            Change from cycle to cycle, like for like
          </caption>
          <TableHead
            columns={[
              "From",
              "To",
              { label: "Partners' overall, before", numeric: true },
              { label: "After", numeric: true },
              { label: "Change", numeric: true },
              { label: "Questions compared", numeric: true },
            ]}
          />
          <tbody>
            {rows.map((row) => {
              const cells = trendCells(row);
              return (
                <tr key={row.label}>
                  <td>{row.from}</td>
                  <td>{row.to}</td>
                  <td className="num">{cells.before}</td>
                  <td className="num">{cells.after}</td>
                  <td className="num">{cells.change}</td>
                  <td className="num">{row.compared}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="max-w-3xl text-base text-muted">
        Both compare only questions asked the same way in both cycles and shown in both, so a figure here can
        differ from the cycle&apos;s overall score in the table by principle.
      </p>
      {seesSelf && selves.length > 0 ? (
        <p className="max-w-3xl">
          The prime&apos;s own overall score:{" "}
          {selves.map((c) => `${c.name}, ${scoreOrDash(c.self, "own")}`).join("; ")}.
        </p>
      ) : null}
    </section>
  );
}
