import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { type Connection, openConnection } from "@/lib/db/adapter";
import { createClient, useDbForTests } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dropWhenReleased } from "./drop-database";

export type DatabaseKind = "pglite" | "postgres";

/** An open test database, as tests use it; {@link useTestDatabase} closes it for them. */
export interface OpenTestDatabase {
  kind: DatabaseKind;
  client: PrismaClient;
  connection: Connection;
  /** The server URL of a PostgreSQL test database, for opening a second pool (a second "instance"). */
  url: string | null;
  /** Also makes this the database the app's services use (lib/db/client). */
  use(): void;
}

export interface TestDatabase extends OpenTestDatabase {
  close(): Promise<void>;
}

/** The databases integration tests run on: embedded PGlite always, a PostgreSQL server when configured. */
export function testDatabaseKinds(): DatabaseKind[] {
  return inject("postgresTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh database of the given kind: migrated (copied from the run's template), or with
 * `empty: true` a brand-new one with no tables, for testing migrations themselves.
 */
export async function openTestDatabase(kind: DatabaseKind, { empty = false } = {}): Promise<TestDatabase> {
  if (kind === "pglite") {
    const dump = empty ? undefined : new Blob([await readFile(inject("pgliteTemplate"))]);
    const connection = openConnection({ kind: "pglite", dataDir: null }, { loadDataDir: dump });
    return wrap(kind, connection, null, async () => {});
  }
  const server = inject("postgresTemplate");
  if (!server) throw new Error("TEST_DATABASE_URL is not set, so there is no PostgreSQL server to test on");
  const name = `chainwise_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${empty ? "" : ` TEMPLATE ${server.template}`}`);
  const url = new URL(server.serverUrl);
  url.pathname = `/${name}`;
  const connection = openConnection({ kind: "postgres", url: url.toString() }, { poolSize: 5 });
  return wrap(kind, connection, url.toString(), async () => {
    await dropWhenReleased(admin, name);
    await admin.end();
  });
}

function wrap(
  kind: DatabaseKind,
  connection: Connection,
  url: string | null,
  drop: () => Promise<void>,
): TestDatabase {
  const client = createClient(connection);
  return {
    kind,
    client,
    connection,
    url,
    use: () => useDbForTests(client, connection),
    close: async () => {
      await client.$disconnect();
      await connection.close();
      await drop();
    },
  };
}

/**
 * The database of one describe block: a fresh copy of the migrated template (or, with `empty`, a
 * database with no tables) opened before its tests and closed after them. It is the database the
 * app's services use, made so again before each test, so a test that pointed them elsewhere cannot
 * leak into the next. Call it in the body of `describe.each(testDatabaseKinds())`; read `client` and the rest
 * inside hooks and tests, once it is open.
 */
export function useTestDatabase(kind: DatabaseKind, { empty = false } = {}): OpenTestDatabase {
  let database: TestDatabase | undefined;
  const open = () => {
    if (!database) throw new Error("The test database opens in beforeAll: use it inside hooks and tests");
    return database;
  };
  beforeAll(async () => {
    database = await openTestDatabase(kind, { empty });
    database.use();
  });
  beforeEach(() => {
    open().use();
  });
  afterAll(async () => {
    await database?.close();
    database = undefined;
  });
  return {
    kind,
    get client() {
      return open().client;
    },
    get connection() {
      return open().connection;
    },
    get url() {
      return open().url;
    },
    use: () => open().use(),
  };
}

/**
 * A database of its own for part of one test (a second database to restore into, a new one to
 * migrate), closed when `run` ends however it ends.
 */
export async function withTestDatabase<T>(
  kind: DatabaseKind,
  options: { empty?: boolean },
  run: (database: OpenTestDatabase) => Promise<T>,
): Promise<T> {
  const database = await openTestDatabase(kind, options);
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}
