import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { demoCycles } from "../../prisma/demo-data";
import { answersAt } from "../support/answers";
import { createEvidence } from "../support/evidence-factory";
import { createAssessment } from "../support/factories";
import { budget } from "./support/budget";
import { COUNCIL } from "./support/contracts";
import { actAs, answerPage, axeViolations, errorSummary, saveAndContinue } from "./support/questionnaire";
import { secondPort, startSecondServer } from "./support/second-server";
import { expect, newClientAddress, test } from "./support/test";
import { actFor, createPerson, createWorld, newPrime, releaseWorld, signInAs } from "./support/world";

/**
 * Every page of the app (app/**\/page.tsx), as the actor who can open it and in its main states
 * (errors shown, details opened, submitted), checked by axe against WCAG 2.2 AA. Each test lists
 * every page it checked that has violations, with the rules broken and where.
 */

// The demo's closed cycle (its dates follow today: prisma/demo-data.ts).
const CLOSED = demoCycles()[0]?.name ?? "";
const WORKING_WELL = "Northmoor Working Well: employment support";
const CASTLEGATE = "Castlegate Employment Services Ltd";
const PASSWORD = "plenty of words in a row";

/**
 * How far the page is wider than a 320 CSS px viewport (WCAG 2.2 AA 1.4.10 Reflow, which axe does
 * not test): 0 when nothing needs scrolling sideways. The viewport is put back as it was.
 */
async function overflowAt320(page: Page): Promise<string | null> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    return await page.evaluate(() => {
      // Chart text shrinks with its chart: none may end up below 12 CSS px.
      const tiny = Array.from(document.querySelectorAll("svg[viewBox] text")).filter((text) => {
        const svg = text.closest("svg") as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Number.parseFloat(getComputedStyle(text).fontSize) * scale < 12;
      });
      if (tiny.length > 0) return `${tiny.length} chart labels below 12 px at 320 px wide`;
      const over = document.documentElement.scrollWidth - window.innerWidth;
      if (over <= 0) return null;
      // The outermost elements that stick out, to say where to look.
      const sticksOut = (el: Element | null) =>
        !!el && el.getBoundingClientRect().right > window.innerWidth + 1;
      const culprits = Array.from(document.querySelectorAll("body *"))
        .filter((el) => sticksOut(el) && !sticksOut(el.parentElement))
        .slice(0, 3)
        .map((el) => `<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").trim().slice(0, 30)}"`);
      return `${over} px wider than 320 (${culprits.join(", ")})`;
    });
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/** Each report as a phone, a small phone and a laptop show it, kept with the test's results. */
async function screenshots(page: Page, name: string) {
  const size = page.viewportSize();
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const file = `${name.replace(/[^a-z0-9]+/gi, "-")}-${width}.png`;
    await page.screenshot({ path: test.info().outputPath(file), fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** Pages checked in one test, and what axe found on them, and which do not reflow at 320 px. */
function checker() {
  const found: string[] = [];
  const checked: string[] = [];
  return {
    async check(page: Page, name: string) {
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      checked.push(name);
      for (const violation of await axeViolations(page)) {
        found.push(`${name} (${new URL(page.url()).pathname}): ${violation}`);
      }
      const overflow = await overflowAt320(page);
      if (overflow) found.push(`${name} (${new URL(page.url()).pathname}): ${overflow}`);
      if (name.includes("report")) await screenshots(page, name);
    },
    expectNone() {
      expect(checked.length).toBeGreaterThan(0);
      expect(found, `axe violations on ${checked.length} pages checked: ${checked.join(", ")}`).toEqual([]);
    },
  };
}

async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(500);
}

/** The seeded Working Well contract and its primes, as the council's own pages link to them. */
async function workingWell(page: Page) {
  await actAs(page, COUNCIL);
  await page.goto("/contracts");
  await page.getByRole("link", { name: WORKING_WELL }).click();
  await page.waitForURL(/\/contracts\/[^/]+$/);
  const contract = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.goto(`/contracts/${contract}/report`);
  const prime = async (name: string) =>
    // Each prime is linked twice when no figure is out yet (its answers so far, and its detail): same href.
    (
      (await page
        .getByRole("link", { name: new RegExp(`^${name}`) })
        .first()
        .getAttribute("href")) ?? ""
    ).split("/")[4] ?? "";
  return { contract, castlegate: await prime("Castlegate"), meridian: await prime("Meridian") };
}

async function showCycle(page: Page, name: string) {
  await page.getByLabel("Rating cycle").selectOption({ label: name });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]cycle=/);
}

