import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { markDatabaseSuspect } from "./availability";
import { SerialClient } from "./serial-client";
import type { DatabaseTarget } from "./target";

/**
 * One driver-adapter factory per process, shared by the Prisma client and the migration runner.
 * See docs/decisions/0001-one-postgresql-schema-pglite-embedded.md for why PGlite is reached
 * in-process rather than over a socket.
 */
export interface Connection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded database, when there is one; tests use it to dump and load data folders. */
  pglite: PGlite | null;
  /** The server's address, when there is one: the job queue keeps a small pool of its own there. */
  url: string | null;
  /** The client's pool of server connections, when there is one: an instance that only sends jobs uses it. */
  pool: pg.Pool | null;
  /**
   * A factory for the schema engine alone, ended with `release` once it is done. Prisma's engine
   * holds a PostgreSQL advisory lock for as long as its connection lives; on a connection of its
   * own the lock ends with the migration, so instances starting together each wait their turn
   * instead of timing out behind one that has finished.
   */
  forMigrations(): { factory: SqlMigrationAwareDriverAdapterFactory; release(): Promise<void> };
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** Largest number of pooled connections to a PostgreSQL server. */
  poolSize?: number;
  /** A data folder dump to start an in-memory PGlite from (tests copy one migrated database). */
  loadDataDir?: Blob;
}

export function openConnection(target: DatabaseTarget, options: ConnectionOptions = {}): Connection {
  if (target.kind === "pglite") {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    const pglite = new PGlite(target.dataDir ?? "memory://", { loadDataDir: options.loadDataDir });
    const factory = new PrismaPGlite(pglite);
    return {
      factory,
      pglite,
      url: null,
      pool: null,
      // One process owns an embedded database, so there is no one to wait for.
      forMigrations: () => ({
        factory: wholeScripts(factory, (script) => pglite.exec(script)),
        release: async () => {},
      }),
      close: async () => {
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  // We own the pool so that closing a connection ends it; otherwise idle clients keep scripts alive.
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    // Without a timeout an unreachable server makes requests hang instead of failing fast.
    connectionTimeoutMillis: 5_000,
    Client: SerialClient,
    // No just-in-time compilation: our queries are short, and compiling one took longer than running
    // it (the programme report's rows at bench scale L: 40 ms of JIT in 150 ms). PGlite has none.
    options: "-c jit=off",
  });
  let ended = false;
  return {
    // A connection dropped by the server: the next page checks the database before it renders.
    factory: new PrismaPg(pool, { onPoolError: markDatabaseSuspect, onConnectionError: markDatabaseSuspect }),
    pglite: null,
    url: target.url,
    pool,
    forMigrations: () => {
      const own = new pg.Pool({ connectionString: target.url, max: 1, connectionTimeoutMillis: 5_000 });
      return {
        factory: wholeScripts(new PrismaPg(own), (script) => own.query(script)),
        release: () => own.end(),
      };
    },
    close: async () => {
      if (!ended) await pool.end();
      ended = true;
    },
  };
}

/**
 * The schema engine runs each migration through the adapter's executeScript, which neither adapter
 * does right: @prisma/adapter-pg 7.10 splits the script at every semicolon (so a function body or a
 * semicolon in a string breaks it), and pglite-prisma-adapter 0.7.2 does not wait for it (so a
 * failing statement is an unhandled rejection and the migration is recorded as finished). Both
 * databases run a whole multi-statement script in one call, as one implicit transaction: do that.
 * (bench/adapters-checks.ts measured both faults.)
 */
function wholeScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (script: string) => Promise<unknown>,
): SqlMigrationAwareDriverAdapterFactory {
  const connect = factory.connect.bind(factory);
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () =>
      Object.assign(await connect(), {
        executeScript: async (script: string) => {
          await run(script);
        },
      }),
  });
}
