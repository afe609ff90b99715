import os from "node:os";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./tests/e2e/chromium";
import { BUDGET } from "./tests/e2e/support/budget";
import { MAX_WORKERS } from "./tests/e2e/support/ports";

/**
 * Browser tests run against the production build (`next start`), built once per run by the global
 * set-up. Every worker serves it from a database of its own, copied from a template with the demo
 * data (tests/e2e/support/test.ts; docs/decisions/0009-browser-tests-per-worker-servers.md): never
 * the dev database. E2E_WORKERS chooses how many workers; docs/testing.md says how many suit a machine.
 */
const workers = Math.min(
  MAX_WORKERS,
  Number(process.env.E2E_WORKERS ?? Math.max(1, Math.min(2, os.availableParallelism()))),
);

export default defineConfig({
  testDir: "tests/e2e",
  // Browser tests are *.spec.ts; *.test.ts beside the harness are unit tests run by Vitest.
  testMatch: "**/*.spec.ts",
  globalSetup: "./tests/e2e/global-setup.ts",
  // A spec's tests run in order in one worker; specs are spread over the workers.
  fullyParallel: false,
  workers,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: BUDGET.test,
  expect: { timeout: BUDGET.expect },
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
      },
    },
  ],
});
