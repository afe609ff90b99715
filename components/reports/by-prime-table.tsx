import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import type { PrimeReport } from "@/lib/services/reports";

const label = (p: PrimeReport) => p.prime.name + (p.prime.lot ? ` (${p.prime.lot})` : "");

/** One row per item, one column per prime: how the contract report sets primes side by side. */
export function ByPrimeTable({
  caption,
  first,
  primes,
  rows,
}: {
  caption: string;
  /** The heading of the first column, which names each row. */
  first: string;
  primes: readonly PrimeReport[];
  rows: readonly { key: string; name: ReactNode; cell: (prime: PrimeReport) => ReactNode }[];
}) {
  return (
    <ScrollRegion label={caption}>
      <table className="report-table mb-6 w-full border-collapse text-base">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <TableHead
          columns={[first, ...primes.map((p) => ({ key: p.prime.id, label: label(p), numeric: true }))]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="font-normal">
                {row.name}
              </th>
              {primes.map((p) => (
                <td key={p.prime.id} className="num">
                  {row.cell(p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
