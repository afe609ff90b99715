import { randomUUID } from "node:crypto";
import { type Framework, framework, frameworkFor } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReleaseFamily, ReleaseLevel } from "@/lib/generated/prisma/enums";
import { BANDS, toTenths } from "@/lib/scoring/numbers";
import {
  computeRelease,
  type PublishedFigure,
  type PublishedScope,
  type Release,
  type ReleaseRow,
  type ReleaseStructure,
  releaseStructure,
  type ScopeLevel,
  type Thresholds,
} from "@/lib/scoring/release";
import { flagOnly, NON_ANSWERS, previousOf, ReleaseMismatchError, ratingsOf } from "./release-input";

export { ReleaseMismatchError } from "./release-input";

/**
 * How a release is computed and stored (docs/decisions/0011): per prime, its current submitted
 * partners' ratings of closed cycles of the period and what earlier releases published, through
 * `computeRelease`; then the published scopes and figures are written, with values worked out in
 * SQL from the stored answers and scores of the scopes' ratings, and checked against the reference's
 * own counts and values before the transaction commits. lib/services/releases.ts calls it
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

/**
 * The framework version a period's cycles asked: one per period (openCycle refuses a second), so
 * its figures pool across contracts and nationally. A period with no cycles yet has the current one.
 */
export async function periodFramework(tx: Tx, period: string): Promise<Framework> {
  const versions = await tx.cycle.findMany({
    where: { name: period },
    distinct: ["frameworkId", "frameworkVersion"],
    select: { frameworkId: true, frameworkVersion: true },
  });
  if (versions.length > 1)
    throw new Error(
      `the ${period} period's cycles use ${versions.length} framework versions; a period uses one`,
    );
  const only = versions[0];
  return only ? frameworkFor(only.frameworkId, only.frameworkVersion) : framework;
}

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
  const periodVersion = await periodFramework(tx, spec.period);
  const structure: ReleaseStructure = releaseStructure(periodVersion);
  const primes = await tx.$queryRaw<{ primeId: string }[]>`
    SELECT DISTINCT a."primeId" FROM "Assessment" a
    JOIN "Cycle" c ON c.id = a."cycleId" JOIN "Contract" k ON k.id = a."contractId"
    WHERE c.name = ${spec.period} AND c."closesAt" < ${spec.now} AND a.perspective = 'SUBCONTRACTOR'
      AND a.status = 'SUBMITTED' AND (${spec.commissionerId}::text IS NULL OR k."commissionerId" = ${spec.commissionerId})
    ORDER BY 1`;
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
    const rows = await ratingsOf(tx, primeIds, spec.period, spec.now, structure, periodVersion);
    const thresholds = await thresholdsOf(tx, rows);
    const previous = await previousOf(tx, primeIds, spec.period, rows);
    const release = computeRelease({ rows, structure, thresholds, previous, only });
    outcome.hidden += release.suppressed.length;
    if (release.scopes.length === 0) continue;
    if (outcome.releaseId === null) outcome.releaseId = await createRelease(tx, spec, periodVersion);
    const scopeRows = await writeScopes(tx, outcome.releaseId, spec.period, release.scopes);
    await writeFigures(tx, outcome.releaseId, release, scopeRows, flagOnly(structure));
    await writeMeans(tx, outcome.releaseId, release, scopeRows);
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

async function createRelease(tx: Tx, spec: ReleaseSpec, framework: Framework): Promise<string> {
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
 * the scopes' stored ratings: each figure takes the ratings of its scope with a real answer (or an
 * own score) for it, which is how the reference chose them, so a disagreement in counts as well as
 * in values refuses the release. Aggregated per scope and question in one pass over the answers,
 * not per figure: a national programme has some 150,000 figures.
 */
