import "server-only";
import { z } from "zod";
import { assertCan, can } from "@/lib/access/capabilities";
import { releaseReaderOf } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { framework } from "@/lib/framework";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import { BANDS, type Band, meanOfTenths } from "@/lib/scoring/numbers";
import { type DerivedFigure, PRIME_KNOWN_QUESTIONS, type ScopeLevel } from "@/lib/scoring/release";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { KIND_OF_FAMILY, type ReleaseOutcome, storeRelease } from "./release-store";

/**
 * Releases of partners' figures (docs/decisions/0011): the only way partners' figures are
 * published, and the only way stored ones are read.
 *
 * - {@link releasePeriod}: a commissioner's administrator releases its programme's closed cycles of
 *   a period (each prime on each contract, and its pool with the commissioner).
 * - {@link releaseDue}: the same, for every programme whose period's cycles have all closed, daily.
 * - {@link releaseNational}: the operator's national release of a period, once every cycle of it
 *   has closed (`npm run release:national`).
 * - {@link releasedFigures}: the stored figures about one prime in one period that the actor may
 *   read, filtered in the query by who the actor is.
 */

export type { ReleaseOutcome } from "./release-store";

export const NOT_RELEASER = "Only your organisation's administrators can release its programme's figures.";

/** A release of a whole national programme reads and writes a lot in one transaction. */
const LONG = { timeout: 10 * 60_000, maxWait: 30_000 } as const;

const periodSchema = z
  .string()
  .trim()
  .min(1, "Name the period, such as 2026–27.")
  .max(100, "That period name is too long.")
  .refine((v) => !v.includes("\u0000"), "That period name is not valid.");

function parsePeriod(period: unknown): string {
  const parsed = periodSchema.safeParse(period);
  if (!parsed.success) throw new RuleError(parsed.error.issues[0]?.message ?? "That period is not valid.");
  return parsed.data;
}

/**
 * Releases a commissioner's programme for one period: every contract of its whose cycle of that
 * period has closed, and each prime's pool across them. Scopes released before are not released
 * again; a cycle that closes later gets its own release. Only an administrator of that commissioner,
 * re-checked inside the transaction; anyone else is refused and nothing is written.
 */
export async function releasePeriod(
  actor: Actor,
  commissionerId: string,
  period: string,
  now: Date = new Date(),
): Promise<ReleaseOutcome> {
  requireRecordIds(commissionerId);
  assertCan(actor, "releaseFigures", NOT_RELEASER);
  if (actor.organisationId !== commissionerId) throw new ForbiddenError(NOT_RELEASER);
  const userId = actor.userId;
  const name = parsePeriod(period);
  return db().$transaction(async (tx) => {
    const asking = await tx.membership.findFirst({
      where: {
        userId,
        organisationId: commissionerId,
        role: "ADMIN",
        organisation: { type: "COMMISSIONER" },
      },
      select: { id: true },
    });
    if (!asking) throw new ForbiddenError(NOT_RELEASER);
    const outcome = await storeRelease(tx, { kind: "COMMISSIONER", commissionerId, period: name, now });
    await recordAudit(
      {
        organisationId: commissionerId,
        userId,
        action: AUDIT_ACTIONS.released,
        summary: outcome.releaseId
          ? `Released partners' figures for ${name}: ${outcome.scopes} ${outcome.scopes === 1 ? "scope" : "scopes"} of ${outcome.primes} ${outcome.primes === 1 ? "prime" : "primes"}`
          : `Released partners' figures for ${name}: nothing new could be published`,
      },
      tx,
    );
    return outcome;
  }, LONG);
}

/**
 * The releases that are due, run daily with the other jobs (`npm run releases:due`): each
 * commissioner's period whose cycles have all closed, once the last of them has, and again when a
 * cycle of it closes after its last release (that cycle's contracts then get their own release; the
 * pool was published already). Each in its own transaction; a release with nothing new writes
 * nothing. The national release stays an operator's command.
 */
