import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
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
    <ScrollRegion label={caption}>
      <table className="report-table mb-8 w-full border-collapse text-base">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <TableHead
          columns={[
            "Principle",
            ...(showSelf ? [{ label: "Prime's own score", numeric: true }] : []),
            { label: "Partners' mean", numeric: true },
            { label: "Median", numeric: true },
            { label: "Partners", numeric: true },
            "Band",
            ...(showSelf ? [{ label: "Gap", numeric: true }, "View"] : []),
          ]}
        />
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
              <td className="py-2 pr-4 text-right">{line.partners?.n ?? "–"}</td>
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
    </ScrollRegion>
  );
}
