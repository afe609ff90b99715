import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Connection } from "./adapter";
import { deployMigrations } from "./migrate";
import { MIGRATIONS_DIR, readMigrations } from "./schema-engine";

/**
 * A backup of the whole database as JSON lines, taken in one consistent snapshot:
 *
 *   {"format":"chainwise-dump","version":1,"migration":"<last applied>","migrations":[…],…}   header
 *   {"table":"Organisation","row":{…}}                                                        one per row
 *   {"end":true,"rows":<count>}                                                               trailer
 *
 * Rows are PostgreSQL's own JSON of each row (`row_to_json`), read back by `json_populate_recordset`,
 * so every type comes back exactly: timestamps, dates, JSON answers, floats, big integers. Tables
 * are written parents first (by their foreign keys), rows in primary-key order, so the same
 * database always gives the same file. The migration history is not copied: an import replays the
 * migrations up to the dump's, loads the rows, then applies any newer migrations.
 */

export const DUMP_FORMAT = "chainwise-dump";
export const DUMP_VERSION = 1;

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  /** The last migration applied to the database the dump was taken from. */
  migration: string | null;
  migrations: string[];
  exportedAt: string;
  tables: string[];
}

export class DumpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DumpError";
  }
}

type Queryable = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function appliedMigrations(client: Queryable): Promise<string[]> {
  const exists = await client.$queryRawUnsafe<{ present: boolean }[]>(
    `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) return [];
  const rows = await client.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

interface TableInfo {
  name: string;
  primaryKey: string[];
  /** Columns that point at another row of the same table (a correction's `supersedesId`). */
  selfReferences: { column: string; target: string }[];
}

/** The application's tables, parents before children. */
export async function appTables(client: Queryable): Promise<TableInfo[]> {
  const tables = (
    await client.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       ORDER BY table_name`,
    )
  ).map((t) => t.name);
  const keys = await client.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT c.relname AS "table", a.attname AS "column"
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary ORDER BY c.relname, k.ord`,
  );
  const foreign = await client.$queryRawUnsafe<
    { child: string; parent: string; column: string; target: string }[]
  >(
    `SELECT cc.relname AS child, pc.relname AS parent, ca.attname AS "column", pa.attname AS target
     FROM pg_constraint f
     JOIN pg_class cc ON cc.oid = f.conrelid
     JOIN pg_class pc ON pc.oid = f.confrelid
     JOIN pg_namespace n ON n.oid = cc.relnamespace AND n.nspname = 'public'
     JOIN pg_attribute ca ON ca.attrelid = f.conrelid AND ca.attnum = f.conkey[1]
     JOIN pg_attribute pa ON pa.attrelid = f.confrelid AND pa.attnum = f.confkey[1]
     WHERE f.contype = 'f'`,
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const fk of foreign) if (fk.child === table && fk.parent !== table) visit(fk.parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered.map((name) => ({
    name,
    primaryKey: keys.filter((k) => k.table === name).map((k) => k.column),
    selfReferences: foreign
      .filter((f) => f.child === name && f.parent === name)
      .map((f) => ({ column: f.column, target: f.target })),
  }));
}

/** Each row as PostgreSQL's JSON text, in primary-key order, parents of self-references first. */
async function tableRows(client: Queryable, table: TableInfo): Promise<string[]> {
  const order = table.primaryKey.length ? table.primaryKey.map(quote).join(", ") : "1";
  const rows = await client.$queryRawUnsafe<{ row: string }[]>(
    `SELECT row_to_json(t)::text AS row FROM ${quote(table.name)} t ORDER BY ${order}`,
  );
  const texts = rows.map((r) => r.row);
  if (table.selfReferences.length === 0) return texts;
  // A row must follow the row it points at; corrections chain, so order by depth.
  const parsed = texts.map((text) => JSON.parse(text) as Record<string, unknown>);
  const depth = new Map<number, number>();
  const byTarget = new Map<string, number>();
  for (const ref of table.selfReferences) {
    for (const [i, row] of parsed.entries()) byTarget.set(`${ref.target}:${String(row[ref.target])}`, i);
  }
  const depthOf = (i: number, seen = new Set<number>()): number => {
    const known = depth.get(i);
    if (known !== undefined) return known;
    if (seen.has(i)) return 0;
    seen.add(i);
    let d = 0;
    for (const ref of table.selfReferences) {
      const value = parsed[i]?.[ref.column];
      const parent = value == null ? undefined : byTarget.get(`${ref.target}:${String(value)}`);
      if (parent !== undefined) d = Math.max(d, depthOf(parent, seen) + 1);
    }
    depth.set(i, d);
    return d;
  };
  return texts
    .map((text, i) => ({ text, d: depthOf(i), i }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((r) => r.text);
}

/** Writes the dump line by line (each without its newline) from one consistent snapshot. */
export async function exportDump(
  client: PrismaClient,
  write: (line: string) => void | Promise<void>,
  now = new Date(),
): Promise<{ rows: number; tables: number }> {
  const lines = await client.$transaction(
    async (tx) => {
      const migrations = await appliedMigrations(tx);
      const tables = await appTables(tx);
      const header: DumpHeader = {
        format: DUMP_FORMAT,
        version: DUMP_VERSION,
        migration: migrations.at(-1) ?? null,
        migrations,
        exportedAt: now.toISOString(),
        tables: tables.map((t) => t.name),
      };
      const out = [JSON.stringify(header)];
      for (const table of tables) {
        for (const row of await tableRows(tx, table))
          out.push(`{"table":${JSON.stringify(table.name)},"row":${row}}`);
      }
      return out;
    },
    { isolationLevel: "RepeatableRead", timeout: 10 * 60_000, maxWait: 30_000 },
  );
  for (const line of lines) await write(line);
  const rows = lines.length - 1;
  await write(JSON.stringify({ end: true, rows }));
  return { rows, tables: (JSON.parse(lines[0] ?? "{}") as DumpHeader).tables.length };
}

function parseHeader(line: string | undefined): DumpHeader {
  let header: Partial<DumpHeader>;
  try {
    header = JSON.parse(line ?? "") as Partial<DumpHeader>;
  } catch {
    throw new DumpError("This file is not a Chainwise dump: its first line is not JSON.");
  }
  if (header.format !== DUMP_FORMAT) throw new DumpError("This file is not a Chainwise dump.");
  if (header.version !== DUMP_VERSION) {
    throw new DumpError(
      `This dump is in format version ${String(header.version)}; this version of Chainwise reads version ${DUMP_VERSION}.`,
    );
  }
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    throw new DumpError("This dump's header is incomplete.");
  }
  return header as DumpHeader;
}

const isPrefix = (prefix: readonly string[], list: readonly string[]) =>
  prefix.every((name, i) => list[i] === name);

/**
 * Restores a dump into an empty database: refuses one that holds any rows, or that is migrated past
 * the dump. Migrates to the dump's migration, loads every row in one transaction, then applies the
 * newer migrations, if any. Returns how many rows were loaded.
 */
export async function importDump(
  connection: Connection,
  client: PrismaClient,
  lines: AsyncIterable<string> | Iterable<string>,
  dir = MIGRATIONS_DIR,
): Promise<{ rows: number; migration: string | null; applied: string[] }> {
  const iterator = (Symbol.asyncIterator in lines ? lines : toAsync(lines))[Symbol.asyncIterator]();
  const header = parseHeader((await iterator.next()).value);
  const known = (await readMigrations(dir)).migrationDirectories.map((m) => m.path);
  if (!isPrefix(header.migrations, known)) {
    throw new DumpError(
      `This dump was taken at migration ${header.migration}, which this version of Chainwise does not have. Import it with the version that made it, or a newer one.`,
    );
  }
  const applied = await appliedMigrations(client);
  if (!isPrefix(applied, header.migrations)) {
    throw new DumpError(
      `The database is already migrated past this dump (to ${applied.at(-1)}). Import into a new, empty database.`,
    );
  }
  for (const table of applied.length ? await appTables(client) : []) {
    const [{ count } = { count: 0 }] = await client.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ${quote(table.name)}`,
    );
    if (count > 0) {
      throw new DumpError(
        `The database is not empty: table ${table.name} has ${count} row(s). Import only into a new, empty database, so nothing is overwritten or mixed.`,
      );
    }
  }

  await deployMigrations(connection, dir, { upTo: header.migration });
  const tables = new Set((await appTables(client)).map((t) => t.name));
  for (const name of header.tables) {
    if (!tables.has(name)) throw new DumpError(`The dump has a table ${name} that the database does not.`);
  }

  const rows = await client.$transaction(
    async (tx) => {
      let count = 0;
      let ended: number | null = null;
      let batch: { table: string; rows: string[] } | null = null;
      const flush = async () => {
        if (!batch || batch.rows.length === 0) return;
        await tx.$executeRawUnsafe(
          `INSERT INTO ${quote(batch.table)} SELECT * FROM json_populate_recordset(NULL::${quote(batch.table)}, $1::json)`,
          `[${batch.rows.join(",")}]`,
        );
        batch = null;
      };
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const line = next.value.trim();
        if (!line) continue;
        if (ended !== null) throw new DumpError("The dump has lines after its end.");
        const entry = JSON.parse(line) as { table?: string; row?: unknown; end?: boolean; rows?: number };
        if (entry.end) {
          ended = entry.rows ?? -1;
          continue;
        }
        if (typeof entry.table !== "string" || !tables.has(entry.table) || typeof entry.row !== "object") {
          throw new DumpError(`Line ${count + 2} of the dump is not a row of a known table.`);
        }
        // The row's text as written, not re-serialised: big integers keep every digit.
        const row = line.slice(line.indexOf(',"row":') + 7, -1);
        if (batch === null || batch.table !== entry.table || batch.rows.length >= 500) {
          await flush();
          batch = { table: entry.table, rows: [] };
        }
        batch.rows.push(row);
        count++;
      }
      await flush();
      if (ended === null)
        throw new DumpError("The dump is cut short: it has no end line. Nothing was imported.");
      if (ended !== count)
        throw new DumpError(`The dump says it has ${ended} rows but has ${count}. Nothing was imported.`);
      return count;
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  const newer = await deployMigrations(connection, dir);
  return { rows, migration: header.migration, applied: newer };
}

async function* toAsync<T>(items: Iterable<T>): AsyncIterable<T> {
  yield* items;
}
