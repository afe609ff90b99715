import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./tests/e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Browser tests run against the production build (`next start`) on a database of their own,
 * `.data/e2e`, made fresh with the demo data for every run: never the dev database.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL,
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
  webServer: {
    command: `rm -rf .data/e2e && tsx prisma/prepare.ts --build && next start --hostname 127.0.0.1 --port ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: "pglite:.data/e2e",
      APP_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      SEED_DEMO_DATA: "auto",
    },
  },
});
