import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import { commissionedBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { frameworkFor } from "@/lib/framework";
import { requireRecordIds } from "@/lib/ids";
import { shownScores } from "@/lib/reports/lines";
import {
  type Aggregate,
  aggregateOfRelease,
  benchmark,
  type MeasureBenchmark,
  type MeasureKey,
} from "@/lib/scoring";
import { createGate, createSharedRuns } from "./gate";
import { programmeScopes } from "./releases";
import { programmeAwards } from "./report-counts";

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
  /** The framework version the row's cycle asked, and its figures are read by. */
  frameworkVersion: string;
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
  /** The contract the report is narrowed to, when it is. */
  contract: { id: string; title: string; reference: string } | null;
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

/** Readers of the same programme report share its runs, each run starting after they asked. */
const shared = createSharedRuns<ProgrammeReport>();

export async function getProgrammeReport(
  actor: Actor,
  options: { cycleName?: string; contractId?: string; now?: Date } = {},
): Promise<ProgrammeReport> {
  assertCan(actor, "readProgramme");
  if (options.contractId !== undefined) requireRecordIds(options.contractId);
  const now = options.now ?? new Date();
  const { period, names } = await periodOf(actor, options.cycleName, now);
  // A name no cycle of the programme has opened under is never queried with.
  if (options.cycleName !== undefined && period === null) throw new NotFoundError();
  const key = JSON.stringify([
    actor.organisationId,
    actor.organisationName,
    options.cycleName ?? null,
    options.contractId ?? null,
    options.now?.toISOString() ?? null,
    period?.released ?? null,
  ]);
  // Without a moment given, the run reads as of when it starts, after every caller sharing it asked.
  const work = () =>
    assemble(() => programmeReport(actor, { ...options, cycleNames: names, now: options.now ?? new Date() }));
  return shared(key, work, period?.closed ? { keepMs: KEEP_CLOSED_MS, staleMs: STALE_CLOSED_MS } : {});
}

/**
 * How long a closed period's report answers further readers. Once every cycle of the period has
 * closed, nothing partners or primes submit can change it (no rating or self-assessment is taken
 * after a cycle closes), and a new release changes the key; what is left to change is the
 * programme's own lists (rosters, lots, names), which a reader then sees up to this late. Under 50
 * readers of a national programme, putting it together again every 5 s was a tenth of the page's
 * cost and most of its garbage (bench/changes.md, section 8).
 */
const KEEP_CLOSED_MS = 60_000;

/**
 * After that, up to this long, the kept report still answers at once while one reader's request
 * puts a new one together: under load, readers queueing behind each refresh were most of the
 * programme page's latency (bench/changes.md, section 8). So what the programme's own lists say
 * reaches readers within a few minutes at most; released figures, never late.
 */
const STALE_CLOSED_MS = 5 * 60_000;

/** The period the report is of, whether all its cycles have closed, and its latest release. */
async function periodOf(actor: Actor, cycleName: string | undefined, now: Date) {
  const periods = await db().$queryRaw<{ name: string; closed: boolean; released: Date | null }[]>`
    SELECT c.name, bool_and(c."closesAt" < ${now}) AS closed,
           (SELECT max(r."createdAt") FROM "Release" r WHERE r.period = c.name) AS released
    FROM "Cycle" c JOIN "Contract" k ON k.id = c."contractId"
    WHERE k."commissionerId" = ${actor.organisationId} AND c."opensAt" <= ${now}
    GROUP BY c.name
    ORDER BY max(c."opensAt") DESC`;
  const period = cycleName === undefined ? periods[0] : periods.find((p) => p.name === cycleName);
  return {
    period: period
      ? { name: period.name, closed: period.closed, released: period.released?.toISOString() ?? null }
      : null,
    /** Every period the programme's cycles have opened in, latest opening first. */
    names: periods.map((p) => p.name),
  };
}

/** For the benchmark's cold timings: no report is kept. */
export const forgetProgrammeReports = () => shared.forget();

async function programmeReport(
  actor: Actor,
  {
    cycleName,
    contractId,
    cycleNames,
    now = new Date(),
  }: { cycleName?: string; contractId?: string; cycleNames: string[]; now?: Date },
): Promise<ProgrammeReport> {
  const period = cycleName ?? cycleNames[0];
  // Everything at once: the rows and the released scopes find the programme's cycles and contracts
  // of the period themselves, so nothing waits for lists of them (bench/changes.md, section 8).
  const [programme, contract, awards, released] = await Promise.all([
    db().organisation.findUniqueOrThrow({
      where: { id: actor.organisationId },
      select: { releaseScoreThreshold: true },
    }),
    contractId
      ? db().contract.findFirst({
          where: { id: contractId, ...commissionedBy(actor) },
          select: { id: true, title: true, reference: true },
        })
      : null,
    period
      ? programmeAwards({
          commissionerId: actor.organisationId,
          period,
          contractId,
          openedBy: now,
        })
      : [],
    period ? programmeScopes(actor, { period, contractId }) : [],
  ]);
  if (contractId && !contract) throw new NotFoundError();
  if (cycleName && !cycleNames.includes(cycleName)) throw new NotFoundError();
  const chosen = period ?? null;
  // Looked up once per row: a national programme has thousands of rows, so no scanning per row.
  const releasedOf = new Map(released.map((s) => [`${s.contractId}/${s.primeId}`, s]));
  // One object per contract, shared by its rows.
  const contracts = new Map<string, ProgrammeRow["contract"]>();
  const rows = awards.map((award): ProgrammeRow => {
    let contract = contracts.get(award.contractId);
    if (!contract) {
      contract = { id: award.contractId, title: award.contractTitle, reference: award.contractReference };
      contracts.set(award.contractId, contract);
    }
    const figure = releasedOf.get(`${award.contractId}/${award.primeId}`);
    return {
      contract,
      prime: { id: award.primeId, name: award.primeName, lot: award.lot },
      cycleId: award.cycleId,
      frameworkVersion: award.frameworkVersion,
      roster: award.roster,
      submitted: award.submitted,
      released: figure !== undefined,
      // Each row read by its cycle's framework version (one per period): a version 2 period's rows
      // list version 2's questions.
      partners: aggregateOfRelease(
        frameworkFor(award.frameworkId, award.frameworkVersion),
        figure && { ...figure, figures: [] },
      ),
      // Stored under the measures' own keys, "overall" among them.
      self: award.self as ProgrammeRow["self"],
    };
  });
  const rowId = (r: ProgrammeRow) => `${r.contract.id}/${r.prime.id}`;
  return {
    commissioner: actor.organisationName,
    minResponses: programme.releaseScoreThreshold,
    cycleNames,
    cycleName: chosen,
    contract,
    contractId: contractId ?? null,
    rows,
    benchmark: benchmark(
      rows.map((r) => ({ id: rowId(r), group: r.prime.id, scores: shownScores(r.partners) })),
    ),
  };
}
