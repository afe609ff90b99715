import type { Metadata } from "next";
import Link from "next/link";
import { CommissionerOverview } from "@/components/dashboard/commissioner-overview";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { Tag } from "@/components/ui/tag";
import { WITHHELD_MESSAGE } from "@/lib/access/answers";
import { can, sideOf } from "@/lib/access/capabilities";
import { requireActorPage } from "@/lib/access/pages";
import { formatDate } from "@/lib/format";
import { startPath } from "@/lib/questionnaire/start-path";
import { readOverviewFilter } from "@/lib/reports/overview-filter";
import { getCommissionerOverview } from "@/lib/services/commissioner-overview";
import { listReceipts, listTasks } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "Your dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ withheld?: string; q?: string; lot?: string; band?: string; page?: string }>;
}) {
  const params = await searchParams;
  const { withheld } = params;
  const actor = await requireActorPage("/dashboard");
  const side = sideOf(actor);
  const [tasks, receipts, overview] = await Promise.all([
    listTasks(actor),
    listReceipts(actor),
    can(actor, "readProgramme") ? getCommissionerOverview(actor) : null,
  ]);
  // One report link per contract and prime the organisation answers about.
  const reports = [...new Map(tasks.map((t) => [`${t.contractId}/${t.primeId}`, t])).values()];

  return (
    <>
      {withheld ? (
        <div role="status" className="mb-8 max-w-3xl border-4 border-brand p-4">
          <h2 className="text-xl font-bold">Those answers are not shown to you</h2>
          <p>{WITHHELD_MESSAGE}</p>
        </div>
      ) : null}
      <p className="text-xl text-muted">{actor.organisationName}</p>
      <h1 className="mb-6 text-4xl font-bold">Your dashboard</h1>
      {overview ? (
        <CommissionerOverview overview={overview} filter={readOverviewFilter(params)} page={params.page} />
      ) : null}
      {can(actor, "manageContracts") ? (
        <ul className="max-w-3xl space-y-4">
          <li>
            <Link href="/contracts" className="text-xl font-bold">
              Your contracts
            </Link>
            : supply chains, rating cycles, invitations, and the report on each contract comparing its primes.
          </li>
          <li>
            <Link href="/reports" className="text-xl font-bold">
              Compare every prime
            </Link>
            : every prime on every contract with partners' score for each principle, for any cycle, and as
            CSV.
          </li>
        </ul>
      ) : tasks.length === 0 ? (
        <p>There is nothing for you to answer at the moment.</p>
      ) : (
        <>
          <h2 className="mb-4 text-2xl font-bold">
            {side === "prime" ? "Self-assessments" : "Rate your primes"}
          </h2>
          <ul className="max-w-3xl space-y-4" aria-label="Assessments to answer">
            {tasks.map((task) => (
              <li key={`${task.contractId}-${task.primeId}`} className="border-l-4 border-brand pl-4">
                <h3 className="text-xl font-bold">
                  <Link href={startPath(task)}>
                    {task.perspective === "prime"
                      ? `Self-assessment: ${task.contractTitle}`
                      : `Rate ${task.primeName}`}
                  </Link>
                </h3>
                <p>
                  {task.perspective === "prime" ? (task.lot ? `Lot: ${task.lot}` : "") : task.contractTitle}
                </p>
                <p>
                  {task.cycle
                    ? `${task.cycle.name} cycle, closes ${formatDate(task.cycle.closesAt)}`
                    : "No rating cycle is open"}{" "}
                  <Tag
                    tone={
                      task.assessment?.status === "submitted" ? "green" : task.assessment ? "blue" : "grey"
                    }
                  >
                    {task.assessment?.status === "submitted"
                      ? "Submitted"
                      : task.assessment
                        ? "In progress"
                        : "Not started"}
                  </Tag>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {side !== "commissioner" && reports.length > 0 ? (
        <section aria-labelledby="reports-heading" className="mt-10">
          <h2 id="reports-heading" className="mb-4 text-2xl font-bold">
            {side === "prime" ? "Your reports" : "How your primes compare"}
          </h2>
          <ul className="max-w-3xl list-disc space-y-1 pl-6">
            {reports.map((r) => (
              <li key={`${r.contractId}/${r.primeId}`}>
                <Link href={`/contracts/${r.contractId}/primes/${r.primeId}/report`}>
                  {side === "prime"
                    ? `${r.contractTitle}: your view beside your partners'`
                    : `${r.primeName} on ${r.contractTitle}: what partners say, combined`}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {receipts.length > 0 ? (
        <section aria-labelledby="receipts-heading" className="mt-10">
          <h2 id="receipts-heading" className="mb-4 text-2xl font-bold">
            What you have submitted
          </h2>
          <ScrollRegion label={"Your submitted answers"}>
            <table className="w-full max-w-4xl border-collapse text-base">
              <caption className="sr-only">Your submitted answers, newest first</caption>
              <TableHead columns={["Reference", "About", "Cycle", "Submitted"]} />
              <tbody>
                {receipts.map((r) => (
                  <tr key={r.id} className="border-b border-gray-300 align-top">
                    <td className="py-2 pr-4">
                      <Link href={`/assessments/${r.id}/confirmation`}>{r.reference}</Link>
                      {r.version > 1 ? (
                        <span className="block text-muted">correction {r.version - 1}</span>
                      ) : null}
                    </td>
                    <td className="py-2 pr-4">
                      {r.perspective === "prime" ? "Self-assessment" : `Rating of ${r.prime.name}`},{" "}
                      {r.contract.title}
                    </td>
                    <td className="py-2 pr-4">{r.cycle}</td>
                    <td className="py-2">{formatDate(r.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}
    </>
  );
}
