import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { type DatabaseTarget, DEFAULT_DATABASE_URL, parseDatabaseUrl, redact } from "@/lib/db/target";
import type { Scale } from "./scale";

/**
 * Where benchmark data goes: its own databases, never the dev one. Seeding starts from nothing, so
 * the target is dropped first; these checks make sure it can only ever be a benchmark database.
 */

/** The private cluster .ci/postgres.sh starts for tests and benchmarks. */
export const DEFAULT_SERVER = "postgres://chainwise:chainwise@127.0.0.1:55432/postgres";

/** A file that marks a PGlite folder as benchmark data, so a wrong path is never wiped. */
const MARKER = ".chainwise-bench";

export function defaultTarget(scale: Scale, kind: "pglite" | "postgres", server = DEFAULT_SERVER): string {
  if (kind === "pglite") return `pglite:.data/bench-${scale}`;
  const url = new URL(server);
  url.pathname = `/chainwise_bench_${scale.toLowerCase()}`;
  return url.toString();
}

/** `pglite` and `postgres` name the default database of that kind for the scale. */
export function resolveTarget(
  value: string | undefined,
  scale: Scale,
  server = DEFAULT_SERVER,
): DatabaseTarget {
  const raw =
    value === undefined || value === "pglite" || value === "postgres"
      ? defaultTarget(scale, value === "postgres" ? "postgres" : "pglite", server)
      : value;
  const target = parseDatabaseUrl(raw);
  const forbidden = [DEFAULT_DATABASE_URL, process.env.DATABASE_URL, process.env.TEST_DATABASE_URL]
    .filter((url): url is string => Boolean(url))
    .map((url) => parseDatabaseUrl(url));
  if (forbidden.some((f) => sameTarget(f, target)))
    throw new Error(`${redact(raw)} is the dev or test database: benchmark data goes into its own database.`);
  if (target.kind === "pglite" && target.dataDir === null)
    throw new Error("An in-memory database would be gone before the benchmark reads it: name a folder.");
  if (target.kind === "postgres" && !/bench/.test(databaseName(target.url)))
    throw new Error(`The database name must contain "bench" (it is dropped and made again): ${redact(raw)}`);
  return target;
}

function sameTarget(a: DatabaseTarget, b: DatabaseTarget): boolean {
  if (a.kind === "pglite" && b.kind === "pglite") return a.dataDir === b.dataDir;
  if (a.kind === "postgres" && b.kind === "postgres") {
    const x = new URL(a.url);
    const y = new URL(b.url);
    return x.host === y.host && x.pathname === y.pathname;
  }
  return false;
}

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** Drops and recreates the target, empty. */
export async function recreate(target: DatabaseTarget): Promise<void> {
  if (target.kind === "pglite") {
    const dir = target.dataDir as string;
    if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(path.join(dir, MARKER)))
      throw new Error(`${dir} holds data that is not benchmark data: refusing to delete it.`);
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const name = databaseName(target.url);
  const admin = new pg.Client({ connectionString: serverUrl(target.url) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Marks a freshly made PGlite folder as benchmark data (after PGlite has created it). */
export function markBenchFolder(target: DatabaseTarget) {
  if (target.kind === "pglite" && target.dataDir) writeFileSync(path.join(target.dataDir, MARKER), "");
}

/** The same server's maintenance database, for creating and dropping others. */
export function serverUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

/** True when a PostgreSQL server answers at this URL within a few seconds. */
export async function serverAvailable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl(url), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
