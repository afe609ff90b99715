import type { PrimeReport } from "@/lib/services/reports";
import { formatGap, formatScore } from "./format";
import { type QuestionGap, questionGaps } from "./gaps";
import { principleTitle, VIEW_LABELS } from "./labels";
import { flagLines, measureLines } from "./lines";
import { trendCells, trendRows } from "./trend-lines";

/**
 * What a reader of one prime's report needs to decide, on one screen (issue 17): where partners
 * place the prime, how far its claim is from theirs, its three largest blind spots, the red flags
 * raised and what changed since the last release. Every figure is one the report below shows, to
 * the same precision, so the summary never says something the detail does not.
 */
export interface ReportSummary {
  /** Partners' overall score and band; null when none was released. */
  partners: { score: string; band: string } | null;
  /** The prime's overall score minus its partners'; null when the reader cannot see it or it is not comparable. */
  gap: { value: string; view: string } | null;
  /** The three largest question blind spots, in the prime's own wording. */
  topBlindSpots: QuestionGap[];
  blindSpots: number;
  /** Partners' red flags raised by at least one partner, most raised first. */
  flags: { title: string; flagged: number; n: number }[];
  /** Some flag counts were not released. */
  flagsWithheld: boolean;
  /** Claims the prime makes that most partners who answered dispute. */
  disputed: number;
  /** Red flags in the prime's own answers; null when the reader does not see them. */
  ownFlags: number | null;
  /** The last like-for-like step, with the principle that moved most. */
  change: { from: string; to: string; value: string; most: { title: string; value: string } | null } | null;
}

export const TOP_BLIND_SPOTS = 3;

export function reportSummary(prime: PrimeReport, seesSelf: boolean): ReportSummary {
  const overall = measureLines(prime.partners, prime.self, prime.comparison).find((l) => l.key === "overall");
  const comparable = seesSelf && prime.comparison?.comparable ? prime.comparison : null;
  const blindSpots = questionGaps(comparable, prime.partners, "blind-spot");
  const flags = flagLines(prime.partners);
  const raised = flags
    .flatMap((f) => (f.partners && f.partners.flagged > 0 ? [{ title: f.title, ...f.partners }] : []))
    .sort((a, b) => b.flagged / b.n - a.flagged / a.n || b.flagged - a.flagged);
  return {
    partners: overall?.partners
      ? { score: formatScore(overall.partners.mean, overall.partners.answers), band: overall.partners.band }
      : null,
    gap:
      comparable && overall?.partners && comparable.overall.gap !== null
        ? {
            value: formatGap(comparable.overall.gap, overall.partners.answers),
            view: VIEW_LABELS[comparable.overall.view],
          }
        : null,
    topBlindSpots: blindSpots.slice(0, TOP_BLIND_SPOTS),
    blindSpots: blindSpots.length,
    flags: raised.map(({ title, flagged, n }) => ({ title, flagged, n })),
    flagsWithheld: !prime.partners.suppressed && flags.some((f) => f.partners === null),
    disputed: comparable ? comparable.pairs.filter((p) => p.claimDisputed).length : 0,
    ownFlags: seesSelf && prime.self ? prime.self.redFlags.length : null,
    change: lastChange(prime.trend),
  };
}

function lastChange(trend: PrimeReport["trend"]): ReportSummary["change"] {
  const row = trendRows(trend).at(-1);
  const step = trend.steps.at(-1);
  if (!row || !step || row.change === null) return null;
  const moved = step.principles
    .filter((p) => p.change !== null && p.change !== 0)
    .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0))[0];
  return {
    from: row.from,
    to: row.to,
    value: trendCells(row).change,
    most: moved ? { title: principleTitle(moved.key), value: formatGap(moved.change, row.answers) } : null,
  };
}
