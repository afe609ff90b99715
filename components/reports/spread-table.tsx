import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { measureTitle } from "@/lib/reports/labels";
import { type Aggregate, BAND_LABELS, BANDS } from "@/lib/scoring";

/** How partners' scores spread across the bands, for each principle with a figure. */
export function SpreadTable({ partners, caption }: { partners: Aggregate; caption: string }) {
  if (partners.suppressed) return null;
  const measures = [...partners.principles, partners.overall];
  // A release publishes a spread only where no band is nearly unanimous (docs/decisions/0011).
  if (measures.every((m) => m.suppressed || m.distribution === null)) return null;
  return (
    <ScrollRegion label={caption}>
      <table className="report-table mb-8 w-full border-collapse text-base">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <TableHead
          columns={[
            "Principle",
            ...BANDS.map((band) => ({ key: band, label: BAND_LABELS[band], numeric: true })),
          ]}
        />
        <tbody>
          {measures.map((m) => (
            <tr key={m.key}>
              <th scope="row" className="font-normal">
                {measureTitle(m.key)}
              </th>
              {BANDS.map((band) => (
                <td key={band} className="num">
                  {m.suppressed || m.distribution === null ? "–" : m.distribution[band]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
