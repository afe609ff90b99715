import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/charts/bar-chart";
import { CycleFilter } from "@/components/reports/cycle-filter";
import { PackActions } from "@/components/reports/pack-actions";
import { PrincipleTable } from "@/components/reports/principle-table";
import { Replies } from "@/components/reports/replies";
import { TrendSection } from "@/components/reports/trend-section";
import { requireActorPage } from "@/lib/access/pages";
import { NotFoundError } from "@/lib/errors";
import { framework } from "@/lib/framework";
import { PRECISION_RULE, scoreOrDash } from "@/lib/reports/format";
import type { MeetingPack } from "@/lib/reports/meeting-pack";
import { getMeetingPack } from "@/lib/services/meeting-pack";
import type { PrimeReportView } from "@/lib/services/prime-report-view";

export const metadata: Metadata = { title: "Meeting pack" };

type Params = Promise<{ contractId: string; primeId: string }>;
type Search = Promise<{ cycle?: string; saved?: string }>;

const SAVED: Record<string, string> = {
  agreed: "Action marked agreed.",
  done: "Action marked done.",
  "already-agreed": "This action had already been agreed: below is who agreed it, and when.",
  "already-done": "This action had already been marked done: below is who marked it, and when.",
};

/**
 * The contract-management meeting pack: one prime on one contract, on one printable page (and as a
 * PDF) — summary, charts, trend, the prime's reply and the action plan with who agreed each action.
 * Whoever may read the prime's report may read it, and only what the report shows them.
 */
export default async function MeetingPackPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const { contractId, primeId } = await params;
  const { cycle: cycleId, saved } = await searchParams;
  const report = `/contracts/${contractId}/primes/${primeId}/report`;
  const path = `${report}/pack`;
  const actor = await requireActorPage(path);
  let read: { pack: MeetingPack; view: PrimeReportView };
  try {
    read = await getMeetingPack(actor, { contractId, primeId, cycleId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { pack, view } = read;
  const prime = view.report.primes[0];
  if (!prime) notFound();
  const cycle = view.report.cycle;
  const query = cycle ? `?cycle=${cycle.id}` : "";

  return (
    <>
      {saved && SAVED[saved] ? (
        <div role="status" className="no-print mb-8 border-4 border-success p-4 font-bold">
          {SAVED[saved]}
        </div>
      ) : null}
      <ul className="no-print mb-6 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href={`${report}${query}`}>Back to the report</Link>
        </li>
        <li>
          <a href={`${path}/pdf${query}`}>Download the meeting pack (PDF)</a>
        </li>
      </ul>
      <p className="text-xl text-muted">{pack.contractLine}</p>
      <h1 className="mb-2 text-4xl font-bold break-words">Meeting pack: {pack.primeName}</h1>
      <p className="mb-6 text-xl">
        {cycle ? `Rating cycle ${cycle.name}` : "No rating cycle has opened yet."}
      </p>
      <CycleFilter cycles={view.report.cycles} selected={cycle?.id ?? null} action={path} />

      <section aria-labelledby="summary" className="mb-8 break-inside-avoid">
        <h2 id="summary" className="mb-4 text-2xl font-bold">
          Summary
        </h2>
        <dl className="max-w-3xl space-y-2">
          {pack.summary.map((row) => (
            <div key={row.label} className="sm:grid sm:grid-cols-[16rem_1fr] sm:gap-4">
              <dt className="font-bold">{row.label}</dt>
              <dd className="break-words">{row.value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 max-w-3xl text-base text-muted">
          Partners&apos; figures are released once, after a cycle closes, each combining at least{" "}
          {view.report.minResponses} partner organisations. {PRECISION_RULE}
        </p>
      </section>

      {pack.chart ? (
        <section aria-labelledby="principles" className="mb-8">
          <h2 id="principles" className="mb-4 text-2xl font-bold">
            By principle
          </h2>
          <BarChart
            id="pack-principles-chart"
            title={pack.chart.title}
            description={pack.chart.categories
              .map(
                (category, i) =>
                  `${category}: ${pack.chart?.series
                    .map((s) => {
                      const answers = Array.isArray(s.answers) ? (s.answers[i] ?? 0) : s.answers;
                      const value = s.values[i] ?? null;
                      return `${s.name} ${value === null ? "no figure" : scoreOrDash(value, answers)}`;
                    })
                    .join(", ")}`,
              )
              .join("; ")}
            categories={pack.chart.categories}
            series={pack.chart.series}
          />
          <PrincipleTable
            caption={
              pack.seesSelf
                ? "The prime's view and its partners', by principle"
                : "Partners' view, by principle"
            }
            lines={pack.lines}
            showSelf={pack.seesSelf}
          />
        </section>
      ) : null}

      <TrendSection prime={prime} seesSelf={pack.seesSelf} />

      {pack.seesSelf ? (
        <>
          <Replies
            replyHref={null}
            replies={prime.replies}
            principles={framework.principles.map((p) => ({ key: p.key, title: p.title }))}
          />
          <PackActions
            actions={pack.actions}
            commissioner={view.report.viewer === "commissioner"}
            target={{ contractId, primeId, cycleId: cycle?.id ?? null }}
          />
        </>
      ) : null}
    </>
  );
}
