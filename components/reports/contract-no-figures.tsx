import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { figuresState, lastReleasedCycle } from "@/lib/reports/figures-state";
import type { ContractReport } from "@/lib/services/reports";
import { type NextStep, NoFiguresYet } from "./no-figures-yet";

/**
 * A contract report for a cycle in which no prime has released figures: what has come in so far,
 * prime by prime, and when figures will come, in place of charts and tables of "Not shown".
 */
export function ContractNoFigures({ report, path }: { report: ContractReport; path: string }) {
  const { cycle, primes } = report;
  if (!cycle) return null;
  const submitted = primes.reduce((sum, p) => sum + p.submitted, 0);
  const roster = primes.reduce((sum, p) => sum + p.supplyChain.roster, 0);
  // Too few only when every prime is short: one prime with enough answers still has figures to come.
  const state = figuresState({
    released: false,
    submitted: Math.max(0, ...primes.map((p) => p.submitted)),
    minPartners: report.minPartners,
    cycle,
    now: new Date(),
  });
  if (state.kind === "released") return null;
  const last = lastReleasedCycle(
    report.cycles.map((c) => ({
      ...c,
      answers: Math.max(0, ...primes.map((p) => p.trend.cycles.find((t) => t.id === c.id)?.answers ?? 0)),
    })),
    cycle.id,
  );
  const steps: NextStep[] = [
    ...(state.kind === "open" && report.viewer === "commissioner"
      ? [
          {
            href: `/contracts/${report.contract.id}/invitations`,
            label: "Invite partners to rate their primes",
            why: "the more answer, the sooner figures can be released",
          },
        ]
      : []),
    ...(last
      ? [{ href: `${path}?cycle=${last.id}`, label: `See ${last.name}, the last released cycle` }]
      : []),
  ];
  const label = (p: ContractReport["primes"][number]) =>
    p.prime.name + (p.prime.lot ? ` (${p.prime.lot})` : "");
  const query = `?cycle=${cycle.id}`;
  return (
    <>
      <NoFiguresYet
        state={state}
        subject="the primes on this contract"
        submitted={submitted}
        roster={roster}
        minPartners={report.minPartners}
        countedTo={report.countedTo}
        steps={steps}
      />
      <ScrollRegion label="Answers so far, by prime">
        <table className="report-table mb-8 w-full border-collapse text-base">
          <caption className="mb-2 text-left text-xl font-bold">Answers so far, by prime</caption>
          <TableHead
            columns={["Prime", { label: "Partners answered", numeric: true }, "The prime's self-assessment"]}
          />
          <tbody>
            {primes.map((p) => (
              <tr key={p.prime.id}>
                <th scope="row">
                  <Link href={`/contracts/${report.contract.id}/primes/${p.prime.id}/report${query}`}>
                    {label(p)}
                  </Link>
                </th>
                <td className="num">
                  {p.submitted} of {p.supplyChain.roster}
                </td>
                <td>{p.self ? "Submitted" : "Not yet submitted"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
