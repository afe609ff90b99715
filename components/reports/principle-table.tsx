import { formatGap, scoreOrDash } from "@/lib/reports/format";
import { measureTitle } from "@/lib/reports/labels";
import type { MeasureLine } from "@/lib/reports/lines";

export function PrincipleTable({
  caption,
  lines,
  showSelf,
}: {
  caption: string;
  lines: readonly MeasureLine[];
  showSelf: boolean;
}) {
  return (
    <table className="report-table mb-8 w-full border-collapse text-base">
      <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink text-left">
          <th scope="col" className="py-2 pr-4">
            Principle
          </th>
          {showSelf ? (
            <th scope="col" className="py-2 pr-4 text-right">
              Prime&apos;s own score
            </th>
          ) : null}
          <th scope="col" className="py-2 pr-4 text-right">
            Partners&apos; mean
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Median
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Partners
          </th>
          <th scope="col" className="py-2 pr-4">
            Band
          </th>
          {showSelf ? (
            <>
              <th scope="col" className="py-2 pr-4 text-right">
                Gap
              </th>
              <th scope="col" className="py-2">
                View
              </th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr
            key={line.key}
            className={`border-b border-gray-300 ${line.key === "overall" ? "font-bold" : ""}`}
          >
            <th scope="row" className="py-2 pr-4 text-left font-normal">
              {measureTitle(line.key)}
            </th>
            {showSelf ? <td className="py-2 pr-4 text-right">{scoreOrDash(line.self)}</td> : null}
            <td className="py-2 pr-4 text-right">
              {line.partners ? scoreOrDash(line.partners.mean) : "Not shown"}
            </td>
            <td className="py-2 pr-4 text-right">
              {line.partners ? scoreOrDash(line.partners.median) : "–"}
            </td>
            <td className="py-2 pr-4 text-right">{line.partners ? line.partners.n : "–"}</td>
            <td className="py-2 pr-4">{line.partners?.band ?? "–"}</td>
            {showSelf ? (
              <>
                <td className="py-2 pr-4 text-right">{formatGap(line.gap)}</td>
                <td className="py-2">{line.view}</td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
