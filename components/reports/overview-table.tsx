import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { formatGap, formatPercent, scoreOrDash } from "@/lib/reports/format";
import { BAND_LABELS } from "@/lib/scoring/numbers";
import type { OverviewRow } from "@/lib/services/commissioner-overview";

/** The commissioner's overview table: one row per prime on a contract, worst first. */
export function OverviewTable({
  rows,
  period,
  previousPeriod,
}: {
  rows: readonly OverviewRow[];
  period: string;
  previousPeriod: string | null;
}) {
  return (
    <div className="mb-6 overflow-x-auto">
      <ScrollRegion label="Primes, worst first">
        <table className="report-table w-full border-collapse text-base">
          <caption className="mb-2 text-left text-xl font-bold">
            Primes, worst first: partners&apos; figures released for {period}
          </caption>
          <TableHead
            alignBottom
            columns={[
              "Prime and contract",
              "Band",
              { label: "Partners' overall", numeric: true },
              { label: "Against the national median", numeric: true },
              { label: "Red flags raised", numeric: true },
              { label: "Prime's claim minus partners'", numeric: true },
              {
                label: previousPeriod ? `Change since ${previousPeriod}` : "Change since the last release",
                numeric: true,
              },
              { label: "Partners answered", numeric: true },
            ]}
          />
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.contract.id}/${row.prime.id}`}>
                <th scope="row">
                  <a
                    href={`/contracts/${row.contract.id}/primes/${row.prime.id}/report?cycle=${row.cycleId}`}
                  >
                    {row.prime.lot ? `${row.prime.name} (${row.prime.lot})` : row.prime.name}
                  </a>
                  <span className="block font-normal text-muted">{row.contract.title}</span>
                </th>
                <td>{row.band ? BAND_LABELS[row.band] : "Not released"}</td>
                <td className="num">{scoreOrDash(row.overall, row.submitted)}</td>
                <td className="num">{formatGap(row.againstNational, row.submitted)}</td>
                <td className="num">{row.flags ?? "–"}</td>
                <td className="num">{formatGap(row.gap, row.submitted)}</td>
                <td className="num">{formatGap(row.change, row.submitted)}</td>
                <td className="num">
                  {`${row.submitted} of ${row.roster}`}
                  <span className="block text-muted">{formatPercent(row.responseRate, row.roster)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
