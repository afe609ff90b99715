import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/accounts";
import { budget } from "./support/budget";
import { answerPage, errorSummary, saveAndContinue } from "./support/questionnaire";
import { type SecondServer, secondPort, startSecondServer } from "./support/second-server";
import { createServerDatabase, type ServerDatabase } from "./support/server-database";
import { expect, test } from "./support/test";

/**
 * Chainwise scales out as stateless app instances on one PostgreSQL database (docs/deploy.md).
 * Two instances of the same build share a database and a secret, as behind a load balancer: what
 * a person does on one is there on the other, and so are the limits on guessing passwords, and
 * so are evidence files (docs/decisions/0016: their bytes are in the database, not on a disk).
 */

const serverUrl = process.env.TEST_DATABASE_URL;
test.skip(!serverUrl, "needs a PostgreSQL server: set TEST_DATABASE_URL (CI does)");

const PRIME = "Castlegate Employment Services Ltd";
const SECRET = "two instances share this secret, as behind a load balancer";

let database: ServerDatabase;
let one: SecondServer;
let other: SecondServer;

test.beforeAll(async () => {
  // A database copied from the run's template; each server brings its own time (startSecondServer).
  test.setTimeout(budget({ pages: 2 }));
  database = await createServerDatabase(serverUrl ?? "");
  const env = { DATABASE_URL: database.url.toString(), AUTH_SECRET: SECRET };
  [one, other] = await Promise.all([
    startSecondServer(secondPort(7), { ...env, APP_URL: `http://127.0.0.1:${secondPort(7)}` }),
    startSecondServer(secondPort(8), { ...env, APP_URL: `http://127.0.0.1:${secondPort(8)}` }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([one?.stop(), other?.stop()]);
  await database?.drop();
});

/** A browser of its own, from an address of its own (the sign-in limit counts per address). */
async function person(browser: Browser, address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return { context, page: await context.newPage() };
}

async function signInOn(page: Page, server: SecondServer, email: string, password: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a partner signs in on one instance, answers on the other, and finds the answers on the first", async ({
  browser,
}) => {
  test.setTimeout(budget({ pages: 14 }));
  const { context, page } = await person(browser, "203.0.113.170");
  await signInOn(page, one, "asha.patel@riverside.example", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  // Signed in on the other instance too: the session lives in the database, not in a process.
  await page.goto(`${other.url}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  await page.getByRole("link", { name: `Rate ${PRIME}` }).click();
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("link", { name: "Sharing risk fairly" }).click();
  await expect(page.getByText("Principle 1 of 5")).toBeVisible();
  const principle = new URL(page.url()).pathname;
  const asked = await answerPage(page);
  await saveAndContinue(page);
  await expect(page.getByText("Principle 2 of 5")).toBeVisible();

  // Saved through one instance, read through the other.
  await page.goto(`${one.url}${principle}`);
  const questions = page.locator("form fieldset");
  await expect(questions).toHaveCount(asked);
  for (let i = 0; i < asked; i++) {
    const question = questions.nth(i);
    if ((await question.locator('input[type="text"]').count()) > 0) {
      await expect(question.locator('input[type="text"]')).toHaveValue("12");
    } else {
      await expect(question.locator("input").first()).toBeChecked();
    }
  }

  // Signing out on one instance ends the session on both, even for a browser that kept its cookie.
  const cookies = await context.cookies();
  await page.goto(`${other.url}/account`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await context.addCookies(cookies);
  await page.goto(`${one.url}/dashboard`);
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("failed sign-ins count across instances: the sixth is refused wherever it is sent", async ({
  browser,
}) => {
  test.setTimeout(budget({ pages: 12 }));
  const { context, page } = await person(browser, "203.0.113.171");
  // Five failures, spread over both instances: neither has seen more than three.
  for (const [attempt, server] of [one, other, one, other, one].entries()) {
    await signInOn(page, server, "nobody@example.org", `wrong password ${attempt + 1}`);
    await expect(errorSummary(page)).toContainText("They do not match");
  }
  await signInOn(page, other, "asha.patel@riverside.example", DEMO_PASSWORD);
  await expect(errorSummary(page)).toContainText("Too many attempts");
  await context.close();
});

test("a prime uploads an evidence file through one instance, and the other serves it byte for byte", async ({
  browser,
}) => {
  test.setTimeout(budget({ pages: 10 }));
  const pdf = path.resolve("tests/fixtures/evidence/payment-run.pdf");
  const { context, page } = await person(browser, "203.0.113.172");
  await signInOn(page, one, "priya.shah@castlegate.example", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.goto(`${one.url}/dashboard`);
  await page
    .getByRole("link", { name: /^Self-assessment: / })
    .first()
    .click();
  await page.getByRole("button", { name: "Start now" }).click();
  await page.waitForURL(/\/assessments\/[^/]+$/);
  const assessment = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.goto(`${one.url}/evidence/${assessment}`);
  await page.getByLabel("Paying fairly and on time").check();
  await page.getByLabel("File", { exact: true }).setInputFiles(pdf);
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status")).toContainText("payment-run.pdf has been added as evidence.");

  await page.goto(`${other.url}/evidence/${assessment}`);
  const href = await page.getByRole("link", { name: "payment-run.pdf" }).getAttribute("href");
  const download = await page.request.get(`${other.url}${href}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
  expect((await download.body()).equals(await readFile(pdf))).toBe(true);
  await context.close();
});
