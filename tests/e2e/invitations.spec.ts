import type { Browser, Page } from "@playwright/test";
import { PASSWORD, signIn } from "./support/accounts";
import { budget } from "./support/budget";
import { answerPage, expectNoAxeViolations, saveAndContinue } from "./support/questionnaire";
import { expect, newClientAddress, test } from "./support/test";
import { createPerson, createWorld, releaseWorld } from "./support/world";

const email = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@invited.example`;

// Each person signs in from their own organisation's connection, so sign-in limits (per address)
// treat them as the different people they are.
const ownConnection = () => ({ extraHTTPHeaders: { "x-forwarded-for": newClientAddress() } });

async function signInTo(page: Page, address: string, password: string) {
  await signIn(page, address, password);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
}

/** The link in the latest invitation emailed to this address, read from the outbox. */
async function invitationLink(page: Page, address: string): Promise<string> {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(address)}`);
  const link = (await page.content()).match(/\/invitations\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`no invitation emailed to ${address}`);
  return link;
}

/** A new person opens their emailed link, creates an account, accepts, and answers every question. */
async function acceptAndAnswer(browser: Browser, link: string, name: string, address: string) {
  const context = await browser.newContext(ownConnection());
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(address);
  await page.getByLabel("Create a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: /^Accept/ }).click();
  await page.getByRole("link", { name: "Sharing risk fairly" }).click();
  for (let index = 0; index < 5; index++) {
    await expect(page.getByText(`Principle ${index + 1} of 5`)).toBeVisible();
    await answerPage(page, { number: "40" });
    await saveAndContinue(page);
  }
  await page.getByRole("button", { name: "Submit your answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
  await context.close();
}

test("a commissioner invites a prime and three partners; the prime sees partners' figures only once the cycle is released", async ({
  page,
  browser,
  db,
  baseURL,
}) => {
  // Five people, each signing up and answering every page, and the prime's report read after each.
  test.setTimeout(budget({ pages: 75 }));
  const world = await createWorld(db, { partners: 3 });
  const PRIME = world.prime.name;
  const PARTNERS = world.partners.map((p) => p.name);
  const officer = await createPerson(db, baseURL ?? "", { organisation: world.council });
  await signInTo(page, officer.email, officer.password);
  const contractUrl = `/contracts/${world.contract.id}`;

  await page.goto(`${contractUrl}/invitations`);
  await expectNoAxeViolations(page);
  for (const organisation of [PRIME, ...PARTNERS]) {
    await page.getByLabel(organisation, { exact: true }).check();
    await page.getByLabel("Their email address").fill(email(organisation));
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toContainText(email(organisation));
  }

  // The prime's contact accepts and assesses itself.
  await acceptAndAnswer(browser, await invitationLink(page, email(PRIME)), "Pat Prime", email(PRIME));
  const prime = await browser.newContext(ownConnection());
  const primePage = await prime.newPage();
  await signInTo(primePage, email(PRIME), PASSWORD);
  const report = `${contractUrl}/report`;
  const partnersFigure = () =>
    primePage
      .getByRole("table", { name: /The prime's view and its partners'/ })
      .getByRole("row")
      .filter({ hasText: "Overall" });

  const today = new Date().toISOString().slice(0, 10);
  for (const [i, partner] of PARTNERS.entries()) {
    await acceptAndAnswer(
      browser,
      await invitationLink(page, email(partner)),
      `Contact ${i + 1}`,
      email(partner),
    );
    await primePage.goto(report);
    await expect(primePage.getByRole("heading", { level: 1 })).toHaveText(PRIME);
    // The prime's count runs to the start of the day: it does not move as each partner answers.
    const counted = primePage.getByText(/^\d of 3 partners$/);
    await expect(counted).toHaveText(
      new Date().toISOString().slice(0, 10) === today ? "0 of 3 partners" : /of 3/,
    );
    await expect(primePage.getByText(/had answered by the start of/)).toBeVisible();
    // While the cycle is open the prime reads counts only: no figure before the release, and no
    // table of empty cells, but what is missing and when it comes.
    await expect(primePage.getByRole("heading", { name: "No partners' figures yet" })).toBeVisible();
    await expect(primePage.getByText(/never while partners are still answering/)).toBeVisible();
    await expect(primePage.getByRole("table", { name: /The prime's view and its partners'/ })).toHaveCount(0);
  }
  // The cycle closes and its figures are released: a combined figure over 3, never one partner's answers.
  await releaseWorld(db, world);
  await primePage.goto(report);
  await expect(primePage.getByText("These figures were released once, after the cycle closed")).toBeVisible();
  await expect(partnersFigure()).not.toContainText("Not shown");
  await expect(partnersFigure().getByRole("cell").nth(1)).toHaveText(/^\d+(\.\d)?$/);
  const json = await primePage.request.get(`${report}/export?format=json`);
  const text = await json.text();
  for (const partner of PARTNERS) {
    await expect(primePage.getByText(partner)).toHaveCount(0);
    expect(text).not.toContain(partner);
  }
  await expectNoAxeViolations(primePage);
  await prime.close();
});
