import { writeFile } from "node:fs/promises";
import { largePackage } from "@/tests/support/ocds-files";
import { BUDGET, budget } from "./support/budget";
import { expect, test } from "./support/test";
import { actFor, newCommissioner, newPrime } from "./support/world";

/**
 * Issue 14's acceptance: a 50 MB file of 20,000 suppliers is imported in the background with its
 * progress shown, while someone else uses the app. Waits are sized to the work (a budget per
 * supplier on top of the queue's), never to the clock: the import ends when it ends.
 */

const SUPPLIERS = 20_000;

// Browser tests on the embedded database reach it through pglite-socket, which serves every
// connection as one session (docs/decisions/0017): a 47 MB upload's statement is still being sent
// when the database's host polls the queue, and PGlite loses the statement's unnamed prepared
// statement (electric-sql/pglite#1046). The app itself holds PGlite in its own process, with no
// socket; the harness cannot carry this file, so the test runs with a PostgreSQL server (CI does).
const onServer =
  (process.env.E2E_DATABASE ?? (process.env.TEST_DATABASE_URL ? "postgres" : "pglite")) === "postgres";
/** The slowest import allowed, per supplier, on the slowest machine the suite runs on (two busy cores). */
const PER_SUPPLIER_MS = 25;

test("a 20,000-supplier file shows progress and completes while another browser loads the dashboard", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  test.skip(!onServer, "needs a PostgreSQL server: set TEST_DATABASE_URL (CI does)");
  const work = BUDGET.job + SUPPLIERS * PER_SUPPLIER_MS;
  test.setTimeout(budget({ pages: 8 }) + work);
  const council = await newCommissioner(db);
  await actFor(page, council);
  const file = test.info().outputPath("framework.json");
  const bytes = largePackage({ buyer: council.name, suppliers: SUPPLIERS, run: `${Date.now()}` });
  await writeFile(file, bytes);
  const contracts = Math.ceil(SUPPLIERS / 25);

  await page.goto("/contracts/import");
  await page.getByLabel("Upload an OCDS file").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/contracts\/import\/[a-z0-9]+$/, { timeout: BUDGET.expect * 4 });
  // Progress in contracts worked through, once the file has been read, while it is under way.
  const progress = page.getByRole("status").filter({ hasText: `of ${contracts} contracts worked through` });
  await expect(progress).toBeVisible({ timeout: work });
  await expect(page.getByRole("progressbar")).toHaveAttribute("max", String(contracts));

  // Someone else uses the app meanwhile: a prime's dashboard loads while the import is still going.
  const other = await browser.newContext({ baseURL });
  const prime = await other.newPage();
  await actFor(prime, await newPrime(db));
  await prime.goto("/dashboard");
  await expect(prime.getByRole("heading", { level: 1 })).toBeVisible();
  const run = await db.importRun.findFirstOrThrow({
    where: { commissionerId: council.id },
    select: { status: true, done: true },
  });
  expect(run.status).toBe("RUNNING");
  await other.close();

  await expect(page.getByRole("heading", { level: 2, name: `${contracts} contracts imported` })).toBeVisible({
    timeout: work,
  });
  expect(await db.contract.count({ where: { commissionerId: council.id } })).toBe(contracts);
});
