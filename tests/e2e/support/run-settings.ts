import path from "node:path";

/** Everything of the browser tests' own under one folder, made fresh each run: never the dev database. */
export const E2E_ROOT = path.resolve(".data/e2e");
export const LOG_DIR = path.join(E2E_ROOT, "logs");

/** What the global set-up prepared, handed to the workers through the environment. */
export interface RunSettings {
  runId: string;
  authSecret: string;
  database: { kind: "postgres"; serverUrl: string; template: string } | { kind: "pglite"; template: string };
}

const VARIABLE = "CHAINWISE_E2E_RUN";

export function saveRunSettings(settings: RunSettings) {
  process.env[VARIABLE] = JSON.stringify(settings);
}

export function runSettings(): RunSettings {
  const saved = process.env[VARIABLE];
  if (!saved) throw new Error("the browser tests' global set-up has not run (tests/e2e/global-setup.ts)");
  return JSON.parse(saved) as RunSettings;
}
