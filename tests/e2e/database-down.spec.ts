import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

/**
 * A second server from the same build, pointed at a PostgreSQL server that is not there: the health
 * endpoint must say so with a 503 rather than hang or claim all is well.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
let server: ChildProcess;

test.beforeAll(async () => {
  server = spawn("npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: "postgres://chainwise:secret@127.0.0.1:1/nowhere",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/api/health`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error("the second server did not start");
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid);
});

test("the health endpoint answers 503 when the database cannot be reached", async ({ request }) => {
  const response = await request.get(`http://127.0.0.1:${PORT}/api/health`);
  expect(response.status()).toBe(503);
  const body = await response.json();
  expect(body).toMatchObject({
    status: "unavailable",
    database: { ok: false, error: "The database cannot be reached." },
  });
  expect(JSON.stringify(body)).not.toContain("secret");
});
