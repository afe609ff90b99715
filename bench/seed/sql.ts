import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * Raw SQL on either database, for loading and for the benchmark's hand-written queries: the same
 * text runs on PGlite and on a PostgreSQL server. Parameters are $1, $2…; JSON goes in as text.
 */
export interface Sql {
  kind: "pglite" | "postgres";
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

export function pgliteSql(db: PGlite): Sql {
  return {
    kind: "pglite",
    query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    exec: async (text) => {
      await db.exec(text);
    },
    // The connection that opened it closes it.
    close: async () => {},
  };
}

export async function postgresSql(url: string): Promise<Sql> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: "postgres",
    query: async <T>(text: string, params?: unknown[]) =>
      (await client.query(text, params as unknown[])).rows as T[],
    exec: async (text) => {
      await client.query(text);
    },
    close: () => client.end(),
  };
}
