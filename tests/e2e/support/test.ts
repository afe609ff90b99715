import path from "node:path";
import { type BrowserContext, test as base, expect, type TestInfo } from "@playwright/test";
import { openConnection } from "@/lib/db/adapter";
import { createClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type AppServer, startAppServer } from "./app-server";
import { EXPECTED_BROWSER_ERRORS } from "./expected-output";
import { describeUnexpected } from "./server-output";

/**
 * The browser tests' `test`: import it from here, never from @playwright/test. Each worker gets its
 * own database and `next start` (worker fixtures `app` and `db`); each test gets the worker's
 * server as its baseURL, a client address of its own, and fails on anything unexpected the server
 * writes to stderr or a page logs as a console error while it runs.
 */
export interface WorkerFixtures {
  /**
   * Extra environment for this worker's server, e.g. `test.use({ serverEnv: { DEMO_MODE: "off" } })`:
   * tests that ask for a different one run in a worker (and on a server and database) of their own.
   */
  serverEnv: Record<string, string>;
  app: AppServer;
  /** A Prisma client on the worker's database, for tests/support/factories.ts and ./world.ts. */
  db: PrismaClient;
}

export interface TestFixtures {
  /** A client address no other test in this worker uses (sign-in limits count per address). */
  clientAddress: string;
  checkOutput: { watch(context: BrowserContext): void };
}

let previousSpec: string | null = null;
let addresses = 0;
/** 198.18.0.0/15 is reserved for testing; one address per test, never reused in a worker. */
export function newClientAddress() {
  const n = ++addresses;
  return `198.${18 + (Math.floor(n / 65_536) % 2)}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  serverEnv: [{}, { scope: "worker", option: true }],

  app: [
    async ({ serverEnv }, use, workerInfo) => {
      const app = await startAppServer({
        parallelIndex: workerInfo.parallelIndex,
        workerIndex: workerInfo.workerIndex,
        env: serverEnv,
      });
      const startUp = app.log.check(null);
      try {
        if (startUp.length > 0) throw new Error(describeUnexpected(app.log, startUp));
        await use(app);
      } finally {
        await app.stop();
        app.log.saveCounts(`w${workerInfo.workerIndex}`);
      }
      // What the server wrote after the last test, or while stopping.
      const late = app.log.check(null);
      if (late.length > 0) throw new Error(describeUnexpected(app.log, late));
    },
    { scope: "worker", timeout: 180_000 },
  ],

  db: [
    async ({ app }, use) => {
      const connection = openConnection({ kind: "postgres", url: app.databaseUrl }, { poolSize: 2 });
      const client = createClient(connection);
      await use(client);
      await client.$disconnect();
      await connection.close();
    },
    { scope: "worker" },
  ],

  baseURL: async ({ app }, use) => {
    await use(app.url);
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  clientAddress: async ({}, use) => {
    await use(newClientAddress());
  },

  extraHTTPHeaders: async ({ clientAddress }, use) => {
    await use({ "x-forwarded-for": clientAddress });
  },

  checkOutput: [
    async ({ app, browser }, use, testInfo) => {
      const spec = path.basename(testInfo.file);
      // What a server wrote after the previous test ended is held to that test's spec's rules.
      const late = app.log.check(previousSpec);
      if (late.length > 0) {
        throw new Error(
          `After the previous test (${previousSpec}) ended: ${describeUnexpected(app.log, late)}`,
        );
      }
      previousSpec = spec;
      const errors: string[] = [];
      const watched = new WeakSet<BrowserContext>();
      const watch = (context: BrowserContext) => {
        if (watched.has(context)) return;
        watched.add(context);
        context.on("console", (message) => {
          if (message.type() !== "error") return;
          const text = `console.error: ${message.text()} (at ${message.location().url || message.page()?.url()})`;
          if (!expectedInBrowser(text, spec)) errors.push(text);
        });
        context.on("weberror", (error) => errors.push(`uncaught in the page: ${error.error().message}`));
      };
      // Contexts a test opens itself, as well as its own `context`.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args);
        watch(context);
        return context;
      };
      try {
        await use({ watch });
      } finally {
        browser.newContext = newContext;
      }
      const unexpected = app.log.check(spec);
      if (unexpected.length > 0) {
        await attachServerOutput(testInfo, unexpected);
        throw new Error(describeUnexpected(app.log, unexpected));
      }
      if (errors.length > 0) {
        throw new Error(
          `The page logged ${errors.length} unexpected error(s) (tests/e2e/support/expected-output.ts):\n` +
            errors.join("\n"),
        );
      }
    },
    { auto: true },
  ],

  context: async ({ context, checkOutput }, use) => {
    checkOutput.watch(context);
    await use(context);
  },
});

function expectedInBrowser(text: string, spec: string) {
  return EXPECTED_BROWSER_ERRORS.some(
    (rule) => rule.message.test(text) && (rule.specs === "any" || rule.specs.includes(spec)),
  );
}

async function attachServerOutput(testInfo: TestInfo, entries: string[]) {
  await testInfo.attach("server stderr", { body: entries.join("\n---\n"), contentType: "text/plain" });
}

export { expect };
