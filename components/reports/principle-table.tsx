import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { formatGap, scoreOrDash } from "@/lib/reports/format";
import { measureTitle } from "@/lib/reports/labels";
import type { MeasureLine } from "@/lib/reports/lines";

export function PrincipleTable({
  caption,
  lines,
  showSelf,
  partners = true,
}: {
  caption: string;
  lines: readonly MeasureLine[];
  showSelf: boolean;
  /** False before partners' figures are released: the prime's own scores alone, no empty columns. */
  partners?: boolean;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className="report-table mb-8 w-full border-collapse text-base">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <TableHead
          columns={[
            "Principle",
            ...(showSelf ? [{ label: "Prime's own score", numeric: true }] : []),
            ...(partners
              ? [
                  { label: "Partners' mean", numeric: true },
                  { label: "Median", numeric: true },
                  { label: "Partners", numeric: true },
                  "Band",
                  ...(showSelf ? [{ label: "Gap", numeric: true }, "View"] : []),
                ]
              : []),
          ]}
        />
        <tbody>
          {lines.map((line) => (
            <tr key={line.key} className={line.key === "overall" ? "font-bold" : undefined}>
              <th scope="row" className="font-normal">
                {measureTitle(line.key)}
              </th>
              {showSelf ? <td className="num">{scoreOrDash(line.self, "own")}</td> : null}
              {partners ? (
                <>
                  <td className="num">
                    {line.partners ? scoreOrDash(line.partners.mean, line.partners.answers) : "Not shown"}
                  </td>
                  <td className="num">
                    {line.partners ? scoreOrDash(line.partners.median, line.partners.answers) : "–"}
                  </td>
                  <td className="num">{line.partners?.n ?? "–"}</td>
                  <td>{line.partners?.band ?? "–"}</td>
                  {showSelf ? (
                    <>
                      <td className="num">{formatGap(line.gap, line.partners?.answers ?? "own")}</td>
                      <td>{line.view}</td>
                    </>
                  ) : null}
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
