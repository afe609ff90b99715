import { performance } from "node:perf_hooks";
import { createClient } from "@/lib/db/client";
import { deployMigrations, migrationStatus } from "@/lib/db/migrate";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  concurrentRequests,
  migrationChecks,
  readDuringTransaction,
  socketConnectionLimit,
} from "./adapters-checks";
import {
  type ColdResult,
  type FullResult,
  freshDatabase,
  type Option,
  openOption,
  type Prepared,
  round,
  SIZES,
  type Stats,
} from "./adapters-options";

/**
 * One option of bench/adapters.ts, in a process of its own so that start-up and memory are its
 * alone. Run by bench/adapters.ts as `adapters-workload.ts <option> <location> cold|full`; sends
 * its result to the parent. The database at <location> is already migrated.
 */

const PRINCIPLES = ["risk_sharing", "fair_payment", "capacity_building", "negotiation", "data_sharing"];
const PRIMES = 4;

const mb = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;

function stats(samples: number[], cpuMicros: number): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = samples.reduce((sum, x) => sum + x, 0);
  return {
    n: samples.length,
    totalMs: round(total),
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    cpuMsPerOp: round(cpuMicros / 1000 / samples.length),
  };
}

async function timed(n: number, run: (i: number) => Promise<unknown>): Promise<Stats> {
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  return stats(samples, used.user + used.system);
}

const answerRows = (i: number) =>
  Array.from({ length: SIZES.answers }, (_, q) => ({
    questionKey: `q${String(q + 1).padStart(2, "0")}`,
    principleKey: PRINCIPLES[q % PRINCIPLES.length] ?? "risk_sharing",
    value: ["agree", "mostly", "partly", "disagree"][(i + q) % 4] ?? "agree",
    score: (i * 7 + q * 13) % 101,
    flagged: (i + q) % 17 === 0,
  }));

/** A partner joins, its contract and cycle are recorded, and it submits a 40-answer rating. */
async function writeRating(db: PrismaClient, i: number, commissionerId: string, primeIds: string[]) {
  const primeId = primeIds[i % primeIds.length] ?? "";
  return db.$transaction(async (tx) => {
    const partner = await tx.organisation.create({
      data: { name: `Bench Community Trust ${i}`, type: "SUBCONTRACTOR", sector: "VCSE", sizeBand: "SMALL" },
    });
    const contract = await tx.contract.create({
      data: {
        commissionerId,
        reference: `BENCH-${i}`,
        title: `Bench employment support ${i}`,
        valueBand: "£1m–£10m",
        startDate: new Date("2026-04-01"),
        primes: { create: { primeId } },
      },
    });
    const cycle = await tx.cycle.create({
      data: {
        contractId: contract.id,
        name: "2026–27",
        opensAt: new Date("2026-04-01"),
        closesAt: new Date("2027-03-31"),
      },
    });
    return tx.assessment.create({
      data: {
        reference: `B${String(i).padStart(6, "0")}`,
        frameworkId: "ncvo-serco-code",
        frameworkVersion: "1.0",
        perspective: "SUBCONTRACTOR",
        contractId: contract.id,
        cycleId: cycle.id,
        primeId,
        respondentOrgId: partner.id,
        status: "SUBMITTED",
        submittedAt: new Date(),
        answers: { createMany: { data: answerRows(i) } },
      },
      select: { id: true },
    });
  });
}

/** What savePrinciple (lib/services/assessments.ts) does: claim the revision, replace a page's answers. */
async function savePage(db: PrismaClient, id: string, revision: number, i: number) {
  return db.$transaction(async (tx) => {
    const row = await tx.assessment.findFirst({ where: { id }, select: { revision: true } });
    if (!row) throw new Error("assessment not found");
    const claimed = await tx.assessment.updateMany({
      where: { id, revision },
      data: { revision: { increment: 1 } },
    });
    if (claimed.count === 0) return false;
    const page = answerRows(i).filter((a) => a.principleKey === "fair_payment");
    await tx.answer.deleteMany({ where: { assessmentId: id, principleKey: "fair_payment" } });
    await tx.answer.createMany({ data: page.map((a) => ({ ...a, assessmentId: id })) });
    return true;
  });
}

async function aggregate(db: PrismaClient) {
  return db.$queryRaw<{ primeId: string; principleKey: string; answers: number }[]>`
    SELECT a."primeId", an."principleKey", count(*)::int AS answers, avg(an.score) AS mean,
           sum(CASE WHEN an.flagged THEN 1 ELSE 0 END)::int AS flags,
           count(DISTINCT a."respondentOrgId")::int AS partners
    FROM "Answer" an JOIN "Assessment" a ON a.id = an."assessmentId"
    WHERE a.perspective = 'SUBCONTRACTOR' AND a.status = 'SUBMITTED' AND a."frameworkId" = ${"ncvo-serco-code"}
    GROUP BY a."primeId", an."principleKey"
    HAVING count(DISTINCT a."respondentOrgId") >= 3
    ORDER BY 1, 2`;
}

