import { formatDate } from "@/lib/format";
import type { PrincipleKey } from "@/lib/framework";
import type { ActionItem } from "@/lib/services/prime-responses";
import type { ContractReport, PrimeReport } from "@/lib/services/reports";
import { type Answers, formatGap, formatScore } from "./format";
import { measureTitle, principleTitle } from "./labels";
import { flagLines, type MeasureLine, measureLines } from "./lines";
import { ACTION_STATUSES } from "./options";
import { type TrendRow, trendCells, trendRows } from "./trend-lines";

/**
 * The contract-management meeting pack of one prime on one contract: what the print view and the
 * PDF both show, worked once from the guarded report the service returned (so only released
 * partners' figures can appear) and the action plan. Pure: no database, no clock.
 */

export interface PackSeries {
  name: string;
  values: (number | null)[];
  answers: Answers | Answers[];
}

export interface PackAction {
  id: string;
  action: string;
  principle: string;
  owner: string;
  due: string;
  status: string;
  done: boolean;
  /** "Agreed by Sam Okafor on 7 December 2026", or null while not agreed. */
  agreed: string | null;
  /** "Done: marked by … on …", or null while not done. */
  doneNote: string | null;
}

export interface MeetingPack {
  title: string;
  primeName: string;
  contractLine: string;
  cycleName: string | null;
  seesSelf: boolean;
  released: boolean;
  summary: { label: string; value: string }[];
  lines: MeasureLine[];
  chart: { title: string; categories: string[]; series: PackSeries[] } | null;
  /** Partners' overall, like for like, from cycle to cycle: the same rows as the page's trend. */
  trend: TrendRow[];
  replies: { title: string; text: string }[];
  actions: PackAction[];
}

const STATUS_LABEL: Record<string, string> = Object.fromEntries(
  ACTION_STATUSES.map((s) => [s.value, s.label]),
);

/** The principles' bars: the prime's own beside its partners', as on the report page. */
export function principleSeries(lines: readonly MeasureLine[], seesSelf: boolean): PackSeries[] {
  const principles = lines.filter((l) => l.key !== "overall");
  return [
    ...(seesSelf
      ? [{ name: "Prime's own score", values: principles.map((l) => l.self), answers: "own" as const }]
      : []),
    {
      name: "Partners' mean",
      values: principles.map((l) => l.partners?.mean ?? null),
      answers: principles.map((l) => l.partners?.answers ?? 0),
    },
  ];
}

function summary(prime: PrimeReport, lines: readonly MeasureLine[], seesSelf: boolean) {
  const overall = lines.find((l) => l.key === "overall");
  const rows: { label: string; value: string }[] = [
    {
      label: "Partners who answered",
      value: `${prime.submitted} of ${prime.supplyChain.roster} on the rating list`,
    },
  ];
  const partners = overall?.partners;
  rows.push({
    label: "Partners' overall score",
    value: !prime.released
      ? "Not released for this cycle"
      : partners
        ? `${formatScore(partners.mean, partners.answers)} (${partners.band})`
        : "Not shown: too few partners answered",
  });
  if (seesSelf) {
    rows.push({
      label: "The prime's own overall score",
      value: overall?.self === null || !overall ? "No self-assessment" : formatScore(overall.self, "own"),
    });
    rows.push({
      label: "The prime's claim minus its partners'",
      value:
        overall && overall.gap !== null && partners
          ? `${formatGap(overall.gap, partners.answers)} (${overall.view})`
          : "Not comparable",
    });
  }
  const flags = prime.released ? flagLines(prime.partners).filter((f) => (f.partners?.flagged ?? 0) > 0) : [];
  rows.push({
    label: "Red flags partners raised",
    value: !prime.released
      ? "Shown once figures are released"
      : flags.length === 0
        ? "None shown"
        : flags.map((f) => `${f.title} (${f.partners?.flagged} of ${f.partners?.n})`).join("; "),
  });
  const last = trendRows(prime.trend).at(-1);
  if (last) {
    const cells = trendCells(last);
    rows.push({
      label: "Change since the previous cycle",
      value: `${cells.change} (${last.label}, like for like)`,
    });
  }
  return rows;
}

export function packAction(item: ActionItem, commissioner: string): PackAction {
  return {
    id: item.id,
    action: item.action,
    principle: item.principleKey ? principleTitle(item.principleKey) : "Whole contract",
    owner: item.owner,
    due: formatDate(item.dueDate),
    status: STATUS_LABEL[item.status] ?? item.status,
    done: item.status === "DONE",
    // Without a person (a demo visitor, a deleted account) the council that agreed it is named.
    agreed: item.agreedAt
      ? `Agreed by ${item.agreedBy ?? commissioner} on ${formatDate(item.agreedAt)}`
      : null,
    doneNote: item.doneAt
      ? `Marked done${item.doneBy ? ` by ${item.doneBy}` : ""} on ${formatDate(item.doneAt)}`
      : null,
  };
}

export function meetingPack(
  report: ContractReport,
  actions: readonly ActionItem[],
  principles: readonly { key: PrincipleKey; title: string }[],
): MeetingPack | null {
  const prime = report.primes[0];
  if (!prime) return null;
  const seesSelf = report.viewer !== "partner";
  const lines = measureLines(prime.partners, prime.self, prime.comparison);
  const categories = lines.filter((l) => l.key !== "overall").map((l) => measureTitle(l.key));
  const name = `${prime.prime.name}${prime.prime.lot ? ` (${prime.prime.lot})` : ""}`;
  return {
    title: `${name}: contract-management meeting pack`,
    primeName: name,
    contractLine: `${report.contract.title} (${report.contract.reference}), commissioned by ${report.contract.commissioner}`,
    cycleName: report.cycle?.name ?? null,
    seesSelf,
    released: prime.released,
    summary: summary(prime, lines, seesSelf),
    lines,
    chart: prime.released
      ? {
          title: seesSelf
            ? `${prime.prime.name}: its own scores beside its partners', by principle`
            : `${prime.prime.name}: partners' mean scores, by principle`,
          categories,
          series: principleSeries(lines, seesSelf),
        }
      : null,
    trend: trendRows(prime.trend),
    replies: seesSelf
      ? principles.flatMap((p) => {
          const text = prime.replies[p.key];
          return text ? [{ title: p.title, text }] : [];
        })
      : [],
    actions: seesSelf ? actions.map((a) => packAction(a, report.contract.commissioner)) : [],
  };
}
