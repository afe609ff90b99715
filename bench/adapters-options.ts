import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { type Connection, openConnection } from "@/lib/db/adapter";

/**
 * The three ways bench/adapters.ts reaches a database. Each one goes through the project's own
 * openConnection (lib/db/adapter.ts), so what is measured is what the app would run.
 */
export const OPTIONS = ["pglite-adapter", "pglite-socket", "postgres"] as const;
export type Option = (typeof OPTIONS)[number];

export const LABELS: Record<Option, string> = {
  "pglite-adapter": "(a) PGlite, pglite-prisma-adapter",
  "pglite-socket": "(b) PGlite over pglite-socket, @prisma/adapter-pg",
  postgres: "(c) PostgreSQL 15 server, @prisma/adapter-pg",
};

/** Milliseconds to two decimals, for the results. */
export const round = (ms: number) => Math.round(ms * 100) / 100;

/** The app's default DATABASE_POOL_SIZE; the socket server accepts as many connections. */
export const POOL_SIZE = 10;

/**
 * Opens one option. `location` is a PGlite data folder (null: in memory) for the PGlite options,
 * or a database URL for the server.
 */
export async function openOption(option: Option, location: string | null): Promise<Connection> {
  if (option === "pglite-adapter") return openConnection({ kind: "pglite", dataDir: location });
  if (option === "postgres") {
    if (!location) throw new Error("the postgres option needs a database URL");
    return openConnection({ kind: "postgres", url: location }, { poolSize: POOL_SIZE });
  }
  return serveOverSocket(location, POOL_SIZE);
}

/** PGlite in this process, served on a loopback port, reached by pg and @prisma/adapter-pg. */
export async function serveOverSocket(
  dataDir: string | null,
  maxConnections: number,
  poolSize = maxConnections,
): Promise<Connection> {
  const pglite = new PGlite(dataDir ?? "memory://");
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections });
  await server.start();
  // PGlite has one user and one database and ignores the credentials.
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
  const client = openConnection({ kind: "postgres", url }, { poolSize });
  return {
    factory: client.factory,
    pglite,
    url,
    pool: client.pool,
    // The socket server may take a single connection: migrations share the pool's.
    forMigrations: () => ({ factory: client.factory, release: async () => {} }),
    close: async () => {
      await client.close();
      await server.stop();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** A new database on the server (empty, or a copy of a template), and a function that drops it. */
export async function scratchDatabase(serverUrl: string, name: string, template: string | null = null) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Where the workload finds what bench/adapters.ts prepared. */
export interface Prepared {
  /** A server role with CREATEDB, or null to skip the server. */
  serverUrl: string | null;
  /** A migrated database on that server with no sessions, to copy with CREATE DATABASE … TEMPLATE. */
  serverTemplate: string | null;
  /** PGlite folders to copy for each new embedded database: fresh from initdb, and migrated. */
  pglite: { empty: string; migrated: string };
}

let fresh = 0;

/** A new database of the option's kind, opened, and a function that closes and removes it. */
export async function freshDatabase(option: Option, prepared: Prepared, from: "empty" | "migrated") {
  fresh++;
  if (option === "postgres") {
    if (!prepared.serverUrl || !prepared.serverTemplate) throw new Error("no server to make a database on");
    const template = from === "migrated" ? prepared.serverTemplate : null;
    const scratch = await scratchDatabase(
      prepared.serverUrl,
      `chainwise_adr_${process.pid}_${fresh}`,
      template,
    );
    const connection = await openOption(option, scratch.url);
    return {
      connection,
      remove: async () => {
        await connection.close();
        await scratch.drop();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "chainwise-bench-fresh-"));
  cpSync(prepared.pglite[from], dir, { recursive: true });
  const connection = await openOption(option, dir);
  await connection.pglite?.waitReady;
  return {
    connection,
    remove: async () => {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface MigrationOutcome {
  /** deploy threw (the runner reports the failure). */
  threw: string | null;
  /** _prisma_migrations says the extra migration finished. */
  recordedFinished: boolean;
  /** What the extra migration left in the database. */
  effect: string | null;
  /** An error that escaped as an unhandled promise rejection. */
  unhandled: string | null;
}

export interface MigrationChecks {
  /** `COMMENT ON … IS 'a; b; c'`: a semicolon inside a string literal. */
  semicolonInString: MigrationOutcome;
  /** `CREATE TABLE …; SELECT * FROM missing;`: a migration whose second statement fails. */
  failingStatement: MigrationOutcome;
}

export interface Stats {
  n: number;
  totalMs: number;
  medianMs: number;
  p95Ms: number;
  /** Process CPU time (user + system) per operation: the client's, and PGlite's when embedded. */
  cpuMsPerOp: number;
}

export interface ColdResult {
  /** Open the connection, make the Prisma client, answer the first query. */
  coldStartMs: number;
  /** The same in process CPU time (user + system), less disturbed by other work on the machine. */
  coldStartCpuMs: number;
  rssAfterOpenMb: number;
}

export interface FullResult extends ColdResult {
  writes: Stats;
  reads: Stats;
  aggregates: Stats;
  saves: Stats;
  concurrentReads: {
    requests: number;
    inFlight: number;
    ms: number;
    perSecond: number;
    errors: number;
    wrong: number;
  };
  staleSaves: { attempts: number; won: number; conflicts: number; errors: string[]; revisionOk: boolean };
  readDuringTransactionMs: number;
  migrateEmpty: { ms: number; cpuMs: number; applied: number; upToDate: boolean };
  memory: { rssMb: number; heapUsedMb: number; externalMb: number; peakRssMb: number };
  migrationChecks: MigrationChecks;
  socketLimit: string | null;
}

export const SIZES = { writes: 100, answers: 40, reads: 200, aggregates: 50, saves: 200, concurrent: 400 };
