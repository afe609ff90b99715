import { DONT_KNOW, type Framework, NOT_APPLICABLE } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  contributes,
  isScored,
  type Previous,
  type ReleaseRow,
  type ReleaseStructure,
} from "@/lib/scoring/release";

/**
 * What a release is computed from (docs/decisions/0011): the releasable ratings of some primes in a
 * period, and what earlier releases published about them. Plain SQL, one statement each: a national
 * programme's release reads some 100,000 ratings with 30 answers each, and Prisma objects for every
 * answer cost more than the release's own check (bench scale M: 2.7 s of 36).
 */

type Tx = Prisma.TransactionClient;

interface RatingRecord {
  id: string;
  respondent: string;
  prime: string;
  contract: string;
  commissioner: string;
  cycle: string;
  /** [question key, score, raises its flag] of each answer with a score or a flag. */
  answers: [string, number | null, boolean | null][] | null;
  /** [measure, score or null] of each stored own score. */
  scores: [string, number | null][] | null;
}

/**
 * The current submitted partners' ratings of these primes in cycles of the period closed before
 * `now`, of the period's framework version: a correction replaces what it corrects once submitted,
 * and one still being drafted does not.
 */
export async function ratingsOf(
  tx: Tx,
  primeIds: readonly string[],
  period: string,
  now: Date,
  structure: ReleaseStructure,
  framework: Framework,
): Promise<ReleaseRow[]> {
  const records = await tx.$queryRaw<RatingRecord[]>`
    SELECT a.id, a."respondentOrgId" AS respondent, a."primeId" AS prime, a."contractId" AS contract,
           k."commissionerId" AS commissioner, a."cycleId" AS cycle,
           (SELECT json_agg(json_build_array(x."questionKey", x.score, x.flagged))
              FROM "Answer" x WHERE x."assessmentId" = a.id
               AND (x.score IS NOT NULL OR (x."questionKey" = ANY(${flagOnly(structure)}::text[])
                    AND x.value #>> '{}' <> ALL(${NON_ANSWERS}::text[])))) AS answers,
           (SELECT json_agg(json_build_array(s.measure, s.score))
              FROM "AssessmentScore" s WHERE s."assessmentId" = a.id) AS scores
    FROM "Assessment" a
    JOIN "Cycle" c ON c.id = a."cycleId"
    JOIN "Contract" k ON k.id = a."contractId"
    WHERE a."primeId" = ANY(${[...primeIds]}::text[])
      AND c.name = ${period} AND c."closesAt" < ${now}
      AND a.perspective = 'SUBCONTRACTOR' AND a.status = 'SUBMITTED'
      AND a."frameworkId" = ${framework.id} AND a."frameworkVersion" = ${framework.version}
      AND NOT EXISTS (SELECT 1 FROM "Assessment" n WHERE n."supersedesId" = a.id AND n.status <> 'DRAFT')
    ORDER BY a.id`;
  const flagged = new Set<string>();
  const scored = new Set<string>();
  for (const p of structure.principles) {
    for (const q of p.questions) {
      if (isScored(q)) scored.add(q.key);
      if (q.flagged) flagged.add(q.key);
    }
  }
  return records.map((r) => {
    const questionScores: Record<string, number> = {};
    const flags: Record<string, boolean> = {};
    // Answers with neither a score nor a flag ("Don't know", "Not applicable") were left out
    // above: no real answer. A question asked for its flag only gives its flag.
    for (const [key, score, raised] of r.answers ?? []) {
      if (scored.has(key)) {
        // A scored question's "Don't know" gives neither its score nor its flag, as ever.
        if (score === null) continue;
        questionScores[key] = score;
        if (flagged.has(key) && raised !== null) flags[key] = raised;
      } else if (flagged.has(key) && raised !== null) flags[key] = raised;
    }
    const measureScores: Record<string, number | null> = {};
    for (const [measure, score] of r.scores ?? []) measureScores[measure] = score;
    return {
      ratingId: r.id,
      respondentId: r.respondent,
      primeId: r.prime,
      commissionerId: r.commissioner,
      contractId: r.contract,
      cycleId: r.cycle,
      period,
      questionScores,
      flags,
      measureScores,
    };
  });
}

/**
 * Answers that are no real answer. A question asked for its flag only has no score to tell them
 * apart, and they are stored with their flag false: read as "not raised", a partner that did not
 * know its fee would count as one whose fee is at most 20%.
 */
export const NON_ANSWERS: readonly string[] = [DONT_KNOW, NOT_APPLICABLE];

/** The keys of questions released for their red flag alone: they have no score to read. */
export function flagOnly(structure: ReleaseStructure): string[] {
  return structure.principles.flatMap((p) => p.questions.filter((q) => !isScored(q)).map((q) => q.key));
}

/** Thrown when stored releases and the ratings they rest on no longer agree: nothing is released. */
export class ReleaseMismatchError extends Error {
  constructor(what: string) {
    super(`release refused: the database and the reference disagree on ${what}`);
    this.name = "ReleaseMismatchError";
  }
}

const KIND = { QUESTION: "question", FLAG: "flag", SPREAD: "spread" } as const;

/**
 * What earlier releases published about these primes in the period. A figure's ratings are its
 * scope's ratings that contribute to its family, worked out from the rows; each must add up to the
 * count stored with the figure.
 */
export async function previousOf(
  tx: Tx,
  primeIds: readonly string[],
  period: string,
  rows: readonly ReleaseRow[],
): Promise<Previous> {
  const scopes = await tx.$queryRaw<{ id: string; key: string; ratingIds: string[] }[]>`
    SELECT s.id, s."scopeKey" AS key, array_agg(m."assessmentId" ORDER BY m."assessmentId") AS "ratingIds"
    FROM "ReleaseScope" s JOIN "ReleaseScopeRating" m ON m."scopeId" = s.id
    WHERE s."primeId" = ANY(${[...primeIds]}::text[]) AND s.period = ${period}
    GROUP BY s.id, s."scopeKey"`;
  if (scopes.length === 0) return { scopes: [], figures: [] };
  const figures = await tx.$queryRaw<
    { scope: string; family: keyof typeof KIND; key: string; ratings: number }[]
  >`
    SELECT "scopeId" AS scope, family::text AS family, key, ratings FROM "ReleaseFigure"
    WHERE "scopeId" = ANY(${scopes.map((s) => s.id)}::text[])`;
  const rowOf = new Map(rows.map((r) => [r.ratingId, r]));
  const scopeOf = new Map(scopes.map((s) => [s.id, s]));
  return {
    scopes: scopes.map((s) => ({ id: s.key, ratingIds: [...s.ratingIds].sort() })),
    figures: figures.map((f) => {
      const scope = scopeOf.get(f.scope) as (typeof scopes)[number];
      const family = `${KIND[f.family]}:${f.key}`;
      // A rating missing from the rows is left to the reference, which refuses an earlier scope
      // holding a rating it was not given.
      const ratingIds = scope.ratingIds.filter((id) => {
        const row = rowOf.get(id);
        return row === undefined || contributes(row, family);
      });
      if (ratingIds.length !== f.ratings) {
        throw new ReleaseMismatchError(`the ratings of the earlier figure ${family} at ${scope.key}`);
      }
      return { family, scopeId: scope.key, ratingIds };
    }),
  };
}
