import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/charts/bar-chart";
import { ActionPlan } from "@/components/reports/action-plan";
import { CycleFilter } from "@/components/reports/cycle-filter";
import { ExportLinks } from "@/components/reports/export-links";
import { FlagTable, SelfFlags, SupplyChainSummary } from "@/components/reports/flag-table";
import { GapList } from "@/components/reports/gap-list";
import { type NextStep, NoFiguresYet } from "@/components/reports/no-figures-yet";
import { NotesSummary } from "@/components/reports/notes-list";
import { PaymentRecord } from "@/components/reports/payment-record";
import { PrincipleTable } from "@/components/reports/principle-table";
import { ReleasedScopes } from "@/components/reports/released-scopes";
import { Replies } from "@/components/reports/replies";
import { ReportSummaryPanel } from "@/components/reports/report-summary";
import { ResponseSummary } from "@/components/reports/response-summary";
import { SelfAssessmentUsed } from "@/components/reports/self-assessment-used";
import { SpreadTable } from "@/components/reports/spread-table";
import { TrendSection } from "@/components/reports/trend-section";
import { requireActorPage } from "@/lib/access/pages";
import { NotFoundError } from "@/lib/errors";
import { framework } from "@/lib/framework";
import { gapCategories, gapSeries } from "@/lib/reports/chart-series";
import { type FiguresState, figuresState, lastReleasedCycle } from "@/lib/reports/figures-state";
import { formatScore } from "@/lib/reports/format";
import { measureTitle } from "@/lib/reports/labels";
import { flagLines, measureLines } from "@/lib/reports/lines";
import { reportSummary } from "@/lib/reports/report-summary";
import { getPrimeReportView, type PrimeReportView } from "@/lib/services/prime-report-view";

export const metadata: Metadata = { title: "Prime report" };

type Params = Promise<{ contractId: string; primeId: string }>;
type Search = Promise<{ cycle?: string; saved?: string }>;

const SAVED: Record<string, string> = {
  replies: "Your replies have been saved.",
  action: "Action added to the plan.",
  status: "Action updated.",
};

/**
 * One prime on one contract: for the prime its dashboard, for the commissioner the drill-down, for
 * a partner on its roster the partners' combined view. What each sees is decided by the service.
 */
