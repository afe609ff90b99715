import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { framework } from "@/lib/framework";
import { requireRecordIds } from "@/lib/ids";
import { OVERALL } from "@/lib/reports/stored-scores";
import {
  type Aggregate,
  aggregateOfRelease,
  benchmark,
  benchmarkScores,
  type MeasureBenchmark,
  type MeasureKey,
} from "@/lib/scoring";
import { createGate } from "./gate";
import { releasedSummaries } from "./releases";
import { answeredCounts, countKey, type SelfScoreRow, selfScoreRows } from "./report-counts";

/**
 * A commissioner's programme: every prime on every one of its contracts in one cycle (cycles are
 * matched by name, such as "2026–27": the release period), side by side. Each row is one prime on
 * one contract, with the principle and overall means released for it (docs/decisions/0011), read
 * through releases.ts: a national programme has thousands of rows, and the means are stored once per
 * scope, so no question figure is read. Before a release a row shows how many partners have
 * answered, nothing more.
 */

export interface ProgrammeRow {
  contract: { id: string; title: string; reference: string };
  prime: { id: string; name: string; lot: string | null };
  cycleId: string;
  roster: number;
  submitted: number;
  /** Figures for this prime on this contract have been released for the period. */
  released: boolean;
  partners: Aggregate;
  self: Partial<Record<MeasureKey, number | null>> | null;
}

export interface ProgrammeReport {
  commissioner: string;
  minResponses: number;
  /** Cycle names across the commissioner's contracts, latest opening first. */
  cycleNames: string[];
  cycleName: string | null;
  contracts: { id: string; title: string; reference: string }[];
  contractId: string | null;
  rows: ProgrammeRow[];
  /** Primes ranked by partners' figures across the rows shown. */
  benchmark: MeasureBenchmark[];
}

/**
 * A national programme's report holds thousands of rows while it is put together; two at a time
 * keep one instance's memory bounded under many readers without slowing them (ADR 0008).
 */
const assemble = createGate(2);

export async function getProgrammeReport(
  actor: Actor,
  options: { cycleName?: string; contractId?: string; now?: Date } = {},
): Promise<ProgrammeReport> {
  if (actor.organisationType !== "COMMISSIONER") throw new NotFoundError();
  if (options.contractId !== undefined) requireRecordIds(options.contractId);
  return assemble(() => programmeReport(actor, options));
}

async function programmeReport(
  actor: Actor,
  { cycleName, contractId, now = new Date() }: { cycleName?: string; contractId?: string; now?: Date },
): Promise<ProgrammeReport> {
  const programme = await db().organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: { releaseScoreThreshold: true },
  });
  const contracts = await db().contract.findMany({
    where: { commissionerId: actor.organisationId },
    select: { id: true, title: true, reference: true },
    orderBy: [{ startDate: "desc" }, { reference: "asc" }],
  });
  if (contractId && !contracts.some((c) => c.id === contractId)) throw new NotFoundError();
  const cycles = await db().cycle.findMany({
    where: { contract: { commissionerId: actor.organisationId }, opensAt: { lte: now } },
    select: { id: true, name: true, contractId: true, opensAt: true },
    orderBy: { opensAt: "desc" },
  });
  const cycleNames = [...new Set(cycles.map((c) => c.name))];
  const chosen = cycleName ?? cycleNames[0] ?? null;
  if (cycleName && !cycleNames.includes(cycleName)) throw new NotFoundError();
  const inScope = cycles.filter((c) => c.name === chosen && (!contractId || c.contractId === contractId));
  const contractIds = [...new Set(inScope.map((c) => c.contractId))];
  const awarded = await db().contractPrime.findMany({
    where: { contractId: { in: contractIds } },
    select: { primeId: true },
  });
  const primeIds = [...new Set(awarded.map((a) => a.primeId))];
  const scope = { commissionerId: actor.organisationId, primeIds, cycleIds: inScope.map((c) => c.id) };

  const [awards, roster, counts, released, selves] = await Promise.all([
    db().contractPrime.findMany({
      where: { contractId: { in: inScope.map((c) => c.contractId) } },
      select: { contractId: true, lot: true, prime: { select: { id: true, name: true } } },
      orderBy: [{ prime: { name: "asc" } }, { lot: "asc" }],
    }),
    db().supplyChainMember.groupBy({
      by: ["contractId", "primeId"],
      where: { contractId: { in: inScope.map((c) => c.contractId) }, canRate: true },
      _count: { _all: true },
    }),
    answeredCounts(framework, scope),
    chosen
      ? releasedSummaries(actor, { primeIds, periods: [chosen], levels: ["contract"], contractIds })
      : [],
    selfScoreRows(framework, scope),
  ]);
  const byContract = new Map(contracts.map((c) => [c.id, c]));
  const cycleOf = new Map(inScope.map((c) => [c.contractId, c.id]));
  // Looked up once per row: a national programme has thousands of rows, so no scanning per row.
  const rosterOf = new Map(roster.map((r) => [`${r.contractId}/${r.primeId}`, r._count._all]));
  const releasedOf = new Map(released.map((s) => [`${s.contractId}/${s.primeId}`, s]));
  const selfOf = new Map<string, SelfScoreRow[]>();
  for (const s of selves) {
    const key = `${s.cycleId}/${s.primeId}`;
    selfOf.set(key, [...(selfOf.get(key) ?? []), s]);
  }
  const rows = awards.flatMap((award): ProgrammeRow[] => {
    const contract = byContract.get(award.contractId);
    const cycleId = cycleOf.get(award.contractId);
    if (!contract || !cycleId) return [];
    const key = countKey(cycleId, award.prime.id);
    const own = selfOf.get(key) ?? [];
    const figure = releasedOf.get(`${award.contractId}/${award.prime.id}`);
    return [
      {
        contract,
        prime: { ...award.prime, lot: award.lot },
        cycleId,
        roster: rosterOf.get(`${award.contractId}/${award.prime.id}`) ?? 0,
        submitted: counts.get(key) ?? 0,
        released: figure !== undefined,
        partners: aggregateOfRelease(framework, figure && { ...figure, figures: [] }),
        self:
          own.length > 0
            ? Object.fromEntries(own.map((s) => [s.measure === OVERALL ? "overall" : s.measure, s.score]))
            : null,
      },
    ];
  });
  const rowId = (r: ProgrammeRow) => `${r.contract.id}/${r.prime.id}`;
  return {
    commissioner: actor.organisationName,
    minResponses: programme.releaseScoreThreshold,
    cycleNames,
    cycleName: chosen,
    contracts,
    contractId: contractId ?? null,
    rows,
    benchmark: benchmark(
      rows.map((r) => ({ id: rowId(r), group: r.prime.id, scores: benchmarkScores(r.partners) })),
    ),
  };
}
