import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropWhenReleased } from "../../support/drop-database";
import { BUDGET, extendBudget } from "./budget";
import { runSettings } from "./run-settings";

/**
 * A database of its own on the PostgreSQL server at TEST_DATABASE_URL, with the demo data, for
 * servers started by a spec: a copy of the run's template when the workers use that server too,
 * otherwise migrated and seeded by the project's own start-up step.
 */
export interface ServerDatabase {
  url: URL;
  drop(): Promise<void>;
}

export async function createServerDatabase(serverUrl: string): Promise<ServerDatabase> {
  const name = `chainwise_e2e_${randomBytes(4).toString("hex")}`;
  const settings = runSettings();
  const template =
    settings.database.kind === "postgres" && settings.database.serverUrl === serverUrl
      ? settings.database.template
      : null;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (!template) {
    extendBudget(BUDGET.server);
    execFileSync("npx", ["tsx", "prisma/prepare.ts"], {
      env: { ...process.env, DATABASE_URL: url.toString(), SEED_DEMO_DATA: "auto" },
      stdio: "ignore",
    });
  }
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