export default async function PrimeReportPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const { contractId, primeId } = await params;
  const { cycle: cycleId, saved } = await searchParams;
  const path = `/contracts/${contractId}/primes/${primeId}/report`;
  const actor = await requireActorPage(path);
  let view: PrimeReportView;
  try {
    view = await getPrimeReportView(actor, { contractId, primeId, cycleId });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { report, actions, payment } = view;
  const prime = report.primes[0];
  if (!prime) notFound();
  const { viewer, cycle } = report;
  const seesSelf = viewer !== "partner";
  const { selfVersions } = view;
  const lines = measureLines(prime.partners, prime.self, prime.comparison);
  const principles = lines.filter((l) => l.key !== "overall");
  const query = cycle ? `?cycle=${cycle.id}` : "";
  const state = cycle
    ? figuresState({
        released: prime.released,
        submitted: prime.submitted,
        minResponses: report.minResponses,
        cycle,
        contractScope: prime.scopes.find((s) => s.level === "contract"),
        now: new Date(),
      })
    : null;
  const steps = cycle && state ? nextSteps({ view, state, path, contractId, cycleId: cycle.id }) : [];

  return (
    <>
      {saved && SAVED[saved] ? (
        <div role="status" className="no-print mb-8 border-4 border-success p-4 font-bold">
          {SAVED[saved]}
        </div>
      ) : null}
      {viewer === "commissioner" ? (
        <Link href={`/contracts/${contractId}/report${query}`} className="no-print mb-6 inline-block">
          Back to the contract report
        </Link>
      ) : null}
      <p className="text-xl text-muted">
        {report.contract.title}
        {cycle ? `, ${cycle.name}` : ""}
      </p>
      <h1 className="mb-6 text-4xl font-bold">
        {viewer === "partner" ? `How partners rate ${prime.prime.name}` : prime.prime.name}
        {prime.prime.lot ? ` (${prime.prime.lot})` : ""}
      </h1>
      <CycleFilter cycles={report.cycles} selected={cycle?.id ?? null} action={path} />
      {!cycle ? (
        <p>No rating cycle has opened on this contract yet.</p>
      ) : (
        <>
          {prime.released ? (
            <ReportSummaryPanel
              summary={reportSummary(prime, seesSelf)}
              whose={viewer === "prime" ? "your" : `${prime.prime.name}'s`}
            />
          ) : null}
          {state && state.kind !== "released" ? (
            <NoFiguresYet
              state={state}
              subject={viewer === "prime" ? "you on this contract" : `${prime.prime.name} on this contract`}
              submitted={prime.submitted}
              roster={prime.supplyChain.roster}
              minResponses={report.minResponses}
              countedTo={report.countedTo}
              steps={steps}
            />
          ) : (
            <ResponseSummary
              prime={prime}
              minResponses={report.minResponses}
              closed={cycle.closesAt < new Date()}
              countedTo={report.countedTo}
            />
          )}
          <ReleasedScopes primeName={prime.prime.name} period={cycle.name} lines={prime.scopes} />
          {selfVersions ? <SelfAssessmentUsed {...selfVersions} /> : null}
          {viewer !== "partner" ? (
            <Link
              href={`${path.replace(/report$/, "evidence")}?cycle=${cycle.id}`}
              className="no-print mb-6 block w-fit"
            >
              Evidence and verification
            </Link>
          ) : null}
          {prime.released ? (
            <>
              <BarChart
                id="gap-chart"
                title={
                  seesSelf
                    ? `${prime.prime.name}: its own scores beside its partners', by principle`
                    : `${prime.prime.name}: partners' mean scores, by principle`
                }
                description={principles
                  .map(
                    (l) =>
                      `${measureTitle(l.key)}: ${seesSelf ? `prime ${l.self === null ? "no figure" : formatScore(l.self, "own")}, ` : ""}partners ${l.partners ? formatScore(l.partners.mean, l.partners.answers) : "no figure"}`,
                  )
                  .join("; ")}
                categories={gapCategories(principles)}
                series={gapSeries(principles, seesSelf)}
              />
              <PrincipleTable
                caption={
                  seesSelf
                    ? "The prime's view and its partners', by principle"
                    : "Partners' view, by principle"
                }
                lines={lines}
                showSelf={seesSelf}
              />
              {lines.some((l) => !l.partners) ? (
                <p className="mb-8 max-w-3xl">
                  {`${lines.filter((l) => !l.partners).length} of ${lines.length} partners' figures were not released: `}
                  too few partners answered the questions behind them, or publishing them could identify a
                  partner. They are marked &ldquo;Not shown&rdquo;.
                </p>
              ) : null}
              {prime.comparison ? <GapList comparison={prime.comparison} partners={prime.partners} /> : null}
            </>
          ) : seesSelf && prime.self ? (
            <PrincipleTable
              caption="The prime's own scores, by principle"
              lines={lines}
              showSelf
              partners={false}
            />
          ) : null}
          <section aria-labelledby="flags-heading" className="mb-8">
            <h2 id="flags-heading" className="mb-4 text-2xl font-bold">
              Red flags
            </h2>
            {prime.released ? (
              <FlagTable lines={flagLines(prime.partners, cycle.framework)} />
            ) : (
              <p className="mb-6">
                Partners&apos; red flags are shown with their other figures, once released.
              </p>
            )}
            {seesSelf && prime.self ? <SelfFlags flags={prime.self.redFlags} /> : null}
            {seesSelf ? (
              <SupplyChainSummary facts={prime.supplyChain} names={viewer === "commissioner"} />
            ) : null}
          </section>
          {payment ? <PaymentRecord primeName={prime.prime.name} record={payment} /> : null}
          {prime.released ? (
            <SpreadTable partners={prime.partners} caption="How partners' scores spread across the bands" />
          ) : null}
          <TrendSection prime={prime} seesSelf={seesSelf} />
          {seesSelf ? (
            <>
              <Replies
                replyHref={viewer === "prime" ? `${path}/reply?cycle=${cycle.id}` : null}
                replies={prime.replies}
                principles={framework.principles.map((p) => ({ key: p.key, title: p.title }))}
              />
              <NotesSummary notes={prime.notes} viewer={viewer} href={`${path}/notes?cycle=${cycle.id}`} />
              <ActionPlan
                items={actions}
                editable={viewer === "prime"}
                contractId={contractId}
                primeId={primeId}
                principles={framework.principles.map((p) => ({ key: p.key, title: p.title }))}
              />
            </>
          ) : null}
          <p className="no-print mb-8">
            <Link href={`${path}/pack${query}`}>The meeting pack</Link>: this report on one page to print or
            download as a PDF{seesSelf ? ", with the action plan and who agreed each action" : ""}.
          </p>
          <ExportLinks
            base={`${path}/export`}
            query={query}
            tables={seesSelf ? ["principles", "flags"] : ["principles"]}
          />
        </>
      )}
    </>
  );
}

/** What a reader can do while this cycle has no partners' figures: the prime's own part, or an earlier release. */
function nextSteps({
  view,
  state,
  path,
  contractId,
  cycleId,
}: {
  view: PrimeReportView;
  state: FiguresState;
  path: string;
  contractId: string;
  cycleId: string;
}): NextStep[] {
  if (state.kind === "released") return [];
  const { viewer, primes } = view.report;
  const prime = primes[0];
  if (!prime) return [];
  const steps: NextStep[] = [];
  const open = state.kind === "open";
  if (viewer === "prime" && open && !prime.self) {
    steps.push({
      href: path.replace(/\/report$/, "/self-assessment"),
      label: "Do your self-assessment",
      why: "your own answers, shown here beside your partners' figures once they are released",
    });
  }
  if (viewer !== "partner" && open) {
    steps.push({
      href: `/contracts/${contractId}/invitations`,
      label: viewer === "prime" ? "Invite your partners to rate you" : "Invite partners to rate this prime",
      why: "the more answer, the sooner figures can be released",
    });
  }
  const last = lastReleasedCycle(prime.trend.cycles, cycleId);
  if (last) {
    steps.push({ href: `${path}?cycle=${last.id}`, label: `See ${last.name}, the last released cycle` });
  }
  return steps;
}
