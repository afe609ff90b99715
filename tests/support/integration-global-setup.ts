import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openConnection } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrate";

/**
 * Migrates one template database per run, so each test file starts from a copy instead of
 * replaying migrations: a dumped PGlite data folder always, and a PostgreSQL template database when
 * TEST_DATABASE_URL names a server. Tests never touch the dev database.
 */
export const PGLITE_TEMPLATE = path.resolve(".data/test/pglite-template.tar.gz");

export default async function setup(project: TestProject) {
  const pglite = openConnection({ kind: "pglite", dataDir: null });
  try {
    await deployMigrations(pglite);
    const dump = await pglite.pglite?.dumpDataDir("gzip");
    if (!dump) throw new Error("PGlite did not dump its data folder");
    await mkdir(path.dirname(PGLITE_TEMPLATE), { recursive: true });
    await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  project.provide("pgliteTemplate", PGLITE_TEMPLATE);

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide("postgresTemplate", null);
    return;
  }
  const template = `chainwise_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const connection = openConnection({ kind: "postgres", url: url.toString() }, { poolSize: 1 });
  try {
    await deployMigrations(connection);
  } finally {
    await connection.close();
  }
  project.provide("postgresTemplate", { serverUrl, template });

  return async () => {
    // Databases copied from the template are dropped by their own test files.
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: { serverUrl: string; template: string } | null;
  }
}
