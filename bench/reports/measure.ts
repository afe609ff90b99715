import { performance } from "node:perf_hooks";
import { framework } from "@/lib/framework";
import { forgetProgrammeReports, getProgrammeReport } from "@/lib/services/programme-report";
import { getContractReport } from "@/lib/services/reports";
import { RELEASED_PERIOD } from "../seed/release";
import { BENCH_NOW } from "../seed/seed";
import { differences, primeReportFigures, programmeReportFigures, rawFigures } from "./figures";
import { primeFigures, programmeFigures } from "./raw-sql";
import type { BenchDatabase } from "./targets";

/**
 * Times each report beside its hand-written SQL, on every database, in rounds: each round runs
 * every report on every database once, so load from other work on the machine falls on all of
 * them alike. Before timing, each report's numbers are checked against the SQL's.
 */

/** Reports are read as of the moment the world was released, and of the released period. */
export const NOW = BENCH_NOW;

export interface Timing {
  /** Median milliseconds over the rounds, with the figure cache emptied first. */
  serviceMs: number;
  /** The same call again straight after: what a reader reloading the page waits. */
  warmMs: number;
  rawMs: number;
  /** serviceMs / rawMs. */
  ratio: number;
  /** Figures compared, and whether every one agreed. */
  figures: number;
  same: boolean;
  mismatches: string[];
}

export interface DatabaseTimings {
  label: string;
  scale: string;
  kind: "pglite" | "postgres";
  programme: Timing;
  prime: Timing;
  programmeRows: number;
}

type Run = () => Promise<unknown>;

function runsFor(db: BenchDatabase) {
  const fw = { id: framework.id, version: framework.version };
  const { commissioner, prime, contractId, releasedCycleId: cycleId } = db.actors;
  return {
    programme: {
      service: () => getProgrammeReport(commissioner, { now: NOW, cycleName: RELEASED_PERIOD }),
      raw: () =>
        programmeFigures(db.sql, {
          commissionerId: commissioner.organisationId,
          cycleName: RELEASED_PERIOD,
          framework: fw,
        }),
    },
    prime: {
      service: () =>
        getContractReport(prime, contractId, { primeId: prime.organisationId, cycleId, now: NOW }),
      raw: () => primeFigures(db.sql, { contractId, primeId: prime.organisationId, cycleId, framework: fw }),
    },
  };
}

async function check(db: BenchDatabase) {
  db.use();
  const runs = runsFor(db);
  const programme = await runs.programme.service();
  const programmeRaw = rawFigures(await runs.programme.raw());
  const programmeReport = programmeReportFigures(programme);
  const primeRaw = rawFigures(await runs.prime.raw());
  const primeReport = primeReportFigures(await runs.prime.service(), primeRaw);
  return {
    programmeRows: programme.rows.length,
    programme: { figures: programmeReport.size, mismatches: differences(programmeReport, programmeRaw) },
    prime: { figures: primeReport.size, mismatches: differences(primeReport, primeRaw) },
  };
}

async function time(run: Run): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;

export async function measureReports(databases: BenchDatabase[], rounds: number): Promise<DatabaseTimings[]> {
  const checks: Awaited<ReturnType<typeof check>>[] = [];
  for (const db of databases) {
    const result = await check(db);
    checks.push(result);
    for (const [name, c] of [
      ["programme", result.programme],
      ["prime", result.prime],
    ] as const) {
      const note = c.mismatches.length ? `DIFFERENT:\n  ${c.mismatches.join("\n  ")}` : "same numbers";
      console.info(`bench: ${db.label}, ${name} report: ${c.figures} figures, ${note}`);
    }
  }
  const samples = databases.map(() => ({
    programme: { service: [] as number[], warm: [] as number[], raw: [] as number[] },
    prime: { service: [] as number[], warm: [] as number[], raw: [] as number[] },
  }));
  // One prime's report is cheap and its growth is a target, so it gets more rounds; it is measured
  // apart from the programme report so that the heavy report's work does not fall inside it.
  for (const [report, count] of [
    ["prime", rounds * 4],
    ["programme", rounds],
  ] as const) {
    // Round 0 warms caches (the server's buffers, Prisma's compiled queries) and is not counted.
    for (let r = 0; r <= count; r++) {
      for (const [i, db] of databases.entries()) {
        db.use();
        const runs = runsFor(db);
        const into = samples[i];
        if (!into) continue;
        // Alternate which goes first, so neither always finds the other's pages in cache.
        const order = r % 2 ? (["raw", "service"] as const) : (["service", "raw"] as const);
        for (const variant of order) {
          // Cold: a kept report of a closed period would answer it without any work.
          if (variant === "service") forgetProgrammeReports();
          const ms = await time(runs[report][variant]);
          if (r > 0) into[report][variant].push(ms);
          if (variant === "service") {
            const warm = await time(runs[report].service);
            if (r > 0) into[report].warm.push(warm);
          }
        }
      }
    }
    process.stderr.write(`bench: ${report} reports, ${count} rounds done\n`);
  }
  return databases.map((db, i) => {
    const s = samples[i] as (typeof samples)[number];
    const c = checks[i] as (typeof checks)[number];
    const timing = (report: "programme" | "prime"): Timing => {
      const serviceMs = median(s[report].service);
      const rawMs = median(s[report].raw);
      return {
        serviceMs: round(serviceMs),
        warmMs: round(median(s[report].warm)),
        rawMs: round(rawMs),
        ratio: round(serviceMs / rawMs, 2),
        figures: c[report].figures,
        same: c[report].mismatches.length === 0,
        mismatches: c[report].mismatches,
      };
    };
    return {
      label: db.label,
      scale: db.scale,
      kind: db.kind,
      programme: timing("programme"),
      prime: timing("prime"),
      programmeRows: c.programmeRows,
    };
  });
}
