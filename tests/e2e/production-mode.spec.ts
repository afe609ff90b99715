import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { PASSWORD } from "./support/accounts";
import { createOwnContract } from "./support/contracts";
import { answerAndSubmit, errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { type SecondServer, secondPort, startSecondServer } from "./support/second-server";

/**
 * Chainwise for real: DEMO_MODE=off, real accounts, nothing invented. A council asks for an account,
 * an operator approves it, the council runs a cycle, and its prime and partners answer by emailed
 * links (one without JavaScript). The prime sees counts, never who; nobody outside a partner can
 * put a person in it. The outbox page is switched on (DEV_OUTBOX) only so the test can read email.
 */

test.describe.configure({ mode: "serial" });

const PORT = secondPort(9);
const DATA = ".data/e2e-production";
const OPERATOR = "olu@chainwise-ops.example";
const SECOND_COUNCIL = "Eastshire Council";
const SECOND_ADMIN = "eve@eastshire.example";
const PLANTED = "pip@planted.example";
let server: SecondServer;
let planted: { assessmentId: string; prime: string; partner: string };

/** A command of the project's, on the spec's own database, before its server owns the folder. */
function run(script: string, args: string[]) {
  execFileSync("npm", ["run", "--silent", script, "--", ...args], {
    env: {
      ...process.env,
      DATABASE_URL: `pglite:${DATA}`,
      DEMO_MODE: "off",
      APP_URL: `http://127.0.0.1:${PORT}`,
    },
    stdio: "ignore",
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(DATA, { recursive: true, force: true });
  run("db:migrate", []);
  run("operator:add", ["--email", OPERATOR, "--name", "Olu Operator"]);
  run("org:create", [
    "--type",
    "commissioner",
    "--name",
    SECOND_COUNCIL,
    "--admin-email",
    SECOND_ADMIN,
    "--admin-name",
    "Eve Evans",
  ]);
  planted = JSON.parse(
    execFileSync("npx", ["tsx", "tests/e2e/support/planted-member.ts", PLANTED, PASSWORD], {
      env: { ...process.env, DATABASE_URL: `pglite:${DATA}`, DEMO_MODE: "off" },
      encoding: "utf8",
    }).trim(),
  );
  server = await startSecondServer(PORT, {
    DATABASE_URL: `pglite:${DATA}`,
    DEMO_MODE: "off",
    DEV_OUTBOX: "on",
    APP_URL: `http://127.0.0.1:${PORT}`,
  });
});

test.afterAll(async () => {
  await server?.stop();
});

let address = 40;
/** Each person from their own connection, so per-address sign-in limits treat them as different people. */
async function person(
  browser: Browser,
  { javaScript = true } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.url,
    javaScriptEnabled: javaScript,
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${address++}` },
  });
  return { context, page: await context.newPage() };
}

/** The first link in the latest email to an address whose href matches, read from the outbox. */
async function emailedLink(page: Page, to: string, href: RegExp): Promise<string> {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
  const link = page.locator("main a").filter({ hasText: href }).first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href")) ?? "";
}

/** Follows a welcome (or reset) link, chooses a password, and signs in with it. */
async function choosePassword(page: Page, link: string, email: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Choose (your|a new) password/);
  await page.getByLabel(/^(New password|Password)$/).fill(PASSWORD);
  await page.getByRole("button", { name: /Save password|Change password/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
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

const PRIME = "Harrow Employment Partnership Ltd";
const PARTNERS = [
  "Moorside Advice Centre",
  "Canal Street Trust",
  "Oakfield Youth Project",
  "Ridgeway Carers",
] as const;
const contact = (organisation: string) =>
  `${organisation.toLowerCase().replace(/[^a-z]+/g, ".")}@example.org`;

test("a council asks for an account, runs a cycle, and the prime learns how many partners answered, never which", async ({
  browser,
}) => {
  // Five questionnaires, each five pages, with an account made for each.
  test.setTimeout(600_000);
  // Asking works without JavaScript (axe needs it, so the page is checked from the council's browser below).
  const visitor = await person(browser, { javaScript: false });
  await visitor.page.goto("/");
  await expect(visitor.page.getByRole("link", { name: /demo/i })).toHaveCount(0);
  await visitor.page.getByRole("link", { name: "request an account" }).click();
  await visitor.page.getByRole("button", { name: "Send request" }).click();
  await expect(errorSummary(visitor.page)).toContainText("Enter the name of your council or public body");
  await visitor.page.getByLabel("Name of your council or public body").fill("Northvale County Council");
  await visitor.page.getByLabel("Your full name").fill("Nadia Khan");
  await visitor.page.getByLabel("Your job title").fill("Head of commissioning");
  await visitor.page.getByLabel("Your work email address").fill("nadia@northvale.example");
  await visitor.page.getByRole("button", { name: "Send request" }).click();
  await expect(visitor.page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your request");

  // The operator sets their password from the link operator:add sent, and approves.
  const operator = await person(browser);
  await choosePassword(operator.page, await emailedLink(operator.page, OPERATOR, /reset-password/), OPERATOR);
  await operator.page.getByRole("link", { name: "Account requests from councils" }).click();
  await expectNoAxeViolations(operator.page);
  await operator.page.getByRole("button", { name: "Approve Northvale County Council" }).click();
  await expect(operator.page.getByRole("status")).toContainText("Approved");

  // The council's administrator chooses a password from the welcome email, and sets up a contract.
  const council = await person(browser);
  await council.page.goto("/request-account");
  await expectNoAxeViolations(council.page);
  await choosePassword(
    council.page,
    await emailedLink(council.page, "nadia@northvale.example", /reset-password/),
    "nadia@northvale.example",
  );
  await expect(council.page.getByRole("list", { name: "Your organisations" })).toContainText(
    "Northvale County Council · Commissioner · Administrator",
  );
  const { contractId } = await createOwnContract(council.page, {
    title: "Northvale Employment Support",
    reference: "NVC-2026-001",
    prime: PRIME,
    partners: PARTNERS,
    asDemo: false,
  });
  for (const organisation of [PRIME, ...PARTNERS])
    await invite(council.page, contractId, organisation, contact(organisation));

  // The prime's contact accepts and answers; it sees counts, and nothing that says who.
  const prime = await person(browser);
  await acceptAsNewPerson(
    prime.page,
    await emailedLink(prime.page, contact(PRIME), /invitations/),
    "Pat Prime",
    contact(PRIME),
  );
  await answerAndSubmit(prime.page);
  const primeView = async () => {
    await prime.page.goto(`/contracts/${contractId}/invitations`);
    return prime.page.getByRole("main");
  };
  const before = await (await primeView()).innerText();
  expect(before).toMatch(/Partners on the rating list\s*4/);
  expect(before).toMatch(/Partners invited\s*4/);
  expect(before).toMatch(/Partners who have answered this cycle\s*0/);
  await expectNoAxeViolations(prime.page);

  for (const [i, organisation] of PARTNERS.entries()) {
    // The last partner has no JavaScript at all: accepting and answering still work.
    const partner = await person(browser, { javaScript: i !== PARTNERS.length - 1 });
    await acceptAsNewPerson(
      partner.page,
      await emailedLink(partner.page, contact(organisation), /invitations/),
      `Contact ${i + 1}`,
      contact(organisation),
    );
    await answerAndSubmit(partner.page);
    await partner.context.close();
    const now = await (await primeView()).innerText();
    expect(now).toMatch(new RegExp(`Partners who have answered this cycle\\s*${i + 1}`));
    // Apart from the count, the prime's page is word for word what it was.
    expect(now.replace(/answered this cycle\s*\d+/, "")).toBe(
      before.replace(/answered this cycle\s*\d+/, ""),
    );
    for (const state of [/Accepted/, /Waiting/, /Expired/, /reminded \d/]) expect(now).not.toMatch(state);
  }

  // The commissioner, who chases replies, sees each invitation accepted.
  await council.page.goto(`/contracts/${contractId}/invitations`);
  await expect(council.page.getByRole("table").getByText("Accepted")).toHaveCount(5);
  for (const p of [visitor, operator, council, prime]) await p.context.close();
});

test("neither the prime nor the commissioner can put a person in a partner: it is asked, and can say no", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const council = await person(browser);
  await council.page.goto("/request-account");
  await expectNoAxeViolations(council.page);
  await choosePassword(
    council.page,
    await emailedLink(council.page, SECOND_ADMIN, /reset-password/),
    SECOND_ADMIN,
  );
  const partners = ["Hill Top Foodbank", "Station Road Mentors"] as const;
  const { contractId } = await createOwnContract(council.page, {
    title: "Eastshire Housing Support",
    reference: "ESC-2026-001",
    prime: "Bridgewater Housing Ltd",
    partners,
    asDemo: false,
  });
  for (const organisation of ["Bridgewater Housing Ltd", partners[0]]) {
    await invite(council.page, contractId, organisation, contact(organisation));
  }
  const prime = await person(browser);
  await acceptAsNewPerson(
    prime.page,
    await emailedLink(prime.page, contact("Bridgewater Housing Ltd"), /invitations/),
    "Bea Bridgewater",
    contact("Bridgewater Housing Ltd"),
  );
  const partner = await person(browser);
  await acceptAsNewPerson(
    partner.page,
    await emailedLink(partner.page, contact(partners[0]), /invitations/),
    "Hana Hill",
    contact(partners[0]),
  );
  await answerAndSubmit(partner.page);

  // The prime invites a friendly address for its partner: the newcomer can only ask to join.
  await invite(prime.page, contractId, partners[0], "friend.of.the.prime@example.org");
  const spy = await person(browser);
  await acceptAsNewPerson(
    spy.page,
    await emailedLink(spy.page, "friend.of.the.prime@example.org", /invitations/),
    "Sid Spy",
    "friend.of.the.prime@example.org",
  );
  await expect(spy.page.getByRole("status")).toContainText("Your request to join has been sent");
  await expect(spy.page.getByText("You are not part of an organisation yet.")).toBeVisible();
  // Acting for no organisation, the newcomer reaches nothing of the partner's.
  await spy.page.goto("/dashboard");
  await expect(spy.page.getByRole("heading", { level: 1 })).not.toHaveText("Your dashboard");

  // The partner's administrator is told, and says no.
  await partner.page.goto(`/dev/outbox?to=${encodeURIComponent(contact(partners[0]))}`);
  await expect(
    partner.page.getByText(`Sid Spy asks to join ${partners[0]} on Chainwise`).first(),
  ).toBeVisible();
  await partner.page.goto("/account/members");
  await expectNoAxeViolations(partner.page);
  await partner.page.getByRole("button", { name: "Decline Sid Spy's request" }).click();
  await expect(partner.page.getByRole("status")).toContainText("The request has been declined");
  await spy.page.goto("/account");
  await expect(spy.page.getByText("You are not part of an organisation yet.")).toBeVisible();

  // The commissioner's own administrator accepts an invitation to the other partner: refused.
  await invite(council.page, contractId, partners[1], SECOND_ADMIN);
  await council.page.goto(await emailedLink(council.page, SECOND_ADMIN, /invitations/));
  await council.page.getByRole("button", { name: /^Accept/ }).click();
  await expect(errorSummary(council.page)).toContainText("Nobody may belong to both sides of a supply chain");
  await council.page.goto("/account");
  await expect(
    council.page.getByRole("list", { name: "Your organisations" }).getByRole("listitem"),
  ).toHaveCount(1);
  for (const p of [council, prime, partner, spy]) await p.context.close();
});

test("a person placed in a partner after it answered cannot see what it said", async ({ browser }) => {
  const spy = await person(browser);
  await spy.page.goto("/sign-in");
  await spy.page.getByLabel("Email address").fill(PLANTED);
  await spy.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await spy.page.getByRole("button", { name: "Sign in" }).click();
  await expect(spy.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  // The rating exists, and the way to it is offered; its answers are not shown.
  await spy.page.goto("/dashboard");
  await spy.page.getByRole("link", { name: `Rate ${planted.prime}` }).click();
  await spy.page.getByRole("link", { name: "See what you submitted" }).click();
  await expect(spy.page.getByRole("status")).toContainText("Those answers are not shown to you");
  for (const path of ["", "/check", "/confirmation"]) {
    const response = await spy.page.goto(`/assessments/${planted.assessmentId}${path}`);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(spy.page.getByRole("status"), path).toContainText("Those answers are not shown to you");
    await expect(spy.page.getByText("94 days late")).toHaveCount(0);
  }
  // Nor is anyone but an operator shown councils' account requests.
  expect((await spy.page.goto("/operator/requests"))?.status()).toBe(404);
  await spy.context.close();
});

test("a post with an empty or null Origin gets a refusal or its form back, never a 500", async ({
  playwright,
}) => {
  const request = await playwright.request.newContext({ baseURL: server.url });
  for (const origin of ["", "null"]) {
    const response = await request.post("/sign-in", {
      headers: { Origin: origin },
      multipart: { email: "x@example.org", password: "whatever it is" },
      maxRedirects: 0,
    });
    expect([200, 303, 403], `Origin "${origin}": ${response.status()}`).toContain(response.status());
  }
  await request.dispose();
});

test("with the demo off there is no demo and no outbox unless asked for", async ({ playwright }) => {
  const bare = await startSecondServer(secondPort(10), { DATABASE_URL: "pglite:memory", DEMO_MODE: "off" });
  try {
    const request = await playwright.request.newContext({ baseURL: bare.url });
    expect((await request.get("/dev/outbox")).status()).toBe(404);
    expect((await request.get("/demo")).status()).toBe(404);
    const home = await (await request.get("/")).text();
    expect(home).not.toContain('href="/demo"');
    expect(home).toContain('href="/request-account"');
    await request.dispose();
  } finally {
    await bare.stop();
  }
});
