import type { Browser, BrowserContext, Page } from "@playwright/test";
import { newAddress, PASSWORD } from "./support/accounts";
import { budget } from "./support/budget";
import { isoDay } from "./support/contracts";
import { answerAndSubmit, errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, newClientAddress, test } from "./support/test";
import { createPerson, createWorld, type Org, type Person, signInAs } from "./support/world";

/**
 * Chainwise for real: DEMO_MODE=off, real accounts, nothing acted for without one. A council asks
 * for an account, an operator approves it, the council runs a cycle, and its prime and partners
 * answer by emailed links (one without JavaScript). The prime sees counts, never who; nobody
 * outside a partner can put a person in it. The outbox page is on (DEV_OUTBOX) only so the tests can
 * read the email; tests/e2e/demo-mode-off.spec.ts shows it is not there otherwise.
 */
test.use({ serverEnv: { DEMO_MODE: "off", DEV_OUTBOX: "on" } });

/** Each person in a browser of their own, from a client address of their own (sign-in limits count per address). */
async function person(
  browser: Browser,
  baseURL: string,
  { javaScript = true } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: javaScript,
    extraHTTPHeaders: { "x-forwarded-for": newClientAddress() },
  });
  return { context, page: await context.newPage() };
}

async function signedIn(browser: Browser, baseURL: string, who: Person) {
  const them = await person(browser, baseURL);
  await signInAs(them.page, who, baseURL);
  return them;
}

/** The first link in the latest email to an address whose text matches, read from the outbox. */
async function emailedLink(page: Page, to: string, text: RegExp): Promise<string> {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
  const link = page.locator("main a").filter({ hasText: text }).first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href")) ?? "";
}

async function invite(page: Page, contractId: string, organisation: string, email: string) {
  await page.goto(`/contracts/${contractId}/invitations`);
  await page.getByLabel(organisation, { exact: true }).check();
  await page.getByLabel("Their email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
}

/** A new person: opens the emailed link, makes an account, accepts. */
async function acceptAsNewPerson(page: Page, link: string, name: string, email: string) {
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: /^Accept/ })).toBeVisible();
  await page.getByRole("button", { name: /^Accept/ }).click();
}

/** The council's own steps on the site: a contract, its prime, its partners, a cycle open today. */
async function setUpContract(page: Page, title: string, prime: string, partners: readonly string[]) {
  await page.goto("/contracts/new");
  await page.getByLabel("Contract title").fill(title);
  await page.getByLabel("Your reference").fill(`REF-${Date.now().toString(36)}`);
  await page.getByLabel("£1m–£10m").check();
  await page.getByLabel("Employment and skills").check();
  await page.getByLabel("Start date").fill(isoDay(-30));
  await page.getByLabel("Prime contractor", { exact: true }).fill(prime);
  await page.getByRole("button", { name: "Create contract" }).click();
  await expect(page.getByRole("status")).toContainText("Contract created");
  const contractId = new URL(page.url()).pathname.split("/")[2] ?? "";
  for (const partner of partners) {
    await page.getByText("Add a partner").click();
    await page.getByLabel("Partner organisation's name").fill(partner);
    await page.getByLabel("Voluntary, community or social enterprise").check();
    await page.getByLabel("Small (£100k to £1m)").check();
    await page.getByRole("group", { name: "Was it named in the prime's bid?" }).getByLabel("Yes").check();
    await page.getByLabel("Delivering", { exact: true }).check();
    await page.getByRole("button", { name: "Add partner" }).click();
    await expect(page.getByRole("status")).toContainText(`${partner} added to the supply chain`);
  }
  await page.getByText("Open a new cycle").click();
  await page.getByLabel("Cycle name").fill("2026–27");
  await page.getByLabel("Opens on").fill(isoDay(-1));
  await page.getByLabel("Closes at the end of").fill(isoDay(60));
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByRole("status")).toContainText("Rating cycle opened");
  return contractId;
}

