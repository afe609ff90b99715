import "server-only";
import { db } from "@/lib/db/client";
import type { Framework } from "@/lib/framework";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The SQL behind every report: partners' figures aggregated in the database from the scores stored
 * on submit (AssessmentScore) and the answers' stored scores and flags, never by loading answers.
 *
 * Anonymity is applied here, where the data is read. Within each group (one prime, on one
 * contract, in one cycle) and for each figure, partners' ratings are taken in the order they first
 * arrived and only whole batches of k count: with 3 ratings a figure is built from 3, with 5 still
 * from 3, with 6 from 6. No figure is ever built from fewer than k ratings, and no figure ever
 * changes because of fewer than k new ones, so neither a single figure nor the difference between
 * two versions of it can be traced to fewer than k partners. See docs/decisions/0005.
 */

/**
 * Which ratings a query covers: every condition given must hold. The caller has already checked
 * that the viewer may see all of it.
 */
export interface FigureScope {
  commissionerId?: string;
  contractId?: string;
  primeIds?: readonly string[];
  cycleIds?: readonly string[];
}

export interface MeasureRow {
  cycleId: string;
  primeId: string;
  measure: string;
  n: number;
  totalTenths: number;
  medianTenths: number;
  strong: number;
  good: number;
  developing: number;
  concern: number;
}

export interface QuestionRow {
  cycleId: string;
  primeId: string;
  questionKey: string;
  n: number;
  scored: number;
  totalTenths: number;
  flagged: number;
}

export interface GroupRow {
  cycleId: string;
  primeId: string;
  /** Partners whose current rating is submitted. */
  submitted: number;
}

export interface NoteRow {
  cycleId: string;
  primeId: string;
  questionKey: string;
  evidence: string;
}

function scopeWhere(scope: FigureScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.commissionerId !== undefined) {
    parts.push(
      Prisma.sql`a."contractId" IN (SELECT id FROM "Contract" WHERE "commissionerId" = ${scope.commissionerId})`,
    );
  }
  if (scope.contractId !== undefined) parts.push(Prisma.sql`a."contractId" = ${scope.contractId}`);
  const list = (column: Prisma.Sql, ids: readonly string[]) =>
    ids.length > 0 ? Prisma.sql`${column} IN (${Prisma.join(ids)})` : Prisma.sql`FALSE`;
  if (scope.primeIds !== undefined) parts.push(list(Prisma.sql`a."primeId"`, scope.primeIds));
  if (scope.cycleIds !== undefined) parts.push(list(Prisma.sql`a."cycleId"`, scope.cycleIds));
  // An empty scope would be everything: refuse it rather than risk showing it.
  if (parts.length === 0) throw new Error("a report query needs a scope");
  return Prisma.join(parts, " AND ");
}

/**
 * Each partner's current rating (a submitted correction replaces the version it corrects), with
 * when that partner's first version arrived: its place in the batches does not move when it is
 * corrected.
 */
function currentRatings(framework: Framework, scope: FigureScope): Prisma.Sql {
  return Prisma.sql`
    versions AS (
      SELECT a.id, a."cycleId", a."primeId", a."respondentOrgId", a."notesSharedWithPrime",
             min(a."submittedAt") OVER (PARTITION BY a."cycleId", a."primeId", a."respondentOrgId") AS first_at
      FROM "Assessment" a
      WHERE a.perspective = 'SUBCONTRACTOR' AND a.status = 'SUBMITTED'
        AND a."frameworkId" = ${framework.id} AND a."frameworkVersion" = ${framework.version}
        AND ${scopeWhere(scope)}
    ),
    current AS (
      SELECT v.* FROM versions v
      WHERE NOT EXISTS (
        SELECT 1 FROM "Assessment" c WHERE c."supersedesId" = v.id AND c.status = 'SUBMITTED'
      )
    )`;
}

/**
 * What the partners' figures in a scope depend on, as one string: how many ratings in it are
 * submitted and when the latest was. Submitted ratings never change, so the figures change exactly
 * when this does (see figure-cache.ts). A cheap index read, not an aggregation of answers.
 */
export async function figuresVersion(framework: Framework, scope: FigureScope): Promise<string> {
  const [row] = await db().$queryRaw<{ n: number; latest: Date | null }[]>`
    SELECT count(*)::int AS n, max(a."submittedAt") AS latest
    FROM "Assessment" a
    WHERE a.perspective = 'SUBCONTRACTOR' AND a.status = 'SUBMITTED'
      AND a."frameworkId" = ${framework.id} AND a."frameworkVersion" = ${framework.version}
      AND ${scopeWhere(scope)}`;
  return `${row?.n ?? 0}/${row?.latest?.toISOString() ?? "-"}`;
}