async function workload(db: PrismaClient) {
  const commissioner = await db.organisation.create({
    data: { name: "Bench Council", type: "COMMISSIONER" },
  });
  const primes = await Promise.all(
    Array.from({ length: PRIMES }, (_, p) =>
      db.organisation.create({ data: { name: `Bench Prime ${p} Ltd`, type: "PRIME" } }),
    ),
  );
  const primeIds = primes.map((p) => p.id);
  const ids: string[] = [];
  const writes = await timed(SIZES.writes, async (i) => {
    ids.push((await writeRating(db, i, commissioner.id, primeIds)).id);
  });
  const pick = (i: number) => ids[i % ids.length] ?? "";
  const reads = await timed(SIZES.reads, (i) =>
    db.assessment.findUnique({ where: { id: pick(i * 7) }, include: { answers: true } }),
  );
  const aggregates = await timed(SIZES.aggregates, async () => {
    const rows = await aggregate(db);
    if (rows.length !== PRIMES * PRINCIPLES.length) throw new Error(`aggregate returned ${rows.length} rows`);
  });
  const saved = pick(0);
  let revision = 0;
  const saves = await timed(SIZES.saves, async (i) => {
    if (!(await savePage(db, saved, revision, i))) throw new Error("a sequential save was refused");
    revision++;
  });

  const concurrentReads = await concurrentRequests(db, pick);

  // Twenty tabs save the same page from the same revision at once: exactly one may win.
  const target = pick(1);
  const before = await db.assessment.findUniqueOrThrow({ where: { id: target }, select: { revision: true } });
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) => savePage(db, target, before.revision, i)),
  );
  const after = await db.assessment.findUniqueOrThrow({ where: { id: target }, select: { revision: true } });
  const won = outcomes.filter((o) => o.status === "fulfilled" && o.value).length;
  const staleSaves = {
    attempts: outcomes.length,
    won,
    conflicts: outcomes.filter((o) => o.status === "fulfilled" && !o.value).length,
    errors: outcomes.flatMap((o) => (o.status === "rejected" ? [String(o.reason).slice(0, 160)] : [])),
    revisionOk: after.revision === before.revision + won,
  };
  return {
    writes,
    reads,
    aggregates,
    saves,
    concurrentReads,
    staleSaves,
    readDuringTransactionMs: await readDuringTransaction(db, target),
  };
}

/** Migrates an empty database of the option's kind with the project's runner. */
async function migrateEmpty(option: Option, prepared: Prepared) {
  const { connection, remove } = await freshDatabase(option, prepared, "empty");
  try {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const applied = await deployMigrations(connection);
    const used = process.cpuUsage(cpu);
    const ms = round(performance.now() - start);
    const status = await migrationStatus(connection);
    return {
      ms,
      cpuMs: round((used.user + used.system) / 1000),
      applied: applied.length,
      upToDate: status.upToDate,
    };
  } finally {
    await remove();
  }
}

async function main() {
  const [option, location, mode] = process.argv.slice(2) as [Option, string, "cold" | "full"];
  const prepared = JSON.parse(process.env.BENCH_PREPARED ?? "null") as Prepared;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const connection = await openOption(option, location);
  const db = createClient(connection);
  await db.organisation.count();
  const cpuUsed = process.cpuUsage(cpu);
  const cold: ColdResult = {
    coldStartMs: round(performance.now() - start),
    coldStartCpuMs: round((cpuUsed.user + cpuUsed.system) / 1000),
    rssAfterOpenMb: mb(process.memoryUsage().rss),
  };
  if (mode === "cold") {
    await db.$disconnect();
    await connection.close();
    return cold;
  }
  const measured = await workload(db);
  const usage = process.memoryUsage();
  const memory = {
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    externalMb: mb(usage.external),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  };
  await db.$disconnect();
  await connection.close();
  const result: FullResult = {
    ...cold,
    ...measured,
    memory,
    migrateEmpty: await migrateEmpty(option, prepared),
    migrationChecks: await migrationChecks(option, prepared),
    socketLimit: option === "pglite-socket" ? await socketConnectionLimit(prepared) : null,
  };
  return result;
}

main().then(
  (result) => {
    // Exit once the result is sent: the wasm schema engine leaves a 10-second timer behind after
    // migrating, which would otherwise keep this process (and the next measurement) waiting.
    process.send?.(result, () => process.exit(0));
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
