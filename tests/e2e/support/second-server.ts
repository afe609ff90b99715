import { createRequire } from "node:module";
import path from "node:path";
import { test } from "@playwright/test";
import { BUDGET, extendBudget } from "./budget";
import { specServerPort } from "./ports";
import { SERVER_NODE_OPTIONS, startProcess, waitFor } from "./processes";
import { LOG_DIR, runSettings } from "./run-settings";
import { describeUnexpected, ServerLog } from "./server-output";

/**
 * Another `next start` of the same build, on its own port and environment, for what the worker's
 * server cannot show (no database, HTTPS settings, two instances). Its stderr is held to the same
 * rules as the worker's (expected-output.ts) when it stops. Stopped by its process group: only what
 * it started.
 */
export interface SecondServer {
  url: string;
  stop(): Promise<void>;
}

/** Ports next to the worker servers', one offset (1 to 8) for each spec's server (see ports.ts). */
export const secondPort = specServerPort;

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * `databaseUp: false` for a server whose database is unreachable on purpose: any answer from
 * /api/health means it is serving. Otherwise it is ready once /api/health answers 200.
 */
export async function startSecondServer(
  port: number,
  env: Record<string, string>,
  { databaseUp = true }: { databaseUp?: boolean } = {},
): Promise<SecondServer> {
  extendBudget(BUDGET.server);
  const spec = path.basename(test.info().file);
  const name = `${spec.replace(/\.spec\.ts$/, "")}-${port}`;
  const stderr = path.join(LOG_DIR, `${name}.err.log`);
  const server = startProcess(
    process.execPath,
    [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_OPTIONS: SERVER_NODE_OPTIONS,
        AUTH_SECRET: runSettings().authSecret,
        // Background jobs belong to the worker's own server (or its database's host); a spec that
        // wants them here says so.
        JOBS: "off",
        ...env,
      },
      stdout: path.join(LOG_DIR, `${name}.out.log`),
      stderr,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      `the server on port ${port}`,
      async () => {
        try {
          const health = await fetch(`${url}/api/health`);
          return !databaseUp || health.status === 200;
        } catch {
          return false;
        }
      },
      { timeout: BUDGET.server, exited: server.exited },
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  const log = new ServerLog(stderr, `the ${spec} server on port ${port}`);
  return {
    url,
    stop: async () => {
      await server.stop();
      const unexpected = log.check(spec);
      log.saveCounts(name);
      if (unexpected.length > 0) throw new Error(describeUnexpected(log, unexpected));
    },
  };
}
