import { randomUUID } from "node:crypto";
import { framework } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReleaseFamily, ReleaseLevel } from "@/lib/generated/prisma/enums";
import { BANDS } from "@/lib/scoring/numbers";
import {
  computeRelease,
  type Previous,
  type PublishedFigure,
  type PublishedScope,
  type Release,
  type ReleaseRow,
  type ReleaseStructure,
  releaseStructure,
  type ScopeLevel,
  type Thresholds,
} from "@/lib/scoring/release";

/**
 * How a release is computed and stored (docs/decisions/0011): per prime, its current submitted
 * partners' ratings of closed cycles of the period and what earlier releases published, through
 * `computeRelease`; then the published scopes and figures are written, with values worked out in
 * SQL from the stored answers and scores of the ratings the reference chose, and checked against
 * the reference's own values before the transaction commits. lib/services/releases.ts calls it
 * inside its transaction, and so does the demo seed (prisma/seed.ts, with the client it seeds, under
 * plain Node: hence no "server-only" here; it never imports the database client): every query here
 * runs one after another on that one connection.
 */

type Tx = Prisma.TransactionClient;

export interface ReleaseSpec {
  kind: "COMMISSIONER" | "NATIONAL";
  /** The programme released; null for the national release. */
  commissionerId: string | null;
  period: string;
  /** Cycles closed before this moment are in the release; it is the release's cut-off. */
  now: Date;
}

export interface ReleaseOutcome {
  /** The stored release; null when nothing new could be published. */
  releaseId: string | null;
  period: string;
  primes: number;
  scopes: number;
  figures: number;
  /** Scopes and figures the check hid (never shown as such to readers). */
  hidden: number;
}

export const FAMILY_OF_KIND = {
  question: "QUESTION",
  flag: "FLAG",
  spread: "SPREAD",
} as const satisfies Record<PublishedFigure["kind"], ReleaseFamily>;
export const KIND_OF_FAMILY = {
  QUESTION: "question",
  FLAG: "flag",
  SPREAD: "spread",
} as const satisfies Record<ReleaseFamily, PublishedFigure["kind"]>;
const LEVEL_OF_SCOPE = {
  national: "NATIONAL",
  commissioner: "COMMISSIONER",
  contract: "CONTRACT",
} as const satisfies Record<ScopeLevel, ReleaseLevel>;

/** The partners' questionnaire as the release check sees it; one framework version is current. */
export const currentStructure = (): ReleaseStructure => releaseStructure(framework);

/**
 * Releases of one period wait for each other, so each is checked against everything before it.
 *
 * And no sequential scans: PostgreSQL plans each foreign-key check of the rows a release inserts
 * once per connection and keeps the plan, and made while the release tables were nearly empty
 * that plan reads them whole, so every membership row read every figure (bench scale S on
 * PostgreSQL: 206 million rows read, 24 s for two commissioners' releases of 960 ratings; 8 s
 * without). Forcing custom plans instead cost as much in planning every check.
 */