async function writeFigures(
  tx: Tx,
  releaseId: string,
  release: Release,
  scopeRowOf: ReadonlyMap<string, string>,
  /** Questions with a flag and no score: their real answers count though their score is null. */
  flagOnlyKeys: readonly string[],
) {
  const figures = release.figures;
  const ids = figures.map(() => newId());
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
    answered AS (
      SELECT m."scopeId" AS scope, x."questionKey" AS key, count(*)::int AS ratings,
             count(DISTINCT a."respondentOrgId")::int AS partners,
             sum(round((x.score * 10)::numeric))::int AS total,
             (count(*) FILTER (WHERE x.flagged))::int AS raised
      FROM "ReleaseScopeRating" m
      JOIN "Assessment" a ON a.id = m."assessmentId"
      JOIN "Answer" x ON x."assessmentId" = m."assessmentId"
        AND (x.score IS NOT NULL OR (x."questionKey" = ANY(${[...flagOnlyKeys]}::text[])
             AND x.value #>> '{}' <> ALL(${[...NON_ANSWERS]}::text[])))
      WHERE m."scopeId" = ANY(${[...scopeRowOf.values()]}::text[])
      GROUP BY 1, 2
    ),
    own AS (
      SELECT scope, key, count(*)::int AS ratings, count(DISTINCT partner)::int AS partners,
             round((percentile_cont(0.5) WITHIN GROUP (ORDER BY tenths))::numeric)::int AS median,
             (count(*) FILTER (WHERE tenths >= 800))::int AS strong,
             (count(*) FILTER (WHERE tenths >= 600 AND tenths < 800))::int AS good,
             (count(*) FILTER (WHERE tenths >= 400 AND tenths < 600))::int AS developing,
             (count(*) FILTER (WHERE tenths < 400))::int AS concern
      FROM (
        SELECT m."scopeId" AS scope, s.measure AS key, a."respondentOrgId" AS partner,
               round((s.score * 10)::numeric) AS tenths
        FROM "ReleaseScopeRating" m
        JOIN "Assessment" a ON a.id = m."assessmentId"
        JOIN "AssessmentScore" s ON s."assessmentId" = m."assessmentId" AND s.score IS NOT NULL
        WHERE m."scopeId" = ANY(${[...scopeRowOf.values()]}::text[])
      ) o
      GROUP BY 1, 2
    )
    INSERT INTO "ReleaseFigure" (id, "releaseId", "scopeId", family, key, audience, ratings, partners,
                                 "totalTenths", raised, "medianTenths", strong, good, developing, concern)
    SELECT f.id, ${releaseId}, f.scope, f.family::"ReleaseFamily", f.key, f.audience::"ReleaseAudience",
           coalesce(q.ratings, o.ratings), coalesce(q.partners, o.partners),
           CASE WHEN f.family = 'QUESTION' THEN q.total END,
           CASE WHEN f.family = 'FLAG' THEN q.raised END,
           o.median, o.strong, o.good, o.developing, o.concern
    FROM f
    LEFT JOIN answered q ON f.family IN ('QUESTION', 'FLAG') AND q.scope = f.scope AND q.key = f.key
    LEFT JOIN own o ON f.family = 'SPREAD' AND o.scope = f.scope AND o.key = f.key
    -- A figure with no rating contributing would be refused by its CHECK; it is a disagreement.
    WHERE coalesce(q.ratings, o.ratings) IS NOT NULL
    RETURNING id, ratings, partners, "totalTenths", raised, "medianTenths", strong, good, developing, concern`;
  const byId = new Map(written.map((w) => [w.id, w]));
  figures.forEach((f, i) => {
    const w = byId.get(ids[i] as string);
    if (!w || !sameValues(f, w)) throw new ReleaseMismatchError(`${f.family} at ${f.scopeId}`);
  });
}

const VIEW = { prime: "PRIME", commissioner: "COMMISSIONER" } as const;

/**
 * The principle and overall means of each published scope, for both views. The reference works them
 * from its question figures, whose totals the database has just reproduced exactly, with the same
 * function that would work them on read; stored once, a report reads a few rows per scope.
 */
async function writeMeans(
  tx: Tx,
  releaseId: string,
  release: Release,
  scopeRowOf: ReadonlyMap<string, string>,
) {
  const means = release.derived;
  if (means.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "ReleaseMean" ("scopeId", "releaseId", view, measure, "meanTenths", "basedOn")
    SELECT scope, ${releaseId}, view::"ReleaseView", measure, tenths, based
    FROM unnest(${means.map((d) => scopeRowOf.get(d.scopeId) ?? null)}::text[],
                ${means.map((d) => VIEW[d.view])}::text[], ${means.map((d) => d.measure)}::text[],
                ${means.map((d) => toTenths(d.mean))}::int[], ${means.map((d) => d.from)}::int[])
      AS m(scope, view, measure, tenths, based)`;
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
