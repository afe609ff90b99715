import type { PGlite } from "@electric-sql/pglite";
import { type Connection, openConnection } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrate";
import { type DatabaseTarget, describeTarget } from "@/lib/db/target";
import { expectedRows, loadWorld } from "./load";
import { buildPool } from "./pool";
import { Progress } from "./progress";
import { RELEASED_PERIOD, type ReleaseTiming, releaseWorld } from "./release";
import { type Scale, sizeOf } from "./scale";
import { pgliteSql, postgresSql, type Sql } from "./sql";
import { markBenchFolder, recreate } from "./target";
import { benchIds, buildWorld, type World } from "./world";

export interface SeedResult {
  scale: Scale;
  database: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** The closed period released after loading, as production would: every programme, then nationally. */
  release: ReleaseTiming;
}

/** The moment the world is released and its reports are read: the 2025–26 cycles have closed. */
export const BENCH_NOW = new Date("2026-12-01T12:00:00Z");

/** Opens a benchmark database, applying the app's own migrations first (as `npm start` would). */
export async function openBench(target: DatabaseTarget): Promise<{ connection: Connection; sql: Sql }> {
  if (target.kind === "postgres") {
    // The schema engine keeps its advisory lock for as long as its session lives: migrate on a
    // connection of its own and close it, or the server's own migrate step waits for ever.
    const migrating = openConnection(target, { poolSize: 1 });
    try {
      await deployMigrations(migrating);
    } finally {
      await migrating.close();
    }
  }
  const connection = openConnection(target, { poolSize: 10 });
  if (target.kind === "pglite") await deployMigrations(connection);
  const sql =
    target.kind === "pglite" ? pgliteSql(connection.pglite as PGlite) : await postgresSql(target.url);
  return { connection, sql };
}

/** True when the database holds this generator's data at this scale, complete. */
export async function isSeeded(sql: Sql, scale: Scale): Promise<boolean> {
  const [row] = await sql.query<{ found: boolean; assessments: number; released: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "Organisation" WHERE id = $1) AS found,
            (SELECT count(*)::int FROM "Assessment") AS assessments,
            EXISTS (SELECT 1 FROM "Release" WHERE kind = 'NATIONAL' AND period = $2) AS released`,
    [benchIds.commissioner(0), RELEASED_PERIOD],
  );
  return row?.found === true && row.assessments === sizeOf(scale).assessments && row.released;
}

/** The world for a scale: who the benchmark acts as comes from here too, without reading the database. */
export function worldFor(scale: Scale): World {
  return buildWorld(scale, buildPool());
}

/** Drops the target, migrates it, and writes the scale's synthetic data. */
export async function seed(scale: Scale, target: DatabaseTarget): Promise<SeedResult> {
  await recreate(target);
  const { connection, sql } = await openBench(target);
  markBenchFolder(target);
  try {
    const pool = buildPool();
    const world = buildWorld(scale, pool);
    const progress = new Progress(`seed ${scale}`, expectedRows(world, pool));
    await loadWorld(sql, world, pool, progress);
    // Fresh statistics and a visibility map, as a database that has been running a while has.
    await sql.exec("VACUUM ANALYZE");
    const seconds = progress.seconds;
    progress.finish(
      `${describeTarget(target)}, ${progress.rows.toLocaleString("en-GB")} rows in ${seconds.toFixed(1)} s`,
    );
    process.stderr.write(`release ${scale}: every programme's ${RELEASED_PERIOD}, then nationally…\n`);
    const release = await releaseWorld(connection, BENCH_NOW);
    process.stderr.write(
      `release ${scale}: ${release.scopes.toLocaleString("en-GB")} scopes in ${release.commissionerSeconds} s + ${release.nationalSeconds} s\n`,
    );
    await sql.exec("VACUUM ANALYZE");
    return {
      scale,
      database: describeTarget(target),
      rows: progress.rows,
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(progress.rows / seconds),
      release,
    };
  } finally {
    await sql.close();
    await connection.close();
  }
}
