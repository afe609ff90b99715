import path from "node:path";
import type { Browser } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { answersAt } from "../support/answers";
import { createEvidence } from "../support/evidence-factory";
import { createAssessment } from "../support/factories";
import { budget } from "./support/budget";
import { errorSummary } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { createPerson, createWorld, type Org, releaseWorld, signInAs, type World } from "./support/world";

const fixture = (name: string) => path.resolve("tests/fixtures/evidence", name);
const PAYING = "Paying fairly and on time";

/** A world whose prime has submitted its self-assessment, with one file of evidence on paying fairly. */
async function reviewedWorld(db: PrismaClient, options: Parameters<typeof createWorld>[1] = {}) {
  const world = await createWorld(db, options);
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
  return { world, assessmentId: selfAssessment.id };
}

async function signedIn(browser: Browser, db: PrismaClient, url: string, organisation: Org) {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await signInAs(page, await createPerson(db, url, { organisation }), url);
  return { context, page };
}

const reportPath = (world: World) => `/contracts/${world.contract.id}/primes/${world.prime.id}/report`;

test("the commissioner downloads the evidence, asks for more on one principle, the prime responds with a file, it is verified, and the level is confirmed and published", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 26 }));
  const url = baseURL ?? "";
  // Three partners have rated the prime, so their figures can be released (at the lowest threshold, 3).
  const { world, assessmentId } = await reviewedWorld(db, { partners: 3, submitted: 3 });
  const council = await signedIn(browser, db, url, world.council);
  const prime = await signedIn(browser, db, url, world.prime);

  // From the prime's report, the council opens its evidence and downloads the file.
  await council.page.goto(reportPath(world));
  await council.page.getByRole("link", { name: "Evidence and verification" }).click();
  await expect(council.page).toHaveURL(new RegExp(`/evidence/${assessmentId}$`));
  const href = await council.page.getByRole("link", { name: "payment-run.pdf" }).getAttribute("href");
  const download = await council.page.request.get(href ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);

  // It asks for more evidence on paying fairly.
  const review = council.page.getByRole("table", { name: "Verification by principle" });
  await review.getByRole("link", { name: PAYING }).click();
  await expect(council.page.getByRole("heading", { level: 1, name: PAYING })).toBeVisible();
  await council.page.getByLabel(/^More evidence needed/).check();
  await council.page.getByRole("button", { name: "Record verdict" }).click();
  await expect(errorSummary(council.page)).toContainText("Say what is missing or wrong");
  await expect(council.page.getByLabel(/^More evidence needed/)).toBeChecked();
  await council.page.getByLabel("Comment for the prime").fill("Send the payment-run report for March too.");
  await council.page.getByRole("button", { name: "Record verdict" }).click();
  await expect(council.page.getByRole("status")).toContainText("Your verdict has been recorded");

  // The prime reads the request beside its evidence, and responds with another file.
  await prime.page.goto(`/evidence/${assessmentId}`);
  const row = prime.page
    .getByRole("table", { name: "Verification by principle" })
    .getByRole("row", { name: new RegExp(PAYING) });
  await expect(row).toContainText("More evidence needed");
  await row.getByRole("link", { name: PAYING }).click();
  await expect(prime.page.getByText("Send the payment-run report for March too.")).toBeVisible();
  await prime.page
    .getByLabel("Your response")
    .fill("March's run is attached: every invoice paid in 14 days.");
  await prime.page.getByLabel("Add a file of evidence (optional)").setInputFiles(fixture("invoices.csv"));
  await prime.page.getByRole("button", { name: "Send response" }).click();
  await expect(prime.page.getByRole("status")).toContainText("Your response has been sent");
  await expect(prime.page.getByRole("link", { name: "invoices.csv" })).toBeVisible();

  // The council reads the response and the new file, then verifies the principle.
  await council.page.goto(`/evidence/${assessmentId}`);
  const councilRow = council.page
    .getByRole("table", { name: "Verification by principle" })
    .getByRole("row", { name: new RegExp(PAYING) });
  await expect(councilRow).toContainText("The prime has responded");
  await councilRow.getByRole("link", { name: PAYING }).click();
  await expect(council.page.getByText("March's run is attached")).toBeVisible();
  await expect(council.page.getByRole("link", { name: "invoices.csv" })).toBeVisible();
  await council.page.getByLabel(/^Verified/).check();
  await council.page.getByRole("button", { name: "Record verdict" }).click();
  await expect(council.page.getByRole("status")).toContainText("Your verdict has been recorded");
  // The whole history stays, in order.
  await expect(council.page.getByRole("list", { name: "History" }).getByRole("listitem")).toHaveText([
    /More evidence needed/,
    /response/,
    /Verified/,
  ]);

  await prime.page.goto(`/evidence/${assessmentId}`);
  await expect(row).toContainText("Verified");

  // The other four principles were verified the same way; the cycle closes and partners' figures are released.
  await db.verificationEntry.createMany({
    data: ["risk-sharing", "capacity-building", "good-faith", "data-sharing"].map((principleKey) => ({
      assessmentId,
      principleKey,
      verdict: "VERIFIED" as const,
      text: "",
    })),
  });
  await releaseWorld(db, world);

  // The council sees the level the published rule gives, confirms it and publishes it.
  await council.page.goto(`/evidence/${assessmentId}`);
  const councilLevel = council.page.getByRole("region", { name: `Level for ${world.cycle.name}` });
  await expect(councilLevel).toContainText("The published rule gives now: Meets the code");
  await councilLevel.getByLabel("Publish it on the public register").check();
  await councilLevel.getByRole("button", { name: "Confirm “Meets the code”" }).click();
  await expect(councilLevel).toContainText("Confirmed level: Meets the code");
  await expect(councilLevel).toContainText("Published on the public register.");
  // The rule it was worked by is published, with its minimum per principle.
  await councilLevel.getByRole("link", { name: "published rule" }).click();
  await expect(council.page.getByRole("region", { name: "Levels" })).toContainText(
    "the minimum for a principle is 60 to meet the code and 40 to meet it with conditions",
  );

  // The prime sees it too, and downloads its dated statement.
  await prime.page.goto(`/evidence/${assessmentId}`);
  const primeLevel = prime.page.getByRole("region", { name: `Level for ${world.cycle.name}` });
  await expect(primeLevel).toContainText("Confirmed level: Meets the code");
  await expect(primeLevel.getByRole("button", { name: /^Confirm/ })).toHaveCount(0);
  const statementHref = await primeLevel
    .getByRole("link", { name: "Download the statement of this level (PDF)" })
    .getAttribute("href");
  const statement = await prime.page.request.get(statementHref ?? "");
  expect(statement.status()).toBe(200);
  expect(statement.headers()["content-type"]).toBe("application/pdf");
  expect(statement.headers()["content-disposition"]).toMatch(
    /^attachment; filename="level-statement-.*\d{4}-\d{2}-\d{2}\.pdf"/,
  );
  expect((await statement.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Anyone, signed in or not, reads it on the register: the level and its date, no figure.
  const visitor = await browser.newContext({ baseURL: url });
  const register = await visitor.newPage();
  await register.goto("/register");
  const line = register.getByRole("row", { name: new RegExp(world.prime.name) });
  await expect(line).toContainText(world.contract.title);
  await expect(line).toContainText("Meets the code");
  for (const p of [council, prime]) await p.context.close();
  await visitor.close();
});

