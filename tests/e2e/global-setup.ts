import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import pg from "pg";
import { dropWhenReleased } from "../support/drop-database";
import { killLeftovers } from "./support/processes";
import { E2E_ROOT, type RunSettings, saveRunSettings } from "./support/run-settings";
import { reportServerOutput } from "./support/server-output";

/**
 * Once per run, before any worker starts: builds the app when its sources are newer than the last
 * build, and prepares the template database every worker copies (migrated, with the demo data).
 * Each worker then serves the same build from a copy of its own (tests/e2e/support/app-server.ts;
 * docs/decisions/0009-browser-tests-per-worker-servers.md).
 */
export default async function globalSetup(_config: FullConfig) {
  const started = Date.now();
  rmSync(E2E_ROOT, { recursive: true, force: true });
  mkdirSync(path.join(E2E_ROOT, "logs"), { recursive: true });

  const runId = randomBytes(4).toString("hex");
  const serverUrl = process.env.TEST_DATABASE_URL;
  const kind = process.env.E2E_DATABASE ?? (serverUrl ? "postgres" : "pglite");
  if (kind !== "postgres" && kind !== "pglite") throw new Error(`E2E_DATABASE must be postgres or pglite`);
  if (kind === "postgres" && !serverUrl) throw new Error("E2E_DATABASE=postgres needs TEST_DATABASE_URL");

  const settings: RunSettings = {
    runId,
    // Random per run and shared by every server of the run, so no server falls back to .data/auth-secret.
    authSecret: randomBytes(32).toString("base64url"),
    database:
      kind === "postgres"
        ? { kind, serverUrl: serverUrl ?? "", template: `chainwise_e2e_${runId}_template` }
        : { kind, template: path.join(E2E_ROOT, "template") },
  };

  let templateUrl: string;
  if (settings.database.kind === "postgres") {
    const admin = new pg.Client({ connectionString: settings.database.serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${settings.database.template}`);
    await admin.end();
    const url = new URL(settings.database.serverUrl);
    url.pathname = `/${settings.database.template}`;
    templateUrl = url.toString();
  } else {
    templateUrl = `pglite:${settings.database.template}`;
  }

  // The same step `npm start` runs first: build when stale, migrate, write the demo data.
  const prepared = spawnSync("npx", ["tsx", "prisma/prepare.ts", "--build"], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: templateUrl,
      AUTH_SECRET: settings.authSecret,
      SEED_DEMO_DATA: "auto",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  if (prepared.status !== 0)
    throw new Error("Preparing the browser tests' build and database failed (above).");
  saveRunSettings(settings);
  console.info(`e2e: build and template database ready in ${Math.round((Date.now() - started) / 1000)} s`);

  return async () => {
    killLeftovers();
    if (settings.database.kind === "postgres") {
      const admin = new pg.Client({ connectionString: settings.database.serverUrl });
      await admin.connect();
      await dropWhenReleased(admin, settings.database.template);
      await admin.end();
    }
    reportServerOutput();
  };
}
