import { readFile } from "node:fs/promises";
import { formatDate } from "../../lib/format";
import { pdfText } from "../support/pdf-text";
import { budget } from "./support/budget";
import { expectNoAxeViolations } from "./support/questionnaire";
import { expect, newClientAddress, test } from "./support/test";
import {
  actFor,
  createPerson,
  createWorld,
  newCommissioner,
  releaseWorld,
  signInAs,
  type World,
} from "./support/world";

/**
 * The contract-management meeting pack: the council reads a prime's pack, agrees an action and marks
 * it done (with and without JavaScript), the prime sees who agreed it, and the PDF says the same.
 */

const ACTION = "Pay every partner within 14 days of invoice";

/** A released world whose prime has one action in its plan, written as the prime's form writes it. */
async function packWorld(db: Parameters<typeof createWorld>[0]): Promise<World> {
  const world = await createWorld(db, { partners: 3, submitted: 3 });
  await releaseWorld(db, world);
  await db.actionPlanItem.create({
    data: {
      contractId: world.contract.id,
      primeId: world.prime.id,
      principleKey: "fair-payment",
      action: ACTION,
      owner: "Head of supply chain",
      dueDate: new Date(Date.UTC(2027, 5, 30)),
    },
  });
  return world;
}

const packUrl = (world: World) => `/contracts/${world.contract.id}/primes/${world.prime.id}/report/pack`;

test("the council agrees an action in the meeting pack, the prime sees it, and the PDF says so", async ({
  page,
  db,
  baseURL,
  browser,
}) => {
  test.setTimeout(budget({ pages: 10, requests: 3 }));
  const world = await packWorld(db);
  const person = await createPerson(db, baseURL ?? "", { organisation: world.council, name: "Alex Rowe" });
  await signInAs(page, person, baseURL ?? "");

  await page.goto(`/contracts/${world.contract.id}/primes/${world.prime.id}/report`);
  await page.getByRole("link", { name: "The meeting pack" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Meeting pack: ${world.prime.name}`);
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(page.getByRole("img", { name: /its own scores beside its partners'/ })).toBeVisible();
  const action = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ACTION }) });
  await expect(action).toContainText("Not agreed yet.");

  await action.getByRole("button", { name: `Mark agreed for “${ACTION}”` }).click();
  await expect(page.getByRole("status")).toHaveText("Action marked agreed.");
  const agreed = `Agreed by Alex Rowe on ${formatDate(new Date())}`;
  await expect(action).toContainText(agreed);
  await expect(action.getByRole("button", { name: /Mark agreed/ })).toHaveCount(0);
  // With its forms showing: axe finds nothing, and at 320 CSS px nothing needs scrolling sideways.
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });

  // On paper the buttons and links go; the agreement stays.
  await page.emulateMedia({ media: "print" });
  await expect(action.getByRole("button", { name: /Mark done/ })).toBeHidden();
  await expect(page.getByRole("link", { name: "Download the meeting pack (PDF)" })).toBeHidden();
  await expect(action.getByText(agreed)).toBeVisible();
  // An A4 page's printable width, about 680 CSS px: each chart fits it, not cut off at its edge.
  await page.setViewportSize({ width: 680, height: 900 });
  const charts = await page.evaluate(() =>
    Array.from(document.querySelectorAll("figure.chart svg")).map(
      (svg) => svg.getBoundingClientRect().width - (svg.closest("main")?.getBoundingClientRect().width ?? 0),
    ),
  );
  expect(charts.length).toBeGreaterThan(0);
  for (const over of charts) expect(over).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the meeting pack (PDF)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-meeting-pack\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = pdfText(pdf);
  expect(text).toContain(world.prime.name);
  expect(text).toContain(ACTION);
  expect(text).toContain(agreed);

  // The prime reads who agreed its action, on its report and in the pack, and cannot agree it itself.
  const prime = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": newClientAddress() },
  });
  const primePage = await prime.newPage();
  await actFor(primePage, world.prime);
  await primePage.goto(`/contracts/${world.contract.id}/primes/${world.prime.id}/report`);
  await expect(primePage.getByRole("table", { name: /The prime's actions/ })).toContainText(agreed);
  await primePage.goto(packUrl(world));
  await expect(primePage.getByText(agreed)).toBeVisible();
  await expect(primePage.getByRole("button", { name: /Mark (agreed|done)/ })).toHaveCount(0);
  await prime.close();
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("the council marks an action done from the print view", async ({ page, db }) => {
    test.setTimeout(budget({ pages: 6 }));
    const world = await packWorld(db);
    await actFor(page, world.council);
    await page.goto(packUrl(world));
    // A colleague agrees the action while this page is open: nothing is overwritten, and it says so.
    await db.actionPlanItem.updateMany({
      where: { primeId: world.prime.id },
      data: { agreedAt: new Date() },
    });
    await page.getByRole("button", { name: `Mark agreed for “${ACTION}”` }).click();
    await expect(page.getByRole("status")).toHaveText(
      "This action had already been agreed: below is who agreed it, and when.",
    );
    await expect(
      page.getByText(`Agreed by ${world.council.name} on ${formatDate(new Date())}`),
    ).toBeVisible();
    await page.getByRole("button", { name: `Mark done for “${ACTION}”` }).click();
    await expect(page.getByRole("status")).toHaveText("Action marked done.");
    const action = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ACTION }) });
    await expect(action.getByText("Done", { exact: true })).toBeVisible();
    await expect(action).toContainText(`Marked done on ${formatDate(new Date())}`);
  });
});

test("another council reads neither the pack nor its PDF", async ({ page, db }) => {
  const world = await packWorld(db);
  await actFor(page, await newCommissioner(db));
  const view = await page.request.get(packUrl(world));
  expect(view.status()).toBe(404);
  expect(await view.text()).not.toContain(ACTION);
  const pdf = await page.request.get(`${packUrl(world)}/pdf`);
  expect(pdf.status()).toBe(404);
  expect(await pdf.text()).not.toContain(ACTION);
});
