import type { Page } from "@playwright/test";
import { type SecondServer, secondPort, startSecondServer } from "./support/second-server";
import { expect, test } from "./support/test";

/**
 * The headers of real responses from `next start`, and proof that pages still hydrate and forms still
 * work under the Content-Security-Policy, with JavaScript and without, with no violation reported.
 */

const policyOf = (header: string | undefined) =>
  new Map(
    (header ?? "").split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  const policy = policyOf(headers["content-security-policy"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
}

/** Records CSP violations and console errors from the moment the page starts. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

test("every response carries the security headers, and each page a fresh nonce on all its scripts", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/demo", "/how-scoring-works", "/sign-in", "/no-such-page"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    const headers = response.headers();
    expectSecurityHeaders(headers);
    // Served over plain HTTP in this test: no HSTS, no upgrade.
    expect(headers["strict-transport-security"]).toBeUndefined();
    const scriptSrc = policyOf(headers["content-security-policy"]).get("script-src") ?? [];
    const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce ?? "");
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
    expect(html, path).not.toMatch(/\sstyle="/);
  }
  expect(nonces.size).toBe(5);

  for (const path of ["/api/health", "/api/auth/get-session"]) {
    expectSecurityHeaders((await request.get(path)).headers());
  }
  const html = await (await request.get("/")).text();
  const asset = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(asset).toBeTruthy();
  const script = await request.get(asset ?? "");
  expect(script.status()).toBe(200);
  expect(script.headers()["x-content-type-options"]).toBe("nosniff");
});

test("under the policy the page hydrates and a form submits through JavaScript, with no violation", async ({
  page,
  context,
}) => {
  const problems = await watch(page);
  await page.goto("/demo");
  // A marker on window survives only if nothing reloads the page: proof React handled the form.
  await page.evaluate(() => {
    (window as unknown as { marker: string }).marker = "still here";
  });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
    "Choose an organisation",
  );
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("still here");

  await page.getByLabel("Riverside Community Trust", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("still here");
  await page.getByRole("link", { name: "Chainwise", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Evidence on how primes treat their supply chains",
  );
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("still here");
  expect(problems).toEqual([]);

  const demo = (await context.cookies()).find((c) => c.name === "chainwise-demo-org");
  expect(demo).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("the same form posts and the server renders the answer", async ({ page }) => {
    const problems = await watch(page);
    await page.goto("/demo");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
      "Choose an organisation",
    );
    await page.getByLabel("Moorland Mental Health Alliance", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  const problems = await watch(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("tom.reid@hillside.example");
  await page.getByLabel("Password", { exact: true }).fill("chainwise demo password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const session = (await context.cookies()).find((c) => c.name.endsWith("better-auth.session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  expect(problems).toEqual([]);
});

test("a form posted from another site is refused, and nothing is set", async ({ request, baseURL }) => {
  const page = await request.get("/demo");
  const html = await page.text();
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [
      m[1] ?? "",
      (m[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
    ]),
  );
  const organisationId = html.match(/name="organisationId" value="([^"]+)"/)?.[1] ?? "";
  const post = (origin: string) =>
    request.post("/demo", {
      headers: { Origin: origin },
      multipart: { ...hidden, organisationId },
      maxRedirects: 0,
    });
  const refused = await post("http://attacker.example");
  expect(refused.status()).toBe(403);
  expect(refused.headers()["set-cookie"]).toBeUndefined();
  // The same post from our own pages is accepted.
  const accepted = await post(baseURL ?? "");
  expect(accepted.status()).toBe(303);
  expect(accepted.headers()["set-cookie"]).toContain("chainwise-demo-org=");
});

test("bodies larger than the limits are refused before they are read", async ({ request, baseURL }) => {
  const origin = { Origin: baseURL ?? "" };
  const auth = await request.post("/api/auth/sign-in/email", {
    headers: origin,
    data: { email: "a@example.org", password: "x".repeat(100_000) },
  });
  expect(auth.status()).toBe(413);
  const big = {
    file: { name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(7 * 1024 * 1024, 97) },
  };
  // A server action called by script gets 413; a form posted without JavaScript is sent back to its
  // page, which says what the limit is (lib/http/body-limit.ts).
  const action = await request.post("/demo", { headers: { ...origin, "Next-Action": "0" }, multipart: big });
  expect(action.status()).toBe(413);
  // The import's own limit is 50 MB (lib/ocds/limits.ts): a larger upload is sent back to its form.
  const upload = {
    file: { name: "big.json", mimeType: "application/json", buffer: Buffer.alloc(52 * 1024 * 1024, 97) },
  };
  const form = await request.post("/contracts/import", {
    headers: origin,
    multipart: upload,
    maxRedirects: 0,
  });
  expect(form.status()).toBe(303);
  expect(form.headers().location).toMatch(/\/contracts\/import\?too-large$/);
});

test.describe("served over HTTPS (APP_URL https)", () => {
  let server: SecondServer;
  test.beforeAll(async () => {
    const port = secondPort(2);
    // Headers only: an empty in-memory database is enough for a page that reads none.
    server = await startSecondServer(port, {
      DATABASE_URL: "pglite:memory",
      APP_URL: `https://localhost:${port}`,
    });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("adds HSTS and upgrades insecure requests", async ({ request }) => {
    for (const path of ["/how-scoring-works", "/api/health"]) {
      const response = await request.get(`${server.url}${path}`);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expectSecurityHeaders(headers);
      expect(headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      expect(policyOf(headers["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
    }
  });
});
