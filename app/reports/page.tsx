import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageLinks } from "@/components/reports/page-links";
import { ProgrammeNoFigures } from "@/components/reports/programme-no-figures";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { SelectField } from "@/components/ui/select-field";
import { TableHead } from "@/components/ui/table-head";
import { TextField } from "@/components/ui/text-field";
import { can } from "@/lib/access/capabilities";
import { requirePage } from "@/lib/access/pages";
import { NotFoundError } from "@/lib/errors";
import { scoreOrDash } from "@/lib/reports/format";
import { measureTitle } from "@/lib/reports/labels";
import { measureLines } from "@/lib/reports/lines";
import { pageOf } from "@/lib/reports/pages";
import { searchRows } from "@/lib/reports/row-search";
import { MEASURE_KEYS } from "@/lib/scoring";
import { getProgrammeReport, type ProgrammeReport } from "@/lib/services/programme-report";

export const metadata: Metadata = { title: "Across your contracts" };

/** Every prime on every contract the commissioner lets, in one cycle, with filters that work without JavaScript. */
export default async function ProgrammePage({
  searchParams,
}: {
  searchParams: Promise<{ cycle?: string; contract?: string; q?: string; page?: string }>;
}) {
  const { cycle, contract, q, page: requestedPage } = await searchParams;
  const actor = await requirePage("/reports", "readProgramme");
  let report: ProgrammeReport;
  try {
    report = await getProgrammeReport(actor, {
      cycleName: cycle || undefined,
      contractId: contract || undefined,
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const params = new URLSearchParams();
  if (report.cycleName) params.set("cycle", report.cycleName);
  if (report.contractId) params.set("contract", report.contractId);
  const search = typeof q === "string" ? q.trim().slice(0, 200) : "";
  if (search) params.set("q", search);
  const matching = searchRows(report.rows, search);
  const shown = pageOf(matching, requestedPage);
  const onlyContract = report.contract;
  const pageLink = (n: number) => {
    const query = new URLSearchParams(params);
    if (n > 1) query.set("page", String(n));
    return `/reports?${query.toString()}`;
  };
  // Before any release the figure columns would read "Not shown" in every row: say why instead.
  const figures = report.rows.some((r) => r.released);
  const rank = (id: string) =>
    report.benchmark.find((b) => b.key === "overall")?.ranked.find((r) => r.id === id)?.rank;

  return (
    <>
      <p className="text-xl text-muted">{report.commissioner}</p>
      <h1 className="mb-6 text-4xl font-bold">Primes across your contracts</h1>
      {can(actor, "releaseFigures") ? (
        <p className="no-print mb-6">
          <Link href="/reports/releases">Release partners' figures</Link>: which periods have been released,
          and releasing closed cycles now.
        </p>
      ) : null}
      <form method="get" action="/reports" className="no-print mb-8 flex flex-wrap items-end gap-4">
        <SelectField
          name="cycle"
          label="Rating cycle"
          value={report.cycleName ?? undefined}
          options={report.cycleNames.map((name) => ({ value: name, label: name }))}
        />
        {report.contractId ? <input type="hidden" name="contract" value={report.contractId} /> : null}
        <TextField
          name="q"
          label="Prime or contract"
          hint="Part of a prime's name, a contract's title or its reference"
          defaultValue={search}
          className="sm:w-80"
        />
        <Button variant="secondary" className="mb-0">
          Show
        </Button>
      </form>
      {onlyContract ? (
        <p className="no-print">
          Showing one contract: {onlyContract.title}.{" "}
          <Link href={`/reports?${withoutContract(params)}`}>Show all contracts</Link>
        </p>
      ) : null}
      {report.rows.length > 0 && !figures ? (
        <ProgrammeNoFigures report={report} admin={can(actor, "releaseFigures")} />
      ) : null}
      {report.rows.length === 0 ? (
        <p>No rating cycle has opened on your contracts yet.</p>
      ) : matching.length === 0 ? (
        <p role="status">
          No prime or contract matches &ldquo;{search}&rdquo;. Try part of a name, or{" "}
          <Link href={`/reports?${withoutSearch(params)}`}>show every row</Link>.
        </p>
      ) : (
        <div className="mb-8 overflow-x-auto">
          {search ? (
            <p role="status">
              {matching.length.toLocaleString("en-GB")} of {report.rows.length.toLocaleString("en-GB")} rows
              match &ldquo;{search}&rdquo;.{" "}
              <Link href={`/reports?${withoutSearch(params)}`}>Show every row</Link>
            </p>
          ) : null}
          <ScrollRegion
            label={
              figures
                ? "Partners' mean score for each prime on each contract"
                : "Partners answering for each prime on each contract"
            }
          >
            <table className="report-table w-full border-collapse text-base">
              <caption className="mb-2 text-left text-xl font-bold">
                {figures
                  ? "Partners' mean score for each prime on each contract"
                  : "Partners answering for each prime on each contract"}
                , {report.cycleName}
              </caption>
              <TableHead
                alignBottom
                columns={[
                  "Prime and contract",
                  { label: "Answered", numeric: true },
                  ...(figures
                    ? [
                        ...MEASURE_KEYS.map((key) => ({ key, label: measureTitle(key), numeric: true })),
                        { label: "Prime's own overall", numeric: true },
                      ]
                    : []),
                ]}
              />
              <tbody>
                {shown.rows.map((row) => {
                  const id = `${row.contract.id}/${row.prime.id}`;
                  const r = rank(id);
                  return (
                    <tr key={id}>
                      <th scope="row">
                        {/* A plain link: 25 client-side links on every page view cost more than they save. */}
                        <a
                          href={`/contracts/${row.contract.id}/primes/${row.prime.id}/report?cycle=${row.cycleId}`}
                        >
                          {row.prime.lot ? `${row.prime.name} (${row.prime.lot})` : row.prime.name}
                        </a>
                        <span className="block font-normal text-muted">{row.contract.title}</span>
                      </th>
                      <td className="num">{`${row.submitted} of ${row.roster}`}</td>
                      {(figures ? measureLines(row.partners, null, null) : []).map((line) => (
                        <td key={line.key} className="num">
                          {line.partners
                            ? scoreOrDash(line.partners.mean, line.partners.answers)
                            : "Not shown"}
                          {line.key === "overall" && line.partners && r !== undefined ? (
                            <span className="block text-muted">{`rank ${r}`}</span>
                          ) : null}
                        </td>
                      ))}
                      {figures ? <td className="num">{scoreOrDash(row.self?.overall, "own")}</td> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
      <PageLinks shown={shown} label="Pages of the table" href={pageLink} />
      <p className="no-print">
        <a href={`/reports/export?${params.toString()}`}>Download this table (CSV)</a>. It gives each figure
        as stored, to one decimal place, beside how many answers it rests on, so it can be more precise than
        the page.
      </p>
    </>
  );
}

function withoutContract(params: URLSearchParams) {
  const query = new URLSearchParams(params);
  query.delete("contract");
  return query.toString();
}

function withoutSearch(params: URLSearchParams) {
  const query = new URLSearchParams(params);
  query.delete("q");
  return query.toString();
}
