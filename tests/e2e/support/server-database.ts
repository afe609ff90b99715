import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropWhenReleased } from "../../support/drop-database";

/**
 * A database of its own on the PostgreSQL server at TEST_DATABASE_URL, migrated (and seeded with
 * the demo data when asked) by the project's own start-up step, for servers started by a spec.
 */
export interface ServerDatabase {
  url: URL;
  drop(): Promise<void>;
}

export async function createServerDatabase(
  serverUrl: string,
  { seed = false } = {},
): Promise<ServerDatabase> {
  const name = `chainwise_e2e_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  execFileSync("npx", ["tsx", "prisma/prepare.ts"], {
    env: { ...process.env, DATABASE_URL: url.toString(), SEED_DEMO_DATA: seed ? "auto" : "never" },
    stdio: "ignore",
  });
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await dropWhenReleased(client, name);
      await client.end();
    },
  };
}