export async function releaseDue(now: Date = new Date()): Promise<ReleaseOutcome[]> {
  const periods = await db().$queryRaw<{ commissionerId: string; period: string }[]>`
    SELECT k."commissionerId", c.name AS period
    FROM "Cycle" c JOIN "Contract" k ON k.id = c."contractId"
    GROUP BY k."commissionerId", c.name
    HAVING max(c."closesAt") < ${now}
       AND max(c."closesAt") > coalesce(
         (SELECT max(r."cutOff") FROM "Release" r
          WHERE r."commissionerId" = k."commissionerId" AND r.period = c.name),
         '-infinity')
    ORDER BY 1, 2`;
  const outcomes: ReleaseOutcome[] = [];
  for (const { commissionerId, period } of periods) {
    outcomes.push(
      await db().$transaction(async (tx) => {
        const outcome = await storeRelease(tx, { kind: "COMMISSIONER", commissionerId, period, now });
        if (outcome.releaseId) {
          await recordAudit(
            {
              organisationId: commissionerId,
              userId: null,
              action: AUDIT_ACTIONS.released,
              summary: `Released partners' figures for ${period} once its last cycle had closed: ${outcome.scopes} ${outcome.scopes === 1 ? "scope" : "scopes"} of ${outcome.primes} ${outcome.primes === 1 ? "prime" : "primes"}`,
            },
            tx,
          );
        }
        return outcome;
      }, LONG),
    );
  }
  return outcomes;
}

/**
 * The national release of a period: each prime across every commissioner, checked against
 * everything the commissioners released. An operator's command, run after the period's last close;
 * refused while any cycle of the period is still open.
 */
