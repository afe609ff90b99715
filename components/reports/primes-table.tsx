import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { formatPercent, scoreOrDash } from "@/lib/reports/format";
import { measureTitle } from "@/lib/reports/labels";
import { measureLines } from "@/lib/reports/lines";
import { MEASURE_KEYS } from "@/lib/scoring";
import type { ContractReport } from "@/lib/services/reports";

/** Every prime on the contract in one table: responses, partners' means and rank, own overall. */
export function PrimesTable({ report }: { report: ContractReport }) {
  const rank = (primeId: string, key: string) =>
    report.benchmark?.find((b) => b.key === key)?.ranked.find((r) => r.id === primeId)?.rank ?? null;
  return (
    <div className="mb-8 overflow-x-auto">
      <ScrollRegion label={"Primes side by side"}>
        <table className="report-table w-full border-collapse text-base">
          <caption className="mb-2 text-left text-xl font-bold">
            Primes side by side: partners&apos; mean score (rank among primes)
          </caption>
          <TableHead
            alignBottom
            columns={[
              "Prime",
              { label: "Response rate", numeric: true },
              ...MEASURE_KEYS.map((key) => ({ key, label: measureTitle(key), numeric: true })),
              { label: "Prime's own overall", numeric: true },
              { label: "Named in bid and delivering", numeric: true },
            ]}
          />
          <tbody>
            {report.primes.map((p) => {
              const lines = measureLines(p.partners, p.self, p.comparison);
              return (
                <tr key={p.prime.id}>
                  <th scope="row">
                    {p.prime.name}
                    {p.prime.lot ? <span className="block font-normal text-muted">{p.prime.lot}</span> : null}
                  </th>
                  <td className="num">
                    {p.submitted} of {p.supplyChain.roster}
                    <span className="block text-muted">
                      {formatPercent(p.responseRate, p.supplyChain.roster)}
                    </span>
                  </td>
                  {lines.map((line) => {
                    const r = rank(p.prime.id, line.key);
                    return (
                      <td key={line.key} className="num">
                        {line.partners ? scoreOrDash(line.partners.mean, line.partners.answers) : "Not shown"}
                        {line.partners && r !== null && report.primes.length > 1 ? (
                          <span className="block text-muted">{`rank ${r}`}</span>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="num">{scoreOrDash(p.self?.score, "own")}</td>
                  <td className="num">
                    {p.supplyChain.namedDelivering} of {p.supplyChain.namedInBid}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
