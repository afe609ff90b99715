import { formatDate } from "@/lib/format";
import type { PrincipleKey } from "@/lib/framework";
import type { ActionItem } from "@/lib/services/replies-and-plans";
import type { ContractReport, PrimeReport } from "@/lib/services/reports";
import { type ChartSeries, gapSeries } from "./chart-series";
import { formatGap, formatScore } from "./format";
import { measureTitle, principleTitle } from "./labels";
import { type MeasureLine, measureLines } from "./lines";
import { ACTION_STATUSES } from "./options";
import { reportSummary } from "./report-summary";
import { type TrendRow, trendRows } from "./trend-lines";

/**
 * The contract-management meeting pack of one prime on one contract: what the print view and the
 * PDF both show, worked once from the guarded report the service returned (so only released
 * partners' figures can appear) and the action plan. Pure: no database, no clock.
 */

/** A chart's series, with its colour from the one palette of every chart (chart-series.ts). */
export type PackSeries = ChartSeries;

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
export const principleSeries = (lines: readonly MeasureLine[], seesSelf: boolean): PackSeries[] =>
  gapSeries(
    lines.filter((l) => l.key !== "overall"),
    seesSelf,
  );

/** The report's one-screen summary (report-summary.ts) as labelled rows, with the prime's own score. */
function summary(prime: PrimeReport, lines: readonly MeasureLine[], seesSelf: boolean) {
  const overall = lines.find((l) => l.key === "overall");
  const figures = reportSummary(prime, seesSelf);
  const rows: { label: string; value: string }[] = [
    {
      label: "Partners who answered",
      value: `${prime.submitted} of ${prime.supplyChain.roster} on the rating list`,
    },
  ];
  rows.push({
    label: "Partners' overall score",
    value: !prime.released
      ? "Not released for this cycle"
      : figures.partners
        ? `${figures.partners.score} (${figures.partners.band})`
        : "Not shown: too few partners answered",
  });
  if (seesSelf) {
    rows.push({
      label: "The prime's own overall score",
      value: overall?.self === null || !overall ? "No self-assessment" : formatScore(overall.self, "own"),
    });
    rows.push({
      label: "The prime's claim minus its partners'",
      value: figures.gap ? `${figures.gap.value} (${figures.gap.view})` : "Not comparable",
    });
    if (figures.topBlindSpots.length > 0) {
      rows.push({
        label: `Largest blind spots (${figures.blindSpots} in all)`,
        value: figures.topBlindSpots
          .map((b) => `${b.question} (gap ${formatGap(b.gap, b.answers)})`)
          .join("; "),
      });
    }
  }
  rows.push({
    label: "Red flags partners raised",
    value: !prime.released
      ? "Shown once figures are released"
      : figures.flags.length === 0
        ? "None shown"
        : figures.flags.map((f) => `${f.title} (${f.flagged} of ${f.n})`).join("; "),
  });
  if (figures.change) {
    rows.push({
      label: "Change since the previous cycle",
      value: `${figures.change.value} (${figures.change.from} to ${figures.change.to}, like for like)`,
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
