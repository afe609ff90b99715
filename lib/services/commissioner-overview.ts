import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import { commissionedBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { worstFirst } from "@/lib/reports/concern";
import { type Band, bandOf, round1 } from "@/lib/scoring/numbers";
import { createSharedRuns } from "./gate";
import { getProgrammeReport, type ProgrammeRow } from "./programme-report";
import { nationalMedian, releasedFlagCounts } from "./releases";

/**
 * A commissioner's landing view (issue 17): every prime on its contracts in the latest released
 * period, worst first, with what a commissioner asks first: band, red flags, the gap between the
 * prime's claim and its partners, the change since the previous release, the response rate, and
 * where it sits against primes nationally. Built on the programme report of each period (released
 * figures only, ADR 0011), so it shows nothing a commissioner could not read there.
 */

export interface OverviewRow {
  contract: { id: string; title: string; reference: string; serviceArea: string | null };
  prime: { id: string; name: string; lot: string | null };
  cycleId: string;
  /** Partners' overall mean in the release; null when nothing was released for this row. */
  overall: number | null;
  band: Band | null;
  /** Red flags partners raised, among those published. */
  flags: number | null;
  /** The prime's own overall minus its partners', when both exist. */
  gap: number | null;
  /** Partners' overall now minus in the previous release, when both exist on the same framework version. */
  change: number | null;
  /** Partners' overall minus the national median of primes, when both exist. */
  againstNational: number | null;
  /** Partners' ratings the released figures rest on (how precisely they are shown), else answered so far. */
  submitted: number;
  roster: number;
  responseRate: number | null;
}

export interface Overview {
  commissioner: string;
  /** The latest period with a release of this programme; null before any. */
  period: string | null;
  previousPeriod: string | null;
  nationalMedian: number | null;
  /** How many primes' national figures the median is of. */
  nationalPrimes: number;
  /** Lots across the rows, for the filter. */
  lots: string[];
  /** Service areas across the rows, for the filter; null for contracts that do not state one. */
  serviceAreas: (string | null)[];
  rows: OverviewRow[];
}

const overallOf = (row: ProgrammeRow): number | null =>
  row.partners.suppressed || row.partners.overall.suppressed ? null : row.partners.overall.mean;

const key = (row: { contract: { id: string }; prime: { id: string } }) =>
  `${row.contract.id}/${row.prime.id}`;

/** Readers of the same overview share its runs; it is kept while no release changes it. */
const shared = createSharedRuns<Overview>();

/**
 * How long an overview answers further readers: its figures change only with a release (which
 * changes its key), its rows' rosters and names as the programme report's may (ADR 0008). It is
 * the commissioner's landing page, read on every visit.
 */
const KEEP_MS = 60_000;

/** `now` is for tests: given, nothing is kept or shared across moments. */
export async function getCommissionerOverview(actor: Actor, now?: Date): Promise<Overview> {
  assertCan(actor, "readProgramme");
  const periods = await releasedPeriods(actor.organisationId, now ?? new Date());
  const key = JSON.stringify([
    actor.organisationId,
    actor.organisationName,
    periods.slice(0, 2),
    now ?? null,
  ]);
  return shared(key, () => overview(actor, periods, now), { keepMs: now ? 0 : KEEP_MS });
}

async function overview(actor: Actor, periods: ReleasedPeriod[], now: Date | undefined): Promise<Overview> {
  const [period, previousPeriod] = [periods[0]?.name ?? null, periods[1]?.name ?? null];
  if (!period) {
    return {
      commissioner: actor.organisationName,
      period,
      previousPeriod,
      nationalMedian: null,
      nationalPrimes: 0,
      lots: [],
      serviceAreas: [],
      rows: [],
    };
  }
  const [report, previous, median] = await Promise.all([
    // Without a moment, so the programme's kept reports serve it (a moment would make a new key).
    getProgrammeReport(actor, { cycleName: period, ...(now ? { now } : {}) }),
    previousPeriod ? getProgrammeReport(actor, { cycleName: previousPeriod, ...(now ? { now } : {}) }) : null,
    nationalMedian(actor, period),
  ]);
  const contractIds = [...new Set(report.rows.map((r) => r.contract.id))];
  const [flags, areas] = await Promise.all([
    releasedFlagCounts(actor, {
      primeIds: [...new Set(report.rows.map((r) => r.prime.id))],
      period,
      contractIds,
    }),
    serviceAreasOf(actor, contractIds),
  ]);
  // A change is read only between periods of the same framework version: across versions the
  // overall means are of different questions (trends compare only the unchanged ones).
  const before = new Map(
    (previous?.rows ?? []).map((r) => [key(r), { overall: overallOf(r), version: r.frameworkVersion }]),
  );
  const rows = report.rows.map((row): OverviewRow => {
    const overall = overallOf(row);
    const self = row.self?.overall ?? null;
    const prior = before.get(key(row));
    const earlier = prior && prior.version === row.frameworkVersion ? prior.overall : null;
    return {
      contract: { ...row.contract, serviceArea: areas.get(row.contract.id) ?? null },
      prime: row.prime,
      cycleId: row.cycleId,
      overall,
      band: overall === null ? null : bandOf(overall),
      flags: overall === null ? null : (flags.get(key(row)) ?? 0),
      gap: overall !== null && self !== null ? round1(self - overall) : null,
      change: overall !== null && earlier !== null ? round1(overall - earlier) : null,
      againstNational: overall !== null && median.median !== null ? round1(overall - median.median) : null,
      submitted: row.submitted,
      roster: row.roster,
      responseRate: row.roster > 0 ? round1((row.submitted * 100) / row.roster) : null,
    };
  });
  return {
    commissioner: actor.organisationName,
    period,
    previousPeriod,
    nationalMedian: median.median,
    nationalPrimes: median.primes,
    lots: [...new Set(rows.flatMap((r) => (r.prime.lot ? [r.prime.lot] : [])))].sort(),
    serviceAreas: [...new Set(rows.map((r) => r.contract.serviceArea))],
    rows: worstFirst(rows),
  };
}

/** The service area of each of the commissioner's own contracts among these. */
async function serviceAreasOf(actor: Actor, contractIds: string[]): Promise<Map<string, string | null>> {
  const contracts = await db().contract.findMany({
    where: { ...commissionedBy(actor), id: { in: contractIds } },
    select: { id: true, serviceArea: true },
  });
  return new Map(contracts.map((c) => [c.id, c.serviceArea]));
}

/** A period this programme has released, and when anything of it was last released (its key). */
interface ReleasedPeriod {
  name: string;
  released: Date;
}

/** The periods this programme has released, latest opening first. */
async function releasedPeriods(commissionerId: string, now: Date): Promise<ReleasedPeriod[]> {
  return db().$queryRaw<ReleasedPeriod[]>`
    SELECT c.name, (SELECT max(r."createdAt") FROM "Release" r WHERE r.period = c.name) AS released
    FROM "Cycle" c JOIN "Contract" k ON k.id = c."contractId"
    WHERE k."commissionerId" = ${commissionerId} AND c."opensAt" <= ${now}
      AND EXISTS (SELECT 1 FROM "Release" r
                  WHERE r.kind = 'COMMISSIONER' AND r."commissionerId" = ${commissionerId} AND r.period = c.name)
    GROUP BY c.name
    ORDER BY max(c."opensAt") DESC`;
}
