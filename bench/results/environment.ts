import { readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";

/** The machine a run measured, written beside its figures: they mean nothing without it. */
export interface Environment {
  date: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  loadAverage: number[];
  postgres: string | null;
  pglite: string;
}

async function postgresVersion(serverUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function environment(serverUrl: string): Promise<Environment> {
  const cpus = os.cpus();
  const pglite = JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")) as {
    version: string;
  };
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    postgres: await postgresVersion(serverUrl),
    pglite: `@electric-sql/pglite ${pglite.version} (PostgreSQL 17 in WebAssembly)`,
  };
}
