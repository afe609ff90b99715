import { RECHECK_AFTER_MS } from "@/lib/db/availability";
import { BUDGET, budget } from "./support/budget";
import { type SecondServer, secondPort, startSecondServer } from "./support/second-server";
import { createServerDatabase, type ServerDatabase } from "./support/server-database";
import { TcpRelay } from "./support/tcp-relay";
import { expect, test } from "./support/test";

/**
 * Servers from the same build whose database is unreachable: the health endpoint says so with a 503,
 * pages show a friendly "service unavailable" page (never a stack trace), and once the database is
 * back the app serves pages again by itself.
 */

const HTML = { Accept: "text/html" };
/** What must never reach a browser: a stack frame, an error class, the database password. */
const LEAKS = [/\bat \S+ \(/, /\bError:/, /Prisma/, /secret/, /ECONNREFUSED/];

function expectNoLeak(body: string, what: string) {
  for (const leak of LEAKS) expect(body, what).not.toMatch(leak);
}

test.describe("a database that cannot be reached", () => {
  let server: SecondServer;
  test.beforeAll(async () => {
    server = await startSecondServer(
      secondPort(1),
      { DATABASE_URL: "postgres://chainwise:secret@127.0.0.1:1/nowhere" },
      { databaseUp: false },
    );
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("the health endpoint answers 503", async ({ request }) => {
    const response = await request.get(`${server.url}/api/health`);
    expect(response.status()).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({
      status: "unavailable",
      database: { ok: false, error: "The database cannot be reached." },
    });
    expect(JSON.stringify(body)).not.toContain("secret");
  });

  test("robots.txt, security.txt and the site icon still answer 200", async ({ request }) => {
    const robots = await request.get(`${server.url}/robots.txt`);
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^User-agent: \*$/m);
    const security = await request.get(`${server.url}/.well-known/security.txt`);
    expect(security.status()).toBe(200);
    expect(security.headers()["content-type"]).toContain("text/plain");
    expect(await security.text()).toContain("Contact: mailto:security@chainwise.invalid");
    const icon = await request.get(`${server.url}/icon.svg`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("every page is a friendly 503 page, and form posts get one too", async ({ request, page }) => {
    for (const path of ["/", "/demo", "/dashboard", "/assessments/abc", "/contracts/new", "/sign-in"]) {
      const response = await request.get(`${server.url}${path}`, { headers: HTML });
      expect(response.status(), path).toBe(503);
      expect(response.headers()["retry-after"], path).toBe("30");
      const body = await response.text();
      expect(body, path).toContain("Sorry, the service is unavailable");
      expectNoLeak(body, path);
    }
    const post = await request.post(`${server.url}/demo`, {
      headers: { ...HTML, Origin: server.url },
      multipart: { organisationId: "x" },
    });
    expect(post.status()).toBe(503);

    await page.goto(`${server.url}/dashboard`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, the service is unavailable");
    await expect(page.getByText("Answers you have already saved are safe.")).toBeVisible();
  });
});

test.describe("a database that goes away and comes back", () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  test.skip(!serverUrl, "needs a PostgreSQL server: set TEST_DATABASE_URL (CI does)");

  let database: ServerDatabase;
  let relay: TcpRelay;
  let server: SecondServer;

  test.beforeAll(async () => {
    // A database copied from the run's template; the server brings its own time (startSecondServer).
    test.setTimeout(budget({ pages: 2 }));
    database = await createServerDatabase(serverUrl ?? "");
    const admin = new URL(serverUrl ?? "");
    relay = new TcpRelay(secondPort(3), { host: admin.hostname, port: Number(admin.port || 5432) });
    await relay.start();
    const relayed = new URL(database.url);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(relay.port);
    server = await startSecondServer(secondPort(4), { DATABASE_URL: relayed.toString() });
  });

  test.afterAll(async () => {
    await server?.stop();
    await relay?.cut();
    await database?.drop();
  });

  /** Asks for the home page a quarter-second apart until it answers `status`, for as long as an assertion waits. */
  async function pollHome(request: import("@playwright/test").APIRequestContext, status: number) {
    const seen: number[] = [];
    const deadline = Date.now() + BUDGET.expect;
    while (Date.now() < deadline) {
      const response = await request.get(`${server.url}/`, { headers: HTML });
      const body = await response.text();
      seen.push(response.status());
      expectNoLeak(body, `home page answering ${response.status()}`);
      if (response.status() !== 200) {
        expect([500, 503]).toContain(response.status());
        expect(body).toMatch(/Sorry, (the service is unavailable|there is a problem with the service)/);
      }
      if (response.status() === status) return seen;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the home page never answered ${status}: ${seen.join(", ")}`);
  }

  test("pages turn into the friendly 503 page while it is away, and work again when it returns", async ({
    request,
  }) => {
    expect(await pollHome(request, 200)).toEqual([200]);
    await relay.cut();
    // What is tested here is time itself: the app trusts a check for RECHECK_AFTER_MS, and after that
    // the very first page must find the database gone.
    await new Promise((resolve) => setTimeout(resolve, RECHECK_AFTER_MS + 100));
    expect(await pollHome(request, 503)).toEqual([503]);
    const health = await request.get(`${server.url}/api/health`);
    expect(health.status()).toBe(503);

    await relay.start();
    await pollHome(request, 200);
    expect((await request.get(`${server.url}/api/health`)).status()).toBe(200);
  });
});
