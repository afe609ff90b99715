import { cpSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { dropWhenReleased } from "../../support/drop-database";
import { appPort, databasePort } from "./ports";
import { portInUse, SERVER_NODE_OPTIONS, type Started, startProcess, waitFor } from "./processes";
import { E2E_ROOT, LOG_DIR, runSettings } from "./run-settings";
import { ServerLog } from "./server-output";

/**
 * One worker's app: a copy of the run's template database and `next start` of the run's build on a
 * port of the worker's own, so workers never share state. With TEST_DATABASE_URL the copy is a
 * database on that server; without, an embedded PGlite folder served over a socket by
 * pglite-host.ts, so the app and the spec's factories can both reach it.
 */
export interface AppServer {
  url: string;
  /** The worker's database, as a postgres:// URL the spec's Prisma client connects to. */
  databaseUrl: string;
  log: ServerLog;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const NEXT_BIN = require.resolve("next/dist/bin/next");

/** Generous: under a load of two CPU burners a cold `next start` has taken 20 s here. */
const START_TIMEOUT = 120_000;

export async function startAppServer({
  parallelIndex,
  workerIndex,
  env = {},
}: {
  parallelIndex: number;
  workerIndex: number;
  env?: Record<string, string>;
}): Promise<AppServer> {
  const settings = runSettings();
  const name = `w${workerIndex}`;
  const begun = Date.now();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };

  try {
    let databaseUrl: string;
    /** Whether the app works the background queue itself (JOBS), or the embedded database's host does. */
    let jobs: "on" | "off" = "on";
    if (settings.database.kind === "postgres") {
      const { serverUrl, template } = settings.database;
      const database = `chainwise_e2e_${settings.runId}_${name}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
      await admin.end();
      stops.push(async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await dropWhenReleased(client, database);
        await client.end();
      });
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      databaseUrl = url.toString();
    } else {
      const folder = path.join(E2E_ROOT, name);
      rmSync(folder, { recursive: true, force: true });
      cpSync(settings.database.template, folder, { recursive: true });
      stops.push(async () => rmSync(folder, { recursive: true, force: true }));
      const port = databasePort(parallelIndex);
      await waitFor(`port ${port} for ${name}'s database`, async () => !(await portInUse(port)), {
        timeout: 30_000,
      });
      const host = startProcess(
        process.execPath,
        // react-server: the background jobs it runs import the app's server-only services.
        [
          "--conditions=react-server",
          "--import",
          "tsx",
          "tests/e2e/support/pglite-host.ts",
          folder,
          String(port),
        ],
        {
          env: process.env,
          stdout: path.join(LOG_DIR, `${name}-database.out.log`),
          stderr: path.join(LOG_DIR, `${name}-database.err.log`),
        },
      );
      stops.push(() => host.stop());
      await waitFor(`${name}'s embedded database on port ${port}`, () => portInUse(port), {
        timeout: START_TIMEOUT,
        exited: host.exited,
      });
      // PGlite has one user and one database and ignores the credentials.
      databaseUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
      jobs = "off";
    }

    const port = appPort(parallelIndex);
    const url = `http://127.0.0.1:${port}`;
    // The previous worker in this slot may still be stopping its server.
    await waitFor(`port ${port} for ${name}'s server`, async () => !(await portInUse(port)), {
      timeout: 30_000,
    });
    const stderr = path.join(LOG_DIR, `${name}-server.err.log`);
    const server: Started = startProcess(
      process.execPath,
      [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(port)],
      {
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          NODE_OPTIONS: SERVER_NODE_OPTIONS,
          DATABASE_URL: databaseUrl,
          JOBS: jobs,
          APP_URL: url,
          AUTH_SECRET: settings.authSecret,
          SEED_DEMO_DATA: "never",
          ...env,
        },
        stdout: path.join(LOG_DIR, `${name}-server.out.log`),
        stderr,
      },
    );
    stops.push(() => server.stop());
    await waitFor(
      `${name}'s server at ${url}`,
      async () => {
        try {
          return (await fetch(`${url}/api/health`)).status === 200;
        } catch {
          return false;
        }
      },
      { timeout: START_TIMEOUT, exited: server.exited },
    );
    // For the run's summary: how long a worker waits for its database and server.
    writeFileSync(path.join(LOG_DIR, `${name}.started`), String(Date.now() - begun));
    return { url, databaseUrl, log: new ServerLog(stderr, `${name}'s server`), stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