test("a council asks for an account, runs a cycle, and the prime learns how many partners answered, never which", async ({
  browser,
  baseURL,
  db,
}) => {
  // Five people each make an account and answer five pages; a council and an operator besides.
  test.setTimeout(budget({ pages: 110, axe: 3 }));
  const url = baseURL ?? "";
  const operatorPerson = await createPerson(db, url, { name: "Olu Operator" });
  await db.user.update({ where: { id: operatorPerson.id }, data: { operator: true } });
  const nadia = newAddress("nadia");
  // Names of this test's own, short enough for every field.
  const tag = test.info().testId.slice(-8);
  const council = `Northvale ${tag} Council`;
  const prime = `Harrow ${tag} Partnership Ltd`;
  const partners = ["Moorside", "Canal Street", "Oakfield", "Ridgeway"].map((n) => `${n} ${tag} Trust`);
  const contact = (organisation: string) => newAddress(organisation.split(" ")[0]?.toLowerCase() ?? "x");

  // Asking works without JavaScript (axe needs it, so the page is checked from another browser below).
  const visitor = await person(browser, url, { javaScript: false });
  await visitor.page.goto("/");
  await expect(visitor.page.getByRole("link", { name: /demo/i })).toHaveCount(0);
  await visitor.page.getByRole("link", { name: "request an account" }).click();
  await visitor.page.getByRole("button", { name: "Send request" }).click();
  await expect(errorSummary(visitor.page)).toContainText("Enter the name of your council or public body");
  await visitor.page.getByLabel("Name of your council or public body").fill(council);
  await visitor.page.getByLabel("Your full name").fill("Nadia Khan");
  await visitor.page.getByLabel("Your job title").fill("Head of commissioning");
  await visitor.page.getByLabel("Your work email address").fill(nadia);
  await visitor.page.getByRole("button", { name: "Send request" }).click();
  await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your request");

  // The operator approves.
  const operator = await signedIn(browser, url, operatorPerson);
  await operator.page.goto("/account");
  await operator.page.getByRole("link", { name: "Account requests from councils" }).click();
  await expectNoAxeViolations(operator.page);
  await operator.page.getByRole("button", { name: `Approve ${council}` }).click();
  await expect(operator.page.getByRole("status")).toContainText("Approved");

  // The council's administrator chooses a password from the welcome email, and sets up a contract.
  const officer = await person(browser, url);
  await officer.page.goto("/request-account");
  await expectNoAxeViolations(officer.page);
  await officer.page.goto(await emailedLink(officer.page, nadia, /reset-password/));
  await expect(officer.page.getByRole("heading", { level: 1 })).toHaveText("Choose your password");
  await officer.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await officer.page.getByRole("button", { name: "Save password" }).click();
  await expect(officer.page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await officer.page.getByLabel("Email address").fill(nadia);
  await officer.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await officer.page.getByRole("button", { name: "Sign in" }).click();
  await expect(officer.page.getByRole("list", { name: "Your organisations" })).toContainText(
    `${council} · Commissioner · Administrator`,
  );
  const contractId = await setUpContract(officer.page, `Employment support ${tag}`, prime, partners);
  for (const organisation of [prime, ...partners])
    await invite(officer.page, contractId, organisation, contact(organisation));

  // The prime's contact accepts and answers; it sees counts, and nothing that says who.
  const primeContact = await person(browser, url);
  await acceptAsNewPerson(
    primeContact.page,
    await emailedLink(primeContact.page, contact(prime), /invitations/),
    "Pat Prime",
    contact(prime),
  );
  await answerAndSubmit(primeContact.page);
  const primeView = async () => {
    await primeContact.page.goto(`/contracts/${contractId}/invitations`);
    return primeContact.page.getByRole("main").innerText();
  };
  const day = () => new Date().toISOString().slice(0, 10);
  const today = day();
  const before = await primeView();
  expect(before).toMatch(/Partners on the rating list\s*4/);
  expect(before).toMatch(/Partners invited\s*4/);
  expect(before).toMatch(/Partners who had answered this cycle by the start of today\s*0/);
  await expectNoAxeViolations(primeContact.page);

  for (const [i, organisation] of partners.entries()) {
    // The last partner has no JavaScript at all: accepting and answering still work.
    const partner = await person(browser, url, { javaScript: i !== partners.length - 1 });
    await acceptAsNewPerson(
      partner.page,
      await emailedLink(partner.page, contact(organisation), /invitations/),
      `Contact ${i + 1}`,
      contact(organisation),
    );
    await answerAndSubmit(partner.page);
    await partner.context.close();
    const now = await primeView();
    // The count runs to the start of the day, so the prime watching it cannot tell when a partner
    // answered: its page is word for word what it was (unless the day turned meanwhile).
    if (day() === today) expect(now).toBe(before);
    expect(now.replace(/by the start of today\s*\d+/, "")).toBe(
      before.replace(/by the start of today\s*\d+/, ""),
    );
    for (const state of [/Accepted/, /Waiting/, /Expired/, /reminded \d/]) expect(now).not.toMatch(state);
  }

  // The commissioner, who chases replies, sees each invitation accepted.
  await officer.page.goto(`/contracts/${contractId}/invitations`);
  await expect(officer.page.getByRole("table").getByText("Accepted")).toHaveCount(5);
  for (const p of [visitor, operator, officer, primeContact]) await p.context.close();
});

test("neither the prime nor the commissioner can put a person in a partner: it is asked, and can say no", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 30, axe: 1 }));
  const url = baseURL ?? "";
  const world = await createWorld(db, { partners: 2 });
  const [first, second] = world.partners as [Org, Org];
  const officer = await createPerson(db, url, { name: "Olive Officer", organisation: world.council });
  const primeAdmin = await createPerson(db, url, { name: "Bea Prime", organisation: world.prime });
  const partnerAdmin = await createPerson(db, url, { name: "Hana Partner", organisation: first });

  // The prime invites a friendly address for its partner: the newcomer can only ask to join.
  const prime = await signedIn(browser, url, primeAdmin);
  const friend = newAddress("friend.of.the.prime");
  await invite(prime.page, world.contract.id, first.name, friend);
  const spy = await person(browser, url);
  await acceptAsNewPerson(spy.page, await emailedLink(spy.page, friend, /invitations/), "Sid Spy", friend);
  await expect(spy.page.getByRole("status")).toContainText("Your request to join has been sent");
  await expect(spy.page.getByText("You are not part of an organisation yet.")).toBeVisible();

  // The partner's administrator is told, and says no.
  const partner = await signedIn(browser, url, partnerAdmin);
  await partner.page.goto(`/dev/outbox?to=${encodeURIComponent(partnerAdmin.email)}`);
  await expect(
    partner.page.getByText(`Sid Spy asks to join ${first.name} on Chainwise`).first(),
  ).toBeVisible();
  await partner.page.goto("/account/members");
  await expectNoAxeViolations(partner.page);
  await partner.page.getByRole("button", { name: "Decline Sid Spy's request" }).click();
  await expect(partner.page.getByRole("status")).toContainText("The request has been declined");
  await spy.page.goto("/account");
  await expect(spy.page.getByText("You are not part of an organisation yet.")).toBeVisible();

  // The commissioner's own officer accepts an invitation to the other partner: refused.
  const council = await signedIn(browser, url, officer);
  await invite(council.page, world.contract.id, second.name, officer.email);
  await council.page.goto(await emailedLink(council.page, officer.email, /invitations/));
  await council.page.getByRole("button", { name: /^Accept/ }).click();
  await expect(errorSummary(council.page)).toContainText("Nobody may belong to both sides of a supply chain");
  await council.page.goto("/account");
  await expect(
    council.page.getByRole("list", { name: "Your organisations" }).getByRole("listitem"),
  ).toHaveCount(1);
  for (const p of [prime, spy, partner, council]) await p.context.close();
});

