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
      // One process owns an embedded database, so there is no one to wait for.
      forMigrations: () => ({ factory, release: async () => {} }),
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
  });
  let ended = false;
  return {
    // A connection dropped by the server: the next page checks the database before it renders.
    factory: new PrismaPg(pool, { onPoolError: markDatabaseSuspect, onConnectionError: markDatabaseSuspect }),
    pglite: null,
    forMigrations: () => {
      const own = new pg.Pool({ connectionString: target.url, max: 1, connectionTimeoutMillis: 5_000 });
      return { factory: wholeScripts(new PrismaPg(own), own), release: () => own.end() };
    },
    close: async () => {
      if (!ended) await pool.end();
      ended = true;
    },
  };
}

/**
 * @prisma/adapter-pg 7.10 runs a migration by splitting it at every ";" and sending the pieces one
 * by one, which breaks a function body (a trigger's) or a comment holding one. PostgreSQL runs a
 * whole script sent as one simple query, in one implicit transaction, as `prisma migrate deploy`
 * does; PGlite's adapter already sends it whole.
 */
function wholeScripts(factory: PrismaPg, pool: pg.Pool): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const convert = (adapter as unknown as { onError?: (error: unknown) => never }).onError?.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        if (convert) convert(error);
        throw error;
      }
    };
    return adapter;
  };
  return factory;
}
