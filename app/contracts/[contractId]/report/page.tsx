import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BarChart } from "@/components/charts/bar-chart";
import { ByPrimeTable } from "@/components/reports/by-prime-table";
import { ContractNoFigures } from "@/components/reports/contract-no-figures";
import { CycleFilter } from "@/components/reports/cycle-filter";
import { ExportLinks } from "@/components/reports/export-links";
import { PrimesTable } from "@/components/reports/primes-table";
import { requireActorPage } from "@/lib/access/pages";
import { NotFoundError } from "@/lib/errors";
import { PRINCIPLE_KEYS } from "@/lib/framework";
import { formatPercent, formatScore, PRECISION_RULE } from "@/lib/reports/format";
import { measureTitle } from "@/lib/reports/labels";
import { flagLines, measureLines } from "@/lib/reports/lines";
import { type ContractReport, getContractReport, type PrimeReport } from "@/lib/services/reports";

export const metadata: Metadata = { title: "Contract report" };

/**
 * The commissioner's report on one contract: every prime side by side, by principle, with response
 * rates, red flags, the supply chain and the trend, and a drill-down to each prime. A prime or a
 * partner who opens it is taken to the part they may see.
 */
export default async function ContractReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ contractId: string }>;
  searchParams: Promise<{ cycle?: string }>;
}) {
  const { contractId } = await params;
  const { cycle: cycleId } = await searchParams;
  const path = `/contracts/${contractId}/report`;
  const actor = await requireActorPage(path);
  let report: ContractReport;
  try {
    report = await getContractReport(actor, contractId, { cycleId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const query = report.cycle ? `?cycle=${report.cycle.id}` : "";
  if (report.viewer !== "commissioner" && report.primes.length === 1) {
    redirect(`/contracts/${contractId}/primes/${report.primes[0]?.prime.id}/report${query}`);
  }
  const label = (p: ContractReport["primes"][number]) =>
    p.prime.name + (p.prime.lot ? ` (${p.prime.lot})` : "");

  return (
    <>
      {report.viewer === "commissioner" ? (
        <Link href={`/contracts/${contractId}`} className="no-print mb-6 inline-block">
          Back to the contract
        </Link>
      ) : null}
      <p className="text-xl text-muted">
        {report.contract.reference}
        {report.cycle ? `, ${report.cycle.name}` : ""}
      </p>
      <h1 className="mb-6 text-4xl font-bold">{report.contract.title}: supply-chain report</h1>
      <CycleFilter cycles={report.cycles} selected={report.cycle?.id ?? null} action={path} />
      {!report.cycle ? (
        <p>No rating cycle has opened on this contract yet.</p>
      ) : (
        <>
          <p className="mb-8 max-w-3xl">
            Partners&apos; figures are released once, after a cycle closes, and never change. Each combines
            the answers of at least {report.minResponses} partner organisations, and a figure that could
            narrow down fewer is left out. &ldquo;Not shown&rdquo; means not released: the cycle is still
            open, the release has not happened yet, or the figure was left out. {PRECISION_RULE}
          </p>
          {report.primes.some((p) => p.released) ? (
            <>
              <BarChart
                id="primes-chart"
                title="Partners' mean score for each prime, by principle"
                description={report.primes
                  .map(
                    (p) =>
                      `${label(p)}: ${measureLines(p.partners, null, null)
                        .filter((l) => l.key !== "overall")
                        .map(
                          (l) =>
                            `${measureTitle(l.key)} ${l.partners ? formatScore(l.partners.mean, l.partners.answers) : "not shown"}`,
                        )
                        .join(", ")}`,
                  )
                  .join("; ")}
                categories={PRINCIPLE_KEYS.map((key) => measureTitle(key))}
                series={report.primes.map((p) => ({
                  name: label(p),
                  values: measureLines(p.partners, null, null)
                    .filter((l) => l.key !== "overall")
                    .map((l) => l.partners?.mean ?? null),
                  answers: measureLines(p.partners, null, null)
                    .filter((l) => l.key !== "overall")
                    .map((l) => l.partners?.answers ?? 0),
                }))}
              />
              <PrimesTable report={report} />
              <section aria-labelledby="flags-heading" className="mb-8">
                <h2 id="flags-heading" className="mb-4 text-2xl font-bold">
                  Red flags
                </h2>
                <ByPrimeTable
                  caption="Share of partners raising each red flag, by prime"
                  first="Flag"
                  primes={report.primes}
                  rows={[
                    ...flagLines({ suppressed: true }, report.cycle.framework).map((q) => ({
                      key: q.questionKey,
                      name: q.label,
                      cell: (p: PrimeReport) => {
                        const line = flagLines(p.partners, report.cycle?.framework).find(
                          (l) => l.questionKey === q.questionKey,
                        );
                        return line?.partners
                          ? formatPercent(line.partners.share, line.partners.n)
                          : "Not shown";
                      },
                    })),
                    {
                      key: "named-no-work",
                      name: "Named in the bid but never contracted",
                      cell: (p: PrimeReport) =>
                        p.supplyChain.namedNoWork.length === 0
                          ? "None"
                          : p.supplyChain.namedNoWork.join(", "),
                    },
                  ]}
                />
              </section>
            </>
          ) : (
            <ContractNoFigures report={report} path={path} />
          )}
          {report.primes.some((p) => p.trend.cycles.some((c) => c.answers > 0)) ? (
            <section aria-labelledby="trend-heading" className="mb-8">
              <h2 id="trend-heading" className="mb-4 text-2xl font-bold">
                Trend
              </h2>
              <ByPrimeTable
                caption="Partners' overall mean, by cycle"
                first="Cycle"
                primes={report.primes}
                rows={(report.primes[0]?.trend.cycles ?? []).map((cycle, i) => ({
                  key: cycle.id,
                  name: cycle.name,
                  cell: (p: PrimeReport) => {
                    const c = p.trend.cycles[i];
                    return c && c.overall !== null ? formatScore(c.overall, c.answers) : "Not shown";
                  },
                }))}
              />
            </section>
          ) : null}
          <section aria-labelledby="drill-heading" className="no-print mb-8">
            <h2 id="drill-heading" className="mb-4 text-2xl font-bold">
              Each prime in detail
            </h2>
            <ul className="list-disc space-y-1 pl-6">
              {report.primes.map((p) => (
                <li key={p.prime.id}>
                  <Link href={`/contracts/${contractId}/primes/${p.prime.id}/report${query}`}>
                    {label(p)}: its claims beside its partners&apos; view, flags, replies and action plan
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <ExportLinks base={`${path}/export`} query={query} tables={["primes", "principles", "flags"]} />
        </>
      )}
    </>
  );
}