async function prepare(tx: Tx, period: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`chainwise.release:${period}`}, 0))`;
  await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
}

/**
 * A current submitted partner's rating of a closed cycle, in flat reads: inside a transaction a
 * nested select would run its relations' queries at once on the one connection, which pg warns
 * will stop working.
 */
const ratingSelect = {
  id: true,
  respondentOrgId: true,
  primeId: true,
  contractId: true,
  cycleId: true,
} satisfies Prisma.AssessmentSelect;
type RatingRow = Prisma.AssessmentGetPayload<{ select: typeof ratingSelect }>;
const answerSelect = {
  assessmentId: true,
  questionKey: true,
  score: true,
  flagged: true,
} satisfies Prisma.AnswerSelect;
type AnswerRow = Prisma.AnswerGetPayload<{ select: typeof answerSelect }>;
const scoreSelect = { assessmentId: true, measure: true, score: true } satisfies Prisma.AssessmentScoreSelect;
type ScoreRow = Prisma.AssessmentScoreGetPayload<{ select: typeof scoreSelect }>;

const releasable = (period: string, now: Date) =>
  ({
    perspective: "SUBCONTRACTOR",
    status: "SUBMITTED",
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    cycle: { name: period, closesAt: { lt: now } },
    // The current version: a correction still being drafted does not replace it.
    OR: [{ correction: { is: null } }, { correction: { is: { status: "DRAFT" } } }],
  }) satisfies Prisma.AssessmentWhereInput;

/** One prime's releasable ratings in a period as release rows, one query per table. */
async function rowsOf(
  tx: Tx,
  where: Prisma.AssessmentWhereInput,
  period: string,
  structure: ReleaseStructure,
): Promise<ReleaseRow[]> {
  const ratings: RatingRow[] = await tx.assessment.findMany({
    where,
    select: ratingSelect,
    orderBy: { id: "asc" },
  });
  const ids = ratings.map((r) => r.id);
  const contracts = await tx.contract.findMany({
    where: { id: { in: [...new Set(ratings.map((r) => r.contractId))] } },
    select: { id: true, commissionerId: true },
  });
  const answers: AnswerRow[] = await tx.answer.findMany({
    where: { assessmentId: { in: ids } },
    select: answerSelect,
  });
  const scores: ScoreRow[] = await tx.assessmentScore.findMany({
    where: { assessmentId: { in: ids } },
    select: scoreSelect,
  });
  const commissionerOf = new Map(contracts.map((c) => [c.id, c.commissionerId]));
  const answersOf = groupBy(answers, (a) => a.assessmentId);
  const scoresOf = groupBy(scores, (s) => s.assessmentId);
  const flagged = new Set<string>();
  const scored = new Set<string>();
  for (const p of structure.principles) {
    for (const q of p.questions) {
      scored.add(q.key);
      if (q.flagged) flagged.add(q.key);
    }
  }
  return ratings.map((rating) => {
    const questionScores: Record<string, number> = {};
    const flags: Record<string, boolean> = {};
    for (const answer of answersOf.get(rating.id) ?? []) {
      // A null score is "Don't know", "Not applicable" or an unscored question: no real answer.
      if (answer.score === null || !scored.has(answer.questionKey)) continue;
      questionScores[answer.questionKey] = answer.score;
      if (flagged.has(answer.questionKey)) flags[answer.questionKey] = answer.flagged;
    }
    const measureScores: Record<string, number | null> = {};
    for (const s of scoresOf.get(rating.id) ?? []) measureScores[s.measure] = s.score;
    return {
      ratingId: rating.id,
      respondentId: rating.respondentOrgId,
      primeId: rating.primeId,
      commissionerId: commissionerOf.get(rating.contractId) as string,
      contractId: rating.contractId,
      cycleId: rating.cycleId,
      period,
      questionScores,
      flags,
      measureScores,
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** What earlier releases published about some primes in one period: their scopes and figures' ratings. */
async function previousOf(tx: Tx, primeIds: string[], period: string): Promise<Previous> {
  const scopes = await tx.releaseScope.findMany({
    where: { primeId: { in: primeIds }, period },
    select: { id: true, scopeKey: true },
  });
  const scopeIds = scopes.map((s) => s.id);
  const scopeMembers = await tx.releaseScopeRating.findMany({
    where: { scopeId: { in: scopeIds } },
    select: { scopeId: true, assessmentId: true },
  });
  const figures = await tx.releaseFigure.findMany({
    where: { scopeId: { in: scopeIds } },
    select: { id: true, scopeId: true, family: true, key: true },
  });
  const figureMembers = await tx.releaseFigureRating.findMany({
    where: { figureId: { in: figures.map((f) => f.id) } },
    select: { figureId: true, assessmentId: true },
  });
  const keyOf = new Map(scopes.map((s) => [s.id, s.scopeKey]));
  const inScope = groupBy(scopeMembers, (m) => m.scopeId);
  const inFigure = groupBy(figureMembers, (m) => m.figureId);
  return {
    scopes: scopes.map((s) => ({
      id: s.scopeKey,
      ratingIds: (inScope.get(s.id) ?? []).map((m) => m.assessmentId).sort(),
    })),
    figures: figures.map((f) => ({
      family: `${KIND_OF_FAMILY[f.family]}:${f.key}`,
      scopeId: keyOf.get(f.scopeId) as string,
      ratingIds: (inFigure.get(f.id) ?? []).map((m) => m.assessmentId).sort(),
    })),
  };
}

/**
 * Primes computed and written together: fewer round trips, with the rows of a few dozen primes in
 * memory at a time (a national programme has thousands; ADR 0008 keeps an instance's memory bounded).
 */
const PRIMES_AT_ONCE = 25;

/**
 * Computes and stores one release. The caller has checked who is asking and holds the
 * transaction; this takes the period's lock first.
 */
export async function storeRelease(tx: Tx, spec: ReleaseSpec): Promise<ReleaseOutcome> {
  await prepare(tx, spec.period);
  const structure = currentStructure();
  const where = releasable(spec.period, spec.now);
  const primes = await tx.assessment.groupBy({
    by: ["primeId"],
    where: spec.commissionerId ? { ...where, contract: { commissionerId: spec.commissionerId } } : where,
    orderBy: { primeId: "asc" },
  });
  const only =
    spec.kind === "NATIONAL"
      ? { levels: ["national" as const] }
      : {
          commissionerId: spec.commissionerId ?? undefined,
          levels: ["commissioner" as const, "contract" as const],
        };

  const outcome: ReleaseOutcome = {
    releaseId: null,
    period: spec.period,
    primes: 0,
    scopes: 0,
    figures: 0,
    hidden: 0,
  };
  const thresholdsUsed = new Map<string, Thresholds>();
  for (let start = 0; start < primes.length; start += PRIMES_AT_ONCE) {
    const primeIds = primes.slice(start, start + PRIMES_AT_ONCE).map((p) => p.primeId);
    // Every rating of these primes in the period, other programmes' too: earlier releases' scopes
    // and figures hold them, and the groups this release must keep at the threshold are built from
    // all. computeRelease works per prime; taking several at once only saves round trips.
    const rows = await rowsOf(tx, { ...where, primeId: { in: primeIds } }, spec.period, structure);
    const thresholds = await thresholdsOf(tx, rows);
    const previous = await previousOf(tx, primeIds, spec.period);
    const release = computeRelease({ rows, structure, thresholds, previous, only });
    outcome.hidden += release.suppressed.length;
    if (release.scopes.length === 0) continue;
    if (outcome.releaseId === null) outcome.releaseId = await createRelease(tx, spec);
    const scopeRows = await writeScopes(tx, outcome.releaseId, spec.period, release.scopes);
    await writeFigures(tx, outcome.releaseId, release, scopeRows);
    const released = new Set(release.scopes.map((s) => s.scope.primeId));
    for (const row of rows) {
      const k = thresholds.get(row.commissionerId);
      if (released.has(row.primeId) && k) thresholdsUsed.set(row.commissionerId, k);
    }
    outcome.primes += released.size;
    outcome.scopes += release.scopes.length;
    outcome.figures += release.figures.length;
  }
  if (outcome.releaseId !== null) {
    await tx.releaseThreshold.createMany({
      data: [...thresholdsUsed].map(([commissionerId, k]) => ({
        releaseId: outcome.releaseId as string,
        commissionerId,
        score: k.score,
        category: k.category,
      })),
    });
  }
  return outcome;
}

async function thresholdsOf(tx: Tx, rows: readonly ReleaseRow[]): Promise<Map<string, Thresholds>> {
  const ids = [...new Set(rows.map((r) => r.commissionerId))].sort();
  const programmes = await tx.organisation.findMany({
    where: { id: { in: ids } },
    select: { id: true, releaseScoreThreshold: true, releaseCategoryThreshold: true },
  });
  return new Map(
    programmes.map((p) => [p.id, { score: p.releaseScoreThreshold, category: p.releaseCategoryThreshold }]),
  );
}

async function createRelease(tx: Tx, spec: ReleaseSpec): Promise<string> {
  const created = await tx.release.create({
    data: {
      kind: spec.kind,
      commissionerId: spec.commissionerId,
      period: spec.period,
      cutOff: spec.now,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
    },
    select: { id: true },
  });
  return created.id;
}

/** A new row id, in the shape of ours (lib/ids): the figure's memberships need it before it exists. */
const newId = () => randomUUID().replaceAll("-", "");

/** Thrown when the SQL's counts or values differ from the reference's: nothing is released. */
export class ReleaseMismatchError extends Error {
  constructor(what: string) {
    super(`release refused: the database and the reference disagree on ${what}`);
    this.name = "ReleaseMismatchError";
  }
}

async function writeScopes(tx: Tx, releaseId: string, period: string, scopes: readonly PublishedScope[]) {
  const ids = scopes.map(() => newId());
  const member = { scope: [] as string[], rating: [] as string[] };
  scopes.forEach((s, i) => {
    for (const r of s.ratingIds) {
      member.scope.push(ids[i] as string);
      member.rating.push(r);
    }
  });
  const written = await tx.$queryRaw<{ id: string; ratings: number; partners: number }[]>`
    INSERT INTO "ReleaseScope" (id, "releaseId", period, "scopeKey", level, "primeId", "contractId",
                                "commissionerId", partners, ratings)
    SELECT s.id, ${releaseId}, ${period}, s.key, s.level::"ReleaseLevel", s.prime, s.contract, s.commissioner,
           count(DISTINCT a."respondentOrgId")::int, count(*)::int
    FROM unnest(${ids}::text[], ${scopes.map((s) => s.id)}::text[],
                ${scopes.map((s) => LEVEL_OF_SCOPE[s.scope.level])}::text[],
                ${scopes.map((s) => s.scope.primeId)}::text[],
                ${scopes.map((s) => (s.scope.level === "contract" ? s.scope.contractId : null))}::text[],
                ${scopes.map((s) => (s.scope.level === "commissioner" ? s.scope.commissionerId : null))}::text[])
         AS s(id, key, level, prime, contract, commissioner)
    JOIN unnest(${member.scope}::text[], ${member.rating}::text[]) AS m(scope, rating) ON m.scope = s.id
    JOIN "Assessment" a ON a.id = m.rating
    GROUP BY s.id, s.key, s.level, s.prime, s.contract, s.commissioner
    RETURNING id, ratings, partners`;
  const byId = new Map(written.map((w) => [w.id, w]));
  scopes.forEach((s, i) => {
    const w = byId.get(ids[i] as string);
    if (!w || w.ratings !== s.ratingIds.length || w.partners !== s.respondents) {
      throw new ReleaseMismatchError(`the partners and ratings of scope ${s.id}`);
    }
  });
  await tx.$executeRaw`
    INSERT INTO "ReleaseScopeRating" ("scopeId", "assessmentId")
    SELECT * FROM unnest(${member.scope}::text[], ${member.rating}::text[])`;
  return new Map(scopes.map((s, i) => [s.id, ids[i] as string]));
}

interface StoredValues {
  id: string;
  ratings: number;
  partners: number;
  totalTenths: number | null;
  raised: number | null;
  medianTenths: number | null;
  strong: number | null;
  good: number | null;
  developing: number | null;
  concern: number | null;
}

/**
 * The figures' rows. Their values are aggregated here, in SQL, from the stored answers and scores of
 * the ratings the reference chose: sums of tenths, counts of raised flags, medians and band counts.
 */
async function writeFigures(
  tx: Tx,
  releaseId: string,
  release: Release,
  scopeRowOf: ReadonlyMap<string, string>,
) {
  const figures = release.figures;
  const ids = figures.map(() => newId());
  const member = { figure: [] as string[], rating: [] as string[] };
  figures.forEach((f, i) => {
    for (const r of f.ratingIds) {
      member.figure.push(ids[i] as string);
      member.rating.push(r);
    }
  });
  const scopeIds = figures.map((f) => {
    const id = scopeRowOf.get(f.scopeId);
    if (!id) throw new ReleaseMismatchError(`figure ${f.family} outside a published scope`);
    return id;
  });
  const written = await tx.$queryRaw<StoredValues[]>`
    WITH f AS (
      SELECT * FROM unnest(${ids}::text[], ${scopeIds}::text[],
                           ${figures.map((f) => FAMILY_OF_KIND[f.kind])}::text[],
                           ${figures.map((f) => f.key)}::text[],
                           ${figures.map((f) => (f.audience === "all" ? "ALL" : "NOT_PRIME"))}::text[])
        AS f(id, scope, family, key, audience)
    ),
    v AS (
      SELECT f.id, f.scope, f.family, f.key, f.audience, a."respondentOrgId" AS partner,
             round((ans.score * 10)::numeric) AS answer_tenths, ans.flagged,
             round((s.score * 10)::numeric) AS own_tenths
      FROM f
      JOIN unnest(${member.figure}::text[], ${member.rating}::text[]) AS m(figure, rating) ON m.figure = f.id
      JOIN "Assessment" a ON a.id = m.rating
      LEFT JOIN "Answer" ans ON f.family IN ('QUESTION', 'FLAG') AND ans."assessmentId" = a.id
                             AND ans."questionKey" = f.key
      LEFT JOIN "AssessmentScore" s ON f.family = 'SPREAD' AND s."assessmentId" = a.id AND s.measure = f.key
    )
    INSERT INTO "ReleaseFigure" (id, "releaseId", "scopeId", family, key, audience, ratings, partners,
                                 "totalTenths", raised, "medianTenths", strong, good, developing, concern)
    SELECT id, ${releaseId}, scope, family::"ReleaseFamily", key, audience::"ReleaseAudience",
           count(*)::int, count(DISTINCT partner)::int,
           CASE WHEN family = 'QUESTION' THEN sum(answer_tenths)::int END,
           CASE WHEN family = 'FLAG' THEN (count(*) FILTER (WHERE flagged))::int END,
           CASE WHEN family = 'SPREAD'
             THEN round((percentile_cont(0.5) WITHIN GROUP (ORDER BY own_tenths))::numeric)::int END,
           CASE WHEN family = 'SPREAD' THEN (count(*) FILTER (WHERE own_tenths >= 800))::int END,
           CASE WHEN family = 'SPREAD' THEN (count(*) FILTER (WHERE own_tenths >= 600 AND own_tenths < 800))::int END,
           CASE WHEN family = 'SPREAD' THEN (count(*) FILTER (WHERE own_tenths >= 400 AND own_tenths < 600))::int END,
           CASE WHEN family = 'SPREAD' THEN (count(*) FILTER (WHERE own_tenths < 400))::int END
    FROM v
    -- A rating without a value for its figure would be counted but add nothing: refuse it instead.
    GROUP BY id, scope, family, key, audience
    HAVING count(*) = count(CASE family WHEN 'SPREAD' THEN own_tenths ELSE answer_tenths END)
    RETURNING id, ratings, partners, "totalTenths", raised, "medianTenths", strong, good, developing, concern`;
  const byId = new Map(written.map((w) => [w.id, w]));
  figures.forEach((f, i) => {
    const w = byId.get(ids[i] as string);
    if (!w || !sameValues(f, w)) throw new ReleaseMismatchError(`${f.family} at ${f.scopeId}`);
  });
  await tx.$executeRaw`
    INSERT INTO "ReleaseFigureRating" ("figureId", "assessmentId")
    SELECT * FROM unnest(${member.figure}::text[], ${member.rating}::text[])`;
}

/** The stored row holds exactly the reference's figure. */
export function sameValues(figure: PublishedFigure, row: Omit<StoredValues, "id">): boolean {
  if (row.ratings !== figure.ratings || row.partners !== figure.respondents) return false;
  if (figure.kind === "question") return row.totalTenths === figure.totalTenths && row.raised === null;
  if (figure.kind === "flag") return row.raised === figure.raised && row.totalTenths === null;
  return (
    row.medianTenths === Math.round(figure.median * 10) &&
    BANDS.every((band) => row[band] === figure.bands[band])
  );
}
