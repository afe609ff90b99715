import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { formatPercent } from "@/lib/reports/format";
import { FLAG_TITLES } from "@/lib/reports/labels";
import type { FlagLine } from "@/lib/reports/lines";
import type { RaisedFlag } from "@/lib/scoring";
import type { SupplyChainFacts } from "@/lib/services/reports";

export function FlagTable({ lines }: { lines: readonly FlagLine[] }) {
  return (
    <ScrollRegion label={"Red flags partners raised"}>
      <table className="report-table mb-6 w-full border-collapse text-base">
        <caption className="mb-2 text-left text-xl font-bold">Red flags partners raised</caption>
        <TableHead
          columns={[
            "Flag",
            "What it means",
            { label: "Partners raising it", numeric: true },
            { label: "Share of those answering", numeric: true },
          ]}
        />
        <tbody>
          {lines.map((line) => (
            <tr key={line.questionKey}>
              <th scope="row" className="font-normal">
                {line.title}
              </th>
              <td>{line.label}</td>
              <td className="num">
                {line.partners ? `${line.partners.flagged} of ${line.partners.n}` : "Not shown"}
              </td>
              <td className="num">
                {line.partners ? formatPercent(line.partners.share, line.partners.n) : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function SelfFlags({ flags }: { flags: readonly RaisedFlag[] }) {
  return (
    <div className="mb-6">
      <h3 className="mb-2 text-xl font-bold">Red flags in the prime&apos;s own answers</h3>
      {flags.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="list-disc pl-6" aria-label="Red flags in the prime's own answers">
          {flags.map((flag) => (
            <li key={flag.question}>
              <strong>{FLAG_TITLES[flag.kind]}:</strong> {flag.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SupplyChainSummary({ facts, names }: { facts: SupplyChainFacts; names: boolean }) {
  const share =
    facts.namedInBid > 0 ? Math.round((facts.namedDelivering * 1000) / facts.namedInBid) / 10 : null;
  return (
    <div className="mb-6">
      <h3 className="mb-2 text-xl font-bold">The supply chain</h3>
      <dl className="grid max-w-2xl grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Named in the bid</dt>
        <dd>{facts.namedInBid}</dd>
        <dt className="font-bold">Of those, delivering now</dt>
        <dd>
          {facts.namedDelivering} ({formatPercent(share, facts.namedInBid)})
        </dd>
        <dt className="font-bold">Delivering in all</dt>
        <dd>{facts.delivering}</dd>
        <dt className="font-bold">Exited</dt>
        <dd>{facts.exited}</dd>
        <dt className="font-bold">Named in the bid, never contracted</dt>
        <dd>
          {facts.namedNoWork.length === 0
            ? "None"
            : names
              ? facts.namedNoWork.join(", ")
              : facts.namedNoWork.length}
        </dd>
      </dl>
    </div>
  );
}