test.describe("every page passes axe (WCAG 2.2 AA)", () => {
  // The longest spec, and its tests share nothing (each writes its own data, and the servers two of
  // them start have ports of their own): spread them over the workers.
  test.describe.configure({ mode: "parallel" });
  // Each axe check brings its own time (support/budget.ts); these budgets are for the pages around them.

  test("public pages, signing in and up, and pages for nobody in particular", async ({ page }) => {
    test.setTimeout(budget({ pages: 23 }));
    const { check, expectNone } = checker();
    for (const [name, url] of [
      ["home", "/"],
      ["demo chooser", "/demo"],
      ["sign in", "/sign-in"],
      ["create an account", "/sign-up"],
      ["forgotten password", "/forgot-password"],
      ["forgotten password, sent", "/forgot-password?sent=1"],
      ["new password", "/reset-password?token=not-checked-until-posted"],
      ["new password, bad link", "/reset-password"],
      ["how scoring works", "/how-scoring-works"],
      ["register of levels", "/register"],
      ["privacy notice", "/privacy"],
      ["cookies", "/cookies"],
      ["email outbox", "/dev/outbox"],
      ["account deleted", "/account/deleted"],
      ["page not found", "/no-such-page"],
    ] as const) {
      await visit(page, url);
      await check(page, name);
    }

    await page.goto("/demo");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "demo chooser, with an error");

    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "sign in, with errors");

    await page.goto("/sign-up");
    await page.getByLabel("Email address").fill("not an address");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "create an account, with errors");

    await page.goto("/dev/outbox?to=sam.okafor%40northmoor-council.example");
    await check(page, "email outbox, filtered");
    expectNone();
  });

  test("a partner: dashboard, start page, task list, principle pages, check answers, confirmation, report", async ({
    page,
    db,
  }) => {
    test.setTimeout(budget({ pages: 30 }));
    const { check, expectNone } = checker();
    const world = await createWorld(db);
    const { contract, prime } = world;

    await actFor(page, world.partner);
    await check(page, "partner dashboard");
    await visit(page, `/contracts/${contract.id}/primes/${prime.id}/rate`);
    await check(page, "rating start page");
    await page.getByRole("button", { name: "Start now" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your rating of ${prime.name}`);
    await check(page, "task list");

    await page.getByRole("link", { name: "Sharing risk fairly" }).click();
    await expect(page.getByText("Principle 1 of 5")).toBeVisible();
    await check(page, "principle page");
    await page.getByText("Add a note or evidence (optional)").first().click();
    await check(page, "principle page, a note opened");
    await answerPage(page, { skip: [2, 4] });
    await saveAndContinue(page);
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "principle page, with errors");
    await answerPage(page);
    await saveAndContinue(page);
    await expect(page.getByText("Principle 2 of 5")).toBeVisible();
    await page.getByRole("textbox").first().fill("about a month");
    await saveAndContinue(page);
    await expect(errorSummary(page)).toContainText("Enter a number");
    await check(page, "principle page with number questions, with errors");
    await answerPage(page);
    await page.getByRole("button", { name: "Save and come back later" }).click();
    await expect(page.getByRole("status")).toContainText("Your answers have been saved");
    await check(page, "task list, saved");

    await page.getByRole("link", { name: "Building partners' strength" }).click();
    for (const index of [2, 3, 4]) {
      await expect(page.getByText(`Principle ${index + 1} of 5`)).toBeVisible();
      await answerPage(page);
      await saveAndContinue(page);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
    await check(page, "check answers");
    await page.getByRole("button", { name: "Submit your answers" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
    await check(page, "confirmation");
    const assessment = new URL(page.url()).pathname.split("/")[2];
    await visit(page, `/assessments/${assessment}`);
    await check(page, "task list, submitted");
    await visit(page, `/assessments/${assessment}/check`);
    await check(page, "your answers, submitted");
    await visit(page, `/assessments/${assessment}/fair-payment`);
    await check(page, "principle page, submitted");

    // A partner on the seeded contract reads its prime's report: how many answered, in the open
    // cycle and in the released one (partners' reading of released figures is not decided yet).
    const ids = await workingWell(page);
    await actAs(page, "Riverside Community Trust");
    await visit(page, `/contracts/${ids.contract}/primes/${ids.castlegate}/report`);
    await check(page, "prime report as a partner, figures not shown yet");
    await showCycle(page, CLOSED);
    await check(page, "prime report as a partner, closed cycle");
    expectNone();
  });

  test("a prime: dashboard, self-assessment start page, its report, invitations", async ({ page }) => {
    test.setTimeout(budget({ pages: 18 }));
    const { check, expectNone } = checker();
    const ids = await workingWell(page);
    await actAs(page, CASTLEGATE);
    await check(page, "prime dashboard");
    await visit(page, `/contracts/${ids.contract}/primes/${ids.castlegate}/self-assessment`);
    await check(page, "self-assessment start page");
    await visit(page, `/contracts/${ids.contract}/report`);
    await expect(page).toHaveURL(/\/primes\/.+\/report/);
    await check(page, "prime report as the prime");
    await showCycle(page, CLOSED);
    await page.getByText("Add an action").click();
    await check(page, "prime report as the prime, with the action form");
    await page.getByRole("link", { name: "Reply to your partners" }).click();
    await check(page, "the prime's reply page");
    await visit(page, `/contracts/${ids.contract}/primes/${ids.castlegate}/report/pack`);
    await showCycle(page, CLOSED);
    await check(page, "meeting pack report as the prime");
    await visit(page, `/contracts/${ids.contract}/primes/${ids.castlegate}/report/notes`);
    await check(page, "partners' notes as the prime");
    await visit(page, `/contracts/${ids.contract}/invitations`);
    await check(page, "invitations as the prime");
    expectNone();
  });

  test("evidence, verification and levels: as the commissioner and as the prime", async ({ page, db }) => {
    test.setTimeout(budget({ pages: 16 }));
    const { check, expectNone } = checker();
    const world = await createWorld(db);
    const selfAssessment = await createAssessment(db, {
      contractId: world.contract.id,
      cycleId: world.cycle.id,
      primeId: world.prime.id,
      respondentOrgId: world.prime.id,
      perspective: "prime",
      answers: answersAt("prime", "best"),
      submittedAt: new Date(),
    });
    await createEvidence(db, { assessmentId: selfAssessment.id, principleKey: "fair-payment", kind: "pdf" });
    const evidence = `/evidence/${selfAssessment.id}`;

    await actFor(page, world.council);
    await visit(page, evidence);
    await check(page, "evidence, verification and level as the commissioner");
    await visit(page, `${evidence}/principles/fair-payment`);
    await check(page, "a principle's verification as the commissioner");
    await page.getByLabel(/^More evidence needed/).check();
    await page.getByRole("button", { name: "Record verdict" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "a principle's verification as the commissioner, with an error");
    await page.getByLabel("Comment for the prime").fill("Send the March payment run.");
    await page.getByRole("button", { name: "Record verdict" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await check(page, "a principle's verification, with its history");
    await visit(page, evidence);
    await page.getByLabel("Publish it on the public register").check();
    await page.getByRole("button", { name: /^Confirm “/ }).click();
    await expect(page.getByText("Confirmed level:")).toBeVisible();
    await check(page, "evidence with a confirmed level");
    await visit(page, "/register");
    await expect(page.getByRole("row", { name: new RegExp(world.prime.name) })).toBeVisible();
    await check(page, "register of levels, with a level");

    await actFor(page, world.prime);
    await visit(page, `${evidence}/principles/fair-payment`);
    await check(page, "a principle's verification as the prime");
    await page.getByRole("button", { name: "Send response" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "a principle's verification as the prime, with an error");
    const other = await createWorld(db);
    await actFor(page, other.prime);
    await visit(
      page,
      `/contracts/${other.contract.id}/primes/${other.prime.id}/evidence?cycle=${other.cycle.id}`,
    );
    await check(page, "evidence and verification before a self-assessment");
    expectNone();
  });

  test("a commissioner: dashboard, contracts, a contract, reports", async ({ page }) => {
    test.setTimeout(budget({ pages: 28 }));
    const { check, expectNone } = checker();
    const ids = await workingWell(page);
    await visit(page, "/dashboard");
    await check(page, "commissioner dashboard");
    await visit(page, "/contracts");
    await check(page, "contracts");
    await visit(page, "/contracts/new");
    await check(page, "new contract");
    await page.getByRole("button", { name: "Create contract" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "new contract, with errors");
    await visit(page, "/contracts/import");
    await check(page, "import a contract");
    await page
      .getByLabel("Upload an OCDS file")
      .setInputFiles(path.resolve("lib/ocds/fixtures/not-json.txt"));
    await page.getByRole("button", { name: "Import" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "import a contract, with an error");
    await visit(page, `/contracts/${ids.contract}`);
    await page.getByText("Add a partner").click();
    await page.getByText("Open a new cycle").click();
    await check(page, "contract, with its forms opened");
    await visit(page, `/contracts/${ids.contract}/invitations`);
    await check(page, "invitations");
    await visit(page, `/contracts/${ids.contract}/report`);
    await check(page, "contract report");
    await showCycle(page, CLOSED);
    await check(page, "contract report, closed cycle");
    await visit(page, `/contracts/${ids.contract}/primes/${ids.meridian}/report`);
    await showCycle(page, CLOSED);
    await check(page, "prime report as the commissioner");
    await visit(page, `/contracts/${ids.contract}/primes/${ids.meridian}/report/pack`);
    await showCycle(page, CLOSED);
    await check(page, "meeting pack report as the commissioner");
    await visit(page, `/contracts/${ids.contract}/primes/${ids.meridian}/report/notes`);
    await check(page, "partners' notes as the commissioner");
    await visit(page, "/reports");
    await check(page, "programme report");
    await showCycle(page, CLOSED);
    await check(page, "programme report, closed cycle");
    expectNone();
  });

  test("a signed-in administrator: account, members, API keys, activity, delete", async ({ page }) => {
    test.setTimeout(budget({ pages: 12 }));
    const { check, expectNone } = checker();
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill("asha.patel@riverside.example");
    await page.getByLabel("Password", { exact: true }).fill("chainwise demo password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await check(page, "your account");
    for (const [name, url] of [
      ["members", "/account/members"],
      ["API keys", "/account/api-keys"],
      ["activity", "/account/activity"],
      ["delete your account", "/account/delete"],
    ] as const) {
      await visit(page, url);
      await check(page, name);
    }
    await visit(page, "/account/members");
    await page.getByRole("link", { name: "Remove Asha Patel" }).click();
    await check(page, "remove a member");
    await visit(page, "/account/api-keys");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "API keys, with an error");
    expectNone();
  });

  test("a commissioner's administrator: the release page, with an error, and after a release", async ({
    page,
    db,
    baseURL,
  }) => {
    test.setTimeout(budget({ pages: 8 }));
    const { check, expectNone } = checker();
    const world = await createWorld(db, { partners: 3, submitted: 3 });
    await db.organisation.update({
      where: { id: world.council.id },
      data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
    });
    await db.cycle.update({ where: { id: world.cycle.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const url = baseURL ?? "";
    await signInAs(page, await createPerson(db, url, { organisation: world.council }), url);
    await visit(page, "/reports/releases");
    await check(page, "release partners' figures");
    await page.getByRole("button", { name: "Release now" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "release partners' figures, with an error");
    await page.getByLabel("I understand that released figures are published for good").check();
    await page.getByRole("button", { name: "Release now" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await check(page, "release partners' figures, released");
    await visit(page, `/contracts/${world.contract.id}/primes/${world.prime.id}/report`);
    await check(page, "prime report with its released scopes");
    expectNone();
  });

  test("an operator: merging organisations, found and with errors", async ({ page, db, baseURL }) => {
    test.setTimeout(budget({ pages: 4 }));
    const { check, expectNone } = checker();
    const url = baseURL ?? "";
    const operator = await createPerson(db, url);
    await db.user.update({ where: { id: operator.id }, data: { operator: true } });
    const tag = `Crawlmerge ${Date.now().toString(36)}`;
    await newPrime(db, `${tag} Ltd`);
    await newPrime(db, `${tag} Limited`);
    await signInAs(page, operator, url);
    await visit(page, "/operator/organisations");
    await check(page, "merge organisations");
    await visit(page, `/operator/organisations?q=${encodeURIComponent(tag)}`);
    await check(page, "merge organisations, found");
    await page.getByRole("button", { name: "Merge" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "merge organisations, with errors");
    expectNone();
  });

  test("a prime's evidence and its self-assessment locked at release, its versions, as the prime and the commissioner", async ({
    page,
    db,
  }) => {
    test.setTimeout(budget({ pages: 14 }));
    const { check, expectNone } = checker();
    const world = await createWorld(db, { partners: 3, submitted: 3 });
    const self = await createAssessment(db, {
      contractId: world.contract.id,
      cycleId: world.cycle.id,
      primeId: world.prime.id,
      respondentOrgId: world.prime.id,
      perspective: "prime",
      answers: answersAt("prime", "best"),
      submittedAt: new Date(Date.now() - 3_600_000),
    });
    await createEvidence(db, { assessmentId: self.id, principleKey: "fair-payment", kind: "pdf" });
    await actFor(page, world.prime);
    await visit(page, `/evidence/${self.id}`);
    await check(page, "evidence, before release");
    await page.getByRole("button", { name: "Remove file" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "evidence, remove with an error");
    await releaseWorld(db, world);
    await visit(page, `/evidence/${self.id}`);
    await check(page, "evidence, locked at release");
    await visit(page, `/assessments/${self.id}`);
    await check(page, "self-assessment locked at release");
    await visit(page, `/self-assessments/${self.id}`);
    await check(page, "self-assessment versions, as the prime");
    await visit(page, `/assessments/${self.id}`);
    await page.getByRole("button", { name: "Start a new version" }).click();
    await expect(page.getByText("This is version 2")).toBeVisible();
    await check(page, "task list of a version after release");
    await actFor(page, world.council);
    await visit(page, `/self-assessments/${self.id}`);
    await check(page, "self-assessment versions, as the commissioner");
    expectNone();
  });

  test("invitation pages: valid, signed in to accept, used, expired", async ({ page, browser, db }) => {
    test.setTimeout(budget({ pages: 20 }));
    const { check, expectNone } = checker();
    const world = await createWorld(db);
    const contractId = world.contract.id;
    const reader = `reader.${world.contract.reference.toLowerCase()}@fernhill.example`;
    await actFor(page, world.council);
    await visit(page, `/contracts/${contractId}/invitations`);
    await page.getByLabel("Their email address").fill(reader);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await check(page, "invitations, with errors");
    await page.getByLabel(world.partner.name, { exact: true }).check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toContainText(reader);
    await check(page, "invitations, one sent");
    await page.goto(`/dev/outbox?to=${encodeURIComponent(reader)}`);
    const link = (await page.content()).match(/\/invitations\/[A-Za-z0-9_-]{43}/)?.[0] ?? "";
    expect(link).not.toBe("");

    const invitee: BrowserContext = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": newClientAddress() },
    });
    const own = await invitee.newPage();
    await visit(own, link);
    await check(own, "invitation, signed out");
    await own.getByRole("link", { name: "Create an account" }).click();
    await own.getByLabel("Full name").fill("Rowan Reader");
    await own.getByLabel("Email address").fill(reader);
    await own.getByLabel("Create a password").fill(PASSWORD);
    await own.getByRole("button", { name: "Create account" }).click();
    await expect(own.getByRole("button", { name: "Accept and start" })).toBeVisible();
    await check(own, "invitation, signed in");
    await own.getByRole("button", { name: "Accept and start" }).click();
    await expect(own).toHaveURL(/\/assessments\//);
    await visit(own, link);
    await check(own, "invitation, used");
    await invitee.close();

    // A link that has expired: no page can make one, so a second server reads a database that has one.
    const folder = mkdtempSync(path.join(tmpdir(), "chainwise-expired-"));
    try {
      const database = `pglite:${folder}`;
      const token = execFileSync("npx", ["tsx", "tests/e2e/support/expired-invitation.ts"], {
        env: { ...process.env, DATABASE_URL: database },
        encoding: "utf8",
      }).trim();
      const server = await startSecondServer(secondPort(5), {
        DATABASE_URL: database,
        SEED_DEMO_DATA: "never",
      });
      try {
        await visit(page, `${server.url}/invitations/${token}`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation has expired");
        await check(page, "invitation, expired");
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expectNone();
  });

  test("the page shown while the database cannot be reached", async ({ page }) => {
    const { check, expectNone } = checker();
    const server = await startSecondServer(
      secondPort(6),
      { DATABASE_URL: "postgres://chainwise:secret@127.0.0.1:1/nowhere" },
      { databaseUp: false },
    );
    try {
      const response = await page.goto(`${server.url}/dashboard`);
      expect(response?.status()).toBe(503);
      await check(page, "service unavailable");
    } finally {
      await server.stop();
    }
    expectNone();
  });
});
