import "server-only";
import { db } from "@/lib/db/client";
import { framework } from "@/lib/framework";
import { aggregateFromRows, minimumFor } from "@/lib/reports/aggregate-rows";
import type { Aggregate } from "@/lib/scoring";
import { cachedFigures } from "./figure-cache";
import {
  type FigureScope,
  figuresVersion,
  groupRows,
  type MeasureRow,
  measureRows,
  type QuestionRow,
  questionRows,
} from "./report-figures";

/** Partners' figures per (cycle, prime), as every report shows them: from report-figures.ts, cached. */

export interface PartnerFigures {
  /** Partners with a submitted rating: a response count, known even while figures are hidden. */
  submitted: number;
  aggregate: Aggregate;
}

export const groupKey = (cycleId: string, primeId: string) => `${cycleId}/${primeId}`;

/**
 * Partners' figures for each (cycle, prime) in scope, k-guarded, keyed by {@link groupKey}. Kept
 * between requests until a rating in scope is submitted (figure-cache.ts): a programme's figures
 * aggregate millions of answers, and readers reload far more often than partners submit.
 */
export async function partnerFigures(scope: FigureScope): Promise<Map<string, PartnerFigures>> {
  return cachedFigures(
    db(),
    JSON.stringify([framework.id, framework.version, scope]),
    () => figuresVersion(framework, scope),
    () => computePartnerFigures(scope),
  );
}

async function computePartnerFigures(scope: FigureScope): Promise<Map<string, PartnerFigures>> {
  const k = minimumFor(framework);
  const [groups, measures, questions] = await Promise.all([
    groupRows(framework, scope),
    measureRows(framework, scope, k),
    questionRows(framework, scope, k),
  ]);
  const figures = new Map<string, { submitted: number; measures: MeasureRow[]; questions: QuestionRow[] }>();
  const at = (cycleId: string, primeId: string) => {
    const key = groupKey(cycleId, primeId);
    let group = figures.get(key);
    if (!group) {
      group = { submitted: 0, measures: [], questions: [] };
      figures.set(key, group);
    }
    return group;
  };
  for (const g of groups) at(g.cycleId, g.primeId).submitted = g.submitted;
  for (const m of measures) at(m.cycleId, m.primeId).measures.push(m);
  for (const q of questions) at(q.cycleId, q.primeId).questions.push(q);
  return new Map(
    [...figures].map(([key, group]) => [
      key,
      { submitted: group.submitted, aggregate: aggregateFromRows(framework, group) },
    ]),
  );
}