test("a person placed in a partner after it answered finds the rating but not what it said", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 12 }));
  const url = baseURL ?? "";
  const world = await createWorld(db, {
    partners: 1,
    submitted: 1,
    evidence: { "pay.days.sub": "They paid us 94 days late, again." },
  });
  const rating = await db.assessment.findFirstOrThrow({ where: { respondentOrgId: world.partner.id } });
  // A membership made some other way, after the rating: as one made before joining was the
  // organisation's own decision could have been.
  const planted = await createPerson(db, url, { name: "Pip Planted", organisation: world.partner });
  const spy = await signedIn(browser, url, planted);
  await spy.page.goto("/dashboard");
  await spy.page.getByRole("link", { name: `Rate ${world.prime.name}` }).click();
  await spy.page.getByRole("link", { name: "See what you submitted" }).click();
  await expect(spy.page.getByRole("status")).toContainText("Those answers are not shown to you");
  for (const path of ["", "/check", "/confirmation"]) {
    const response = await spy.page.goto(`/assessments/${rating.id}${path}`);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(spy.page.getByRole("status"), path).toContainText("Those answers are not shown to you");
    await expect(spy.page.getByText("94 days late")).toHaveCount(0);
  }
  // Nor is anyone but an operator shown councils' account requests.
  expect((await spy.page.goto("/operator/requests"))?.status()).toBe(404);
  await spy.context.close();
});

test("a post with an empty or null Origin gets a refusal or its form back, never a 500", async ({
  request,
}) => {
  for (const origin of ["", "null"]) {
    const response = await request.post("/sign-in", {
      headers: { Origin: origin },
      multipart: { email: "x@example.org", password: "whatever it is" },
      maxRedirects: 0,
    });
    expect([200, 303, 400, 403], `Origin "${origin}": ${response.status()}`).toContain(response.status());
  }
});