/** Overall and principle figures per group, over whole batches of k ratings. */
export async function measureRows(
  framework: Framework,
  scope: FigureScope,
  k: number,
): Promise<MeasureRow[]> {
  return db().$queryRaw<MeasureRow[]>`
    WITH ${currentRatings(framework, scope)},
    scored AS (
      SELECT c."cycleId", c."primeId", s.measure, round(s.score * 10)::int AS tenths,
             row_number() OVER (PARTITION BY c."cycleId", c."primeId", s.measure
                                ORDER BY c.first_at, c."respondentOrgId") AS pos,
             count(*) OVER (PARTITION BY c."cycleId", c."primeId", s.measure) AS total
      FROM current c JOIN "AssessmentScore" s ON s."assessmentId" = c.id
      WHERE s.score IS NOT NULL
    )
    SELECT "cycleId", "primeId", measure,
           count(*)::int AS n,
           sum(tenths)::int AS "totalTenths",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY tenths)::float8 AS "medianTenths",
           count(*) FILTER (WHERE tenths >= 800)::int AS strong,
           count(*) FILTER (WHERE tenths >= 600 AND tenths < 800)::int AS good,
           count(*) FILTER (WHERE tenths >= 400 AND tenths < 600)::int AS developing,
           count(*) FILTER (WHERE tenths < 400)::int AS concern
    FROM scored
    WHERE pos <= (total / ${k}) * ${k}
    GROUP BY "cycleId", "primeId", measure`;
}

/** Per question: real answers (not "Don't know" or "Not applicable"), their scores and red flags. */
export async function questionRows(
  framework: Framework,
  scope: FigureScope,
  k: number,
): Promise<QuestionRow[]> {
  return db().$queryRaw<QuestionRow[]>`
    WITH ${currentRatings(framework, scope)},
    answered AS (
      SELECT c."cycleId", c."primeId", x."questionKey", x.score, x.flagged,
             row_number() OVER (PARTITION BY c."cycleId", c."primeId", x."questionKey"
                                ORDER BY c.first_at, c."respondentOrgId") AS pos,
             count(*) OVER (PARTITION BY c."cycleId", c."primeId", x."questionKey") AS total
      FROM current c JOIN "Answer" x ON x."assessmentId" = c.id
      WHERE x.value <> '"dont_know"'::jsonb AND x.value <> '"not_applicable"'::jsonb
    )
    SELECT "cycleId", "primeId", "questionKey",
           count(*)::int AS n,
           count(score)::int AS scored,
           coalesce(sum(round(score * 10)), 0)::int AS "totalTenths",
           count(*) FILTER (WHERE flagged)::int AS flagged
    FROM answered
    WHERE pos <= (total / ${k}) * ${k}
    GROUP BY "cycleId", "primeId", "questionKey"`;
}

/** How many partners have a submitted rating in each group (a response count, not a figure). */
export async function groupRows(framework: Framework, scope: FigureScope): Promise<GroupRow[]> {
  return db().$queryRaw<GroupRow[]>`
    WITH ${currentRatings(framework, scope)}
    SELECT "cycleId", "primeId", count(*)::int AS submitted
    FROM current
    GROUP BY "cycleId", "primeId"`;
}

/**
 * Evidence notes from the ratings that figures are built from (whole batches of k), never linked
 * to a partner and in text order, not arrival order. `forPrime` keeps only the notes partners chose
 * to share with the prime.
 */
export async function noteRows(
  framework: Framework,
  scope: FigureScope,
  k: number,
  { forPrime }: { forPrime: boolean },
): Promise<NoteRow[]> {
  return db().$queryRaw<NoteRow[]>`
    WITH ${currentRatings(framework, scope)},
    released AS (
      SELECT c.*,
             row_number() OVER (PARTITION BY c."cycleId", c."primeId" ORDER BY c.first_at, c."respondentOrgId") AS pos,
             count(*) OVER (PARTITION BY c."cycleId", c."primeId") AS total
      FROM current c
    )
    SELECT r."cycleId", r."primeId", x."questionKey", x.evidence
    FROM released r JOIN "Answer" x ON x."assessmentId" = r.id
    WHERE r.pos <= (r.total / ${k}) * ${k}
      AND x.evidence IS NOT NULL AND x.evidence <> ''
      AND (${!forPrime} OR r."notesSharedWithPrime")
    ORDER BY r."cycleId", r."primeId", x."questionKey", x.evidence`;
}

export interface SelfScoreRow {
  cycleId: string;
  primeId: string;
  measure: string;
  score: number | null;
}

/** Primes' own current submitted self-assessment scores, from the stored scores alone. */
export async function selfScoreRows(framework: Framework, scope: FigureScope): Promise<SelfScoreRow[]> {
  return db().$queryRaw<SelfScoreRow[]>`
    SELECT a."cycleId", a."primeId", s.measure, s.score
    FROM "Assessment" a JOIN "AssessmentScore" s ON s."assessmentId" = a.id
    WHERE a.perspective = 'PRIME' AND a.status = 'SUBMITTED'
      AND a."frameworkId" = ${framework.id} AND a."frameworkVersion" = ${framework.version}
      AND ${scopeWhere(scope)}
      AND NOT EXISTS (SELECT 1 FROM "Assessment" c WHERE c."supersedesId" = a.id AND c.status = 'SUBMITTED')`;
}
