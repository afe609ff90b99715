import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createClient } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "@/lib/db/schema-engine";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  freshDatabase,
  type MigrationChecks,
  type Option,
  POOL_SIZE,
  type Prepared,
  round,
  SIZES,
  serveOverSocket,
} from "./adapters-options";

/**
 * Correctness checks for bench/adapters.ts: concurrent requests, how the project's migration
 * runner behaves on each option when a migration is unusual or fails (each on a fresh copy of
 * the migrated database), and what pglite-socket does with more connections than it accepts.
 */

/**
 * Many requests at once, as several browser tabs or users would send them: two shapes of query
 * with different parameters, every answer checked, so that requests whose protocol messages got
 * mixed up on one PGlite backend would show as wrong answers.
 */
export async function concurrentRequests(db: PrismaClient, pick: (i: number) => string) {
  const inFlight = POOL_SIZE;
  let errors = 0;
  let wrong = 0;
  const start = performance.now();
  let nextRequest = 0;
  const request = async (i: number) => {
    if (i % 2) {
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT ${i}::int AS n, 'other shape' AS shape`;
      return row?.n === i;
    }
    const row = await db.assessment.findUnique({ where: { id: pick(i) }, select: { id: true } });
    return row?.id === pick(i);
  };
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (nextRequest < SIZES.concurrent) {
        await request(nextRequest++).then(
          (right) => {
            if (!right) wrong++;
          },
          () => errors++,
        );
      }
    }),
  );
  const ms = performance.now() - start;
  return {
    requests: SIZES.concurrent,
    inFlight,
    ms: round(ms),
    perSecond: Math.round((SIZES.concurrent / ms) * 1000),
    errors,
    wrong,
  };
}

/** How long a read waits while another request keeps an interactive transaction open for 200 ms. */
export async function readDuringTransaction(db: PrismaClient, id: string) {
  let entered = () => {};
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const holder = db.$transaction(async (tx) => {
    await tx.assessment.findUnique({ where: { id }, select: { id: true } });
    entered();
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  await inside;
  const start = performance.now();
  await db.assessment.findUnique({ where: { id }, select: { id: true } });
  const waited = round(performance.now() - start);
  await holder;
  return waited;
}

const CASES = {
  semicolonInString: {
    sql: `COMMENT ON TABLE "Organisation" IS 'Commissioners; primes; partners';\n`,
    effect: `SELECT obj_description('"Organisation"'::regclass) AS effect`,
  },
  failingStatement: {
    sql: `CREATE TABLE "BenchLeftover" (id integer);\nSELECT * FROM bench_no_such_table;\n`,
    effect: `SELECT CASE WHEN to_regclass('"BenchLeftover"') IS NULL THEN NULL ELSE 'table "BenchLeftover" created' END AS effect`,
  },
};

/** Prisma's messages quote the calling code first; the driver's reason is on the last line. */
const lastLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).trim().split("\n").pop()?.trim() ?? "";

const message = (error: unknown) =>
  (error instanceof Error ? error.message : String(error))
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");

async function runCase(option: Option, prepared: Prepared, name: keyof typeof CASES) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chainwise-bench-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  mkdirSync(path.join(dir, "29991231000000_bench_case"));
  writeFileSync(path.join(dir, "29991231000000_bench_case", "migration.sql"), CASES[name].sql);

  let unhandled: string | null = null;
  const onUnhandled = (reason: unknown) => {
    unhandled = message(reason);
  };
  process.on("unhandledRejection", onUnhandled);
  const { connection, remove } = await freshDatabase(option, prepared, "migrated");
  const db = createClient(connection);
  try {
    let threw: string | null = null;
    await deployMigrations(connection, dir).catch((error: unknown) => {
      threw = message(error);
    });
    const [row] = await db.$queryRawUnsafe<{ finished: boolean }[]>(
      `SELECT finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE migration_name = '29991231000000_bench_case'`,
    );
    const [effect] = await db.$queryRawUnsafe<{ effect: string | null }[]>(CASES[name].effect);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { threw, recordedFinished: row?.finished ?? false, effect: effect?.effect ?? null, unhandled };
  } finally {
    process.off("unhandledRejection", onUnhandled);
    await db.$disconnect();
    await remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function migrationChecks(option: Option, prepared: Prepared): Promise<MigrationChecks> {
  return {
    semicolonInString: await runCase(option, prepared, "semicolonInString"),
    failingStatement: await runCase(option, prepared, "failingStatement"),
  };
}

/**
 * pglite-socket accepts one connection unless told otherwise. A pool of two against a server
 * that accepts one: what does the second request get?
 */
export async function socketConnectionLimit(prepared: Prepared): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chainwise-bench-socket-"));
  cpSync(prepared.pglite.empty, dir, { recursive: true });
  const connection = await serveOverSocket(dir, 1, 2);
  const db = createClient(connection);
  try {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
    const results = await Promise.allSettled(
      [0, 1].map(() =>
        db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await pause();
        }),
      ),
    );
    const failed = results.flatMap((r) => (r.status === "rejected" ? [lastLine(r.reason)] : []));
    return failed.length ? `refused: ${failed.join("; ")}` : "both requests answered";
  } finally {
    await db.$disconnect();
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
