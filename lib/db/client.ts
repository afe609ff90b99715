import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { type Connection, openConnection } from "./adapter";

/**
 * The one Prisma client of the process, made on first use so that `next build` never opens the
 * database. Kept on globalThis because dev-mode hot reload would otherwise open the embedded
 * database twice, and PGlite allows one owner per data folder.
 */
const holder = globalThis as unknown as { chainwiseDb?: { client: PrismaClient; connection: Connection } };

export function createClient(connection: Connection): PrismaClient {
  return new PrismaClient({ adapter: connection.factory });
}

function open() {
  if (!holder.chainwiseDb) {
    const { database, DATABASE_POOL_SIZE } = env();
    const connection = openConnection(database, { poolSize: DATABASE_POOL_SIZE });
    holder.chainwiseDb = { client: createClient(connection), connection };
  }
  return holder.chainwiseDb;
}

export function db(): PrismaClient {
  return open().client;
}

/** The client's own connection, for the migration runner: an embedded PGlite folder has one owner. */
export function dbConnection(): Connection {
  return open().connection;
}

export async function closeDb(): Promise<void> {
  const current = holder.chainwiseDb;
  holder.chainwiseDb = undefined;
  if (current) {
    await current.client.$disconnect();
    await current.connection.close();
  }
}

/** Tests only: point the process's client at a database the test opened (see tests/support/test-database.ts). */
export function useDbForTests(client: PrismaClient, connection: Connection) {
  holder.chainwiseDb = { client, connection };
}
