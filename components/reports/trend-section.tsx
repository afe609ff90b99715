import { BarChart } from "@/components/charts/bar-chart";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { formatGap, scoreOrDash } from "@/lib/reports/format";
import type { PrimeReport } from "@/lib/services/reports";

/** Overall scores cycle by cycle, with the like-for-like change the scoring library works out. */
export function TrendSection({ prime, seesSelf }: { prime: PrimeReport; seesSelf: boolean }) {
  const { cycles, steps } = prime.trend;
  if (cycles.length < 2) return null;
  return (
    <section aria-labelledby="trend-heading" className="mb-8 break-inside-avoid">
      <h2 id="trend-heading" className="mb-4 text-2xl font-bold">
        Trend across cycles
      </h2>
      <BarChart
        id="trend-chart"
        title={`${prime.prime.name}: overall scores by cycle`}
        description={cycles
          .map(
            (c) =>
              `${c.name}: partners ${c.overall ?? "no figure"}${seesSelf ? `, prime ${c.self ?? "no figure"}` : ""}`,
          )
          .join("; ")}
        categories={cycles.map((c) => c.name)}
        series={[
          { name: "Partners' mean", values: cycles.map((c) => c.overall) },
          ...(seesSelf ? [{ name: "Prime's own score", values: cycles.map((c) => c.self) }] : []),
        ]}
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
            {steps.map((step) => (
              <tr key={`${step.from}-${step.to}`}>
                <td>{step.from}</td>
                <td>{step.to}</td>
                <td className="num">{scoreOrDash(step.overall.from)}</td>
                <td className="num">{scoreOrDash(step.overall.to)}</td>
                <td className="num">{formatGap(step.overall.change)}</td>
                <td className="num">{step.compared.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="text-base text-muted">
        Changes compare only questions asked the same way in both cycles and shown in both.
      </p>
    </section>
  );
}