test("a partner, another prime and another council find neither the review nor its forms", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 8 }));
  const url = baseURL ?? "";
  const { world, assessmentId } = await reviewedWorld(db);
  const other = await createWorld(db);
  for (const org of [world.partner, other.prime, other.council]) {
    const stranger = await signedIn(browser, db, url, org);
    for (const where of [
      `/evidence/${assessmentId}/principles/fair-payment`,
      `/contracts/${world.contract.id}/primes/${world.prime.id}/evidence?cycle=${world.cycle.id}`,
    ]) {
      // Asked for directly (the browser would log the refusal as a console error).
      expect((await stranger.page.request.get(where)).status(), `${org.name} at ${where}`).toBe(404);
    }
    await stranger.context.close();
  }
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("the verdict and the response still work, and what was typed survives an error", async ({
    browser,
    baseURL,
    db,
  }) => {
    test.setTimeout(budget({ pages: 8 }));
    const url = baseURL ?? "";
    const { world, assessmentId } = await reviewedWorld(db);
    const council = await signedIn(browser, db, url, world.council);
    await council.page.goto(`/evidence/${assessmentId}/principles/fair-payment`);
    await council.page.getByLabel("Comment for the prime").fill("The policy is unsigned.");
    await council.page.getByRole("button", { name: "Record verdict" }).click();
    await expect(errorSummary(council.page)).toContainText("Choose your verdict on this principle");
    await expect(council.page.getByLabel("Comment for the prime")).toHaveValue("The policy is unsigned.");
    await council.page.getByLabel(/^Not verified/).check();
    await council.page.getByRole("button", { name: "Record verdict" }).click();
    await expect(council.page.getByRole("status")).toContainText("Your verdict has been recorded");

    const prime = await signedIn(browser, db, url, world.prime);
    await prime.page.goto(`/evidence/${assessmentId}/principles/fair-payment`);
    await prime.page.getByLabel("Your response").fill("Signed copy attached.");
    await prime.page.getByLabel("Add a file of evidence (optional)").setInputFiles(fixture("program.exe"));
    await prime.page.getByRole("button", { name: "Send response" }).click();
    await expect(prime.page.locator("#field-file-error")).toContainText(
      "is a program, whatever its name says",
    );
    await expect(prime.page.getByLabel("Your response")).toHaveValue("Signed copy attached.");
    await prime.page.getByRole("button", { name: "Send response" }).click();
    await expect(prime.page.getByRole("status")).toContainText("Your response has been sent");
    for (const p of [council, prime]) await p.context.close();
  });
});