export async function releaseNational(period: string, now: Date = new Date()): Promise<ReleaseOutcome> {
  const name = parsePeriod(period);
  return db().$transaction(async (tx) => {
    const open = await tx.cycle.count({ where: { name, closesAt: { gte: now } } });
    if (open > 0) {
      throw new RuleError(
        `${open} ${open === 1 ? "cycle" : "cycles"} of ${name} ${open === 1 ? "has" : "have"} not closed yet: release nationally after the last close.`,
      );
    }
    return storeRelease(tx, { kind: "NATIONAL", commissionerId: null, period: name, now });
  }, LONG);
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

interface FigureBase {
  key: string;
  /** "all", or "not-prime": never read by the prime. */
  audience: "all" | "not-prime";
  ratings: number;
  partners: number;
}

export type ReleasedFigure =
  | (FigureBase & { kind: "question"; mean: number })
  | (FigureBase & { kind: "flag"; raised: number })
  | (FigureBase & { kind: "spread"; median: number; bands: Record<Band, number> });

export interface ReleasedScope {
  scopeId: string;
  level: ScopeLevel;
  primeId: string;
  period: string;
  contractId: string | null;
  commissionerId: string | null;
  partners: number;
  ratings: number;
  releasedAt: Date;
  figures: ReleasedFigure[];
  /** Principle and overall means worked from the question figures the reader may read. */
  derived: Omit<DerivedFigure, "scopeId">[];
}

const LEVEL = { NATIONAL: "national", COMMISSIONER: "commissioner", CONTRACT: "contract" } as const;

/** A released scope as read, with its means for the reader's view (null arrays: none stored). */
type ScopeRow = Omit<ReleasedScope, "scopeId" | "level" | "figures" | "derived"> & {
  id: string;
  scopeKey: string;
  level: keyof typeof LEVEL;
  measures: string[] | null;
  tenths: number[] | null;
  based: number[] | null;
};

const figureSelect = {
  scopeId: true,
  family: true,
  key: true,
  audience: true,
  ratings: true,
  partners: true,
  totalTenths: true,
  raised: true,
  medianTenths: true,
  strong: true,
  good: true,
  developing: true,
  concern: true,
} satisfies Prisma.ReleaseFigureSelect;
type FigureRow = Prisma.ReleaseFigureGetPayload<{ select: typeof figureSelect }>;

/**
 * Who may read which released scopes of a prime, and which figures: the rule is
 * lib/access/scopes.ts `releaseReaderOf`; here it gains its SQL form, for reads of thousands of
 * scopes at once, which must say the same.
 */
function readerOf(actor: Actor, primeId: string) {
  const reader = releaseReaderOf(actor, primeId);
  if (reader === null) return null;
  if (reader.view === "prime") return { ...reader, scopesSql: Prisma.sql`TRUE` };
  return {
    ...reader,
    scopesSql: Prisma.sql`(s.level = 'NATIONAL'
        OR (s.level = 'COMMISSIONER' AND s."commissionerId" = ${actor.organisationId})
        OR (s.level = 'CONTRACT' AND EXISTS (SELECT 1 FROM "Contract" k
              WHERE k.id = s."contractId" AND k."commissionerId" = ${actor.organisationId})))`,
  };
}

/**
 * The primes of `primeIds` the actor may read, and the conditions it reads them under; null when it
 * may read none. Every such prime gets the same conditions: a prime reads only itself, and a
 * commissioner's conditions do not depend on the prime.
 */
function readersOf(actor: Actor, primeIds: readonly string[]) {
  const readable = primeIds.filter((id) => readerOf(actor, id) !== null);
  const first = readable[0];
  if (first === undefined) return null;
  return { readable, reader: readerOf(actor, first) as NonNullable<ReturnType<typeof readerOf>> };
}

/** The released figures about one prime in one period that the actor may read, widest scope first. */
export async function releasedFigures(
  actor: Actor,
  query: { primeId: string; period: string },
): Promise<ReleasedScope[]> {
  requireRecordIds(query.primeId);
  const period = parsePeriod(query.period);
  if (!readerOf(actor, query.primeId)) throw new NotFoundError();
  return releasedScopes(actor, { primeIds: [query.primeId], periods: [period] });
}

/** Which released scopes a report asks for, beside who is reading. */
export interface ReleasedQuery {
  primeIds: readonly string[];
  periods: readonly string[];
  /** Only these levels (default every level the reader may read). */
  levels?: readonly ScopeLevel[];
  /** Contract scopes of these contracts only (pools and national scopes are not filtered by it). */
  contractIds?: readonly string[];
}

const LEVEL_OF = { national: "NATIONAL", commissioner: "COMMISSIONER", contract: "CONTRACT" } as const;

/** A released scope without its figures: whom it covers, and its principle and overall means. */
export type ReleasedSummary = Omit<ReleasedScope, "figures">;

const VIEW = { prime: "PRIME", commissioner: "COMMISSIONER" } as const;

/**
 * The released scopes of several primes and periods that the actor may read, with the principle and
 * overall means stored for that reader's view, and no other figure: what a programme's report of
 * thousands of rows shows. Primes the actor may not read are left out.
 */
export async function releasedSummaries(actor: Actor, query: ReleasedQuery): Promise<ReleasedSummary[]> {
  return (await readScopes(actor, query))?.summaries ?? [];
}

/**
 * The one read path of partners' figures for every report, export and API (docs/decisions/0011):
 * the released scopes of several primes and periods that the actor may read, each with its figures
 * filtered in the query by who the actor is, and its principle and overall means for that reader's
 * view. Primes the actor may not read are left out (partners read through release-reads.ts): a
 * report then shows counts only, as before a release.
 */
export async function releasedScopes(actor: Actor, query: ReleasedQuery): Promise<ReleasedScope[]> {
  const read = await readScopes(actor, query, { figures: true });
  return read?.summaries.map((summary, i) => ({ ...summary, figures: read.figures[i] ?? [] })) ?? [];
}

async function readScopes(actor: Actor, query: ReleasedQuery, { figures = false } = {}) {
  requireRecordIds(...query.primeIds, ...(query.contractIds ?? []));
  const periods = query.periods.map(parsePeriod);
  const readers = readersOf(actor, query.primeIds);
  if (!readers || periods.length === 0) return null;
  const { readable, reader } = readers;
  const levels = query.levels?.map((l) => LEVEL_OF[l]);
  const contractIds = query.contractIds ? [...query.contractIds] : null;
  const scopes = await scopeRows(
    reader,
    Prisma.sql`s."primeId" = ANY(${readable}::text[]) AND s.period = ANY(${periods}::text[])
      AND ${levels ? Prisma.sql`s.level::text = ANY(${levels}::text[])` : Prisma.sql`TRUE`}
      AND ${contractIds ? Prisma.sql`(s.level <> 'CONTRACT' OR s."contractId" = ANY(${contractIds}::text[]))` : Prisma.sql`TRUE`}`,
  );
  if (scopes.length === 0) return { reader, summaries: [], figures: [] };
  const rowIds = scopes.map((s) => s.id);
  const figureRows = figures
    ? await db().releaseFigure.findMany({
        where: { scopeId: { in: rowIds }, ...reader.figures },
        select: figureSelect,
        orderBy: [{ family: "asc" }, { key: "asc" }],
      })
    : [];
  const figuresOf = new Map<string, ReleasedFigure[]>();
  for (const f of figureRows) {
    const list = figuresOf.get(f.scopeId);
    if (list) list.push(toFigure(f));
    else figuresOf.set(f.scopeId, [toFigure(f)]);
  }
  return {
    reader,
    summaries: scopes.map((scope) => summaryOf(scope, reader.view)),
    figures: rowIds.map((id) => figuresOf.get(id) ?? []),
  };
}

/**
 * The contract scopes of a commissioner's own contracts released for one period (or of one of
 * them), with their means in its view: the programme report's figures. Found through the
 * commissioner's contracts rather than a list of every prime and contract, which at national scale
 * cost more to plan than to run. Anyone else reads none.
 */
export async function programmeScopes(
  actor: Actor,
  query: { period: string; contractId?: string },
): Promise<ReleasedSummary[]> {
  if (query.contractId !== undefined) requireRecordIds(query.contractId);
  if (!can(actor, "readProgramme")) return [];
  const reader = readerOf(actor, actor.organisationId) as NonNullable<ReturnType<typeof readerOf>>;
  const period = parsePeriod(query.period);
  const scopes = await scopeRows(
    reader,
    Prisma.sql`s.level = 'CONTRACT' AND s.period = ${period}
      AND s."contractId" IN (SELECT k.id FROM "Contract" k WHERE k."commissionerId" = ${actor.organisationId}
        ${query.contractId ? Prisma.sql`AND k.id = ${query.contractId}` : Prisma.empty})`,
  );
  return scopes.map((scope) => summaryOf(scope, reader.view));
}

/**
 * Released scopes matching `where` (over "ReleaseScope" s) that the reader may read, each with its
 * principle and overall means for the reader's view: one statement, the means beside each scope.
 */
function scopeRows(reader: NonNullable<ReturnType<typeof readerOf>>, where: Prisma.Sql) {
  return db().$queryRaw<ScopeRow[]>`
    SELECT s.id, s."scopeKey", s.level::text AS level, s."primeId", s.period, s."contractId",
           s."commissionerId", s.partners, s.ratings,
           -- Looked up per scope: joined, the planner misjudged a few releases against thousands of scopes.
           (SELECT r."createdAt" FROM "Release" r WHERE r.id = s."releaseId") AS "releasedAt",
           m.measures, m.tenths, m.based
    FROM "ReleaseScope" s
    LEFT JOIN LATERAL (
      SELECT array_agg(measure) AS measures, array_agg("meanTenths") AS tenths, array_agg("basedOn") AS based
      FROM "ReleaseMean"
      WHERE "scopeId" = s.id AND view = ${VIEW[reader.view]}::"ReleaseView") m ON TRUE
    WHERE ${where} AND ${reader.scopesSql}
    ORDER BY s.period, s."primeId", s.level, s."scopeKey"`;
}

function summaryOf(scope: ScopeRow, view: "prime" | "commissioner"): ReleasedSummary {
  return {
    scopeId: scope.scopeKey,
    level: LEVEL[scope.level],
    primeId: scope.primeId,
    period: scope.period,
    contractId: scope.contractId,
    commissionerId: scope.commissionerId,
    partners: scope.partners,
    ratings: scope.ratings,
    releasedAt: scope.releasedAt,
    derived: (scope.measures ?? [])
      .map((measure, i) => ({
        measure,
        view,
        mean: (scope.tenths?.[i] as number) / 10,
        from: scope.based?.[i] as number,
      }))
      .sort((a, b) => MEASURE_ORDER(a.measure) - MEASURE_ORDER(b.measure)),
  };
}

/**
 * How many red flags partners raised, per released contract scope of one period that the actor may
 * read, keyed `contractId/primeId`: flag figures published with at least one partner raising them
 * (a flag is published only when it cannot single a partner out, ADR 0011). For the commissioner's
 * overview, which shows a count per row and links to the flags themselves.
 */
export async function releasedFlagCounts(
  actor: Actor,
  query: { primeIds: readonly string[]; period: string; contractIds: readonly string[] },
): Promise<Map<string, number>> {
  requireRecordIds(...query.primeIds, ...query.contractIds);
  const period = parsePeriod(query.period);
  const readers = readersOf(actor, query.primeIds);
  if (!readers) return new Map();
  const { readable, reader } = readers;
  const audience = reader.view === "prime" ? Prisma.sql`AND f.audience = 'ALL'` : Prisma.empty;
  const rows = await db().$queryRaw<{ contractId: string; primeId: string; raised: number }[]>`
    SELECT s."contractId", s."primeId", count(f.*) FILTER (WHERE f.raised > 0)::int AS raised
    FROM "ReleaseScope" s
    LEFT JOIN "ReleaseFigure" f ON f."scopeId" = s.id AND f.family = 'FLAG' ${audience}
    WHERE s."primeId" = ANY(${readable}::text[]) AND s.period = ${period} AND s.level = 'CONTRACT'
      AND s."contractId" = ANY(${[...query.contractIds]}::text[]) AND ${reader.scopesSql}
    GROUP BY s."contractId", s."primeId"`;
  return new Map(rows.map((r) => [`${r.contractId}/${r.primeId}`, r.raised]));
}

/**
 * The median of primes' overall means in a period's national release, in the commissioner's view,
 * and how many primes it is of (null and 0 before that release): where each prime sits nationally.
 */
export async function nationalMedian(
  actor: Actor,
  period: string,
): Promise<{ median: number | null; primes: number }> {
  if (!can(actor, "readProgramme")) return { median: null, primes: 0 };
  const name = parsePeriod(period);
  const [row] = await db().$queryRaw<{ median: number | null; primes: number }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m."meanTenths")::float8 AS median, count(*)::int AS primes
    FROM "ReleaseScope" s JOIN "ReleaseMean" m ON m."scopeId" = s.id
    WHERE s.period = ${name} AND s.level = 'NATIONAL' AND m.view = 'COMMISSIONER' AND m.measure = 'overall'`;
  const median = row?.median ?? null;
  return { median: median === null ? null : Math.round(median) / 10, primes: row?.primes ?? 0 };
}

/** Principles in the framework's order, then overall. */
const MEASURE_ORDER = (measure: string) => {
  const i = framework.principles.findIndex((p) => p.key === measure);
  return i === -1 ? framework.principles.length : i;
};

/**
 * Partners' evidence notes released with a scope: from the ratings the scope rests on, never linked
 * to a partner, in question then text order. The prime reads only notes partners shared with it,
 * and none about facts it sets per partner; anyone the scope is not readable by reads none.
 */
export async function releasedNotes(
  actor: Actor,
  scope: Pick<ReleasedScope, "scopeId" | "period" | "primeId">,
): Promise<{ questionKey: string; evidence: string }[]> {
  const reader = readerOf(actor, scope.primeId);
  if (!reader) return [];
  const rows = await db().answer.findMany({
    where: {
      evidence: { not: null },
      NOT: { evidence: "" },
      // A note about a fact the prime sets per partner (its fee, its payment days) points at the
      // partner as surely as a figure would, so the prime reads only the others (ADR 0011).
      ...(reader.view === "prime" ? { questionKey: { notIn: [...PRIME_KNOWN_QUESTIONS] } } : {}),
      assessment: {
        ...(reader.view === "prime" ? { notesSharedWithPrime: true } : {}),
        releaseScopes: {
          some: {
            scope: {
              period: scope.period,
              scopeKey: scope.scopeId,
              primeId: scope.primeId,
              ...reader.scopes,
            },
          },
        },
      },
    },
    select: { questionKey: true, evidence: true },
    orderBy: [{ questionKey: "asc" }, { evidence: "asc" }],
  });
  return rows.map((r) => ({ questionKey: r.questionKey, evidence: r.evidence ?? "" }));
}

function toFigure(row: FigureRow): ReleasedFigure {
  const base: FigureBase = {
    key: row.key,
    audience: row.audience === "ALL" ? "all" : "not-prime",
    ratings: row.ratings,
    partners: row.partners,
  };
  const kind = KIND_OF_FAMILY[row.family];
  if (kind === "question") return { ...base, kind, mean: meanOfTenths(row.totalTenths ?? 0, row.ratings) };
  if (kind === "flag") return { ...base, kind, raised: row.raised ?? 0 };
  const bands = Object.fromEntries(BANDS.map((band) => [band, row[band] ?? 0])) as Record<Band, number>;
  return { ...base, kind, median: (row.medianTenths ?? 0) / 10, bands };
}
