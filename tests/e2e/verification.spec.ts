import path from "node:path";
import type { Browser } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { answersAt } from "../support/answers";
import { createEvidence } from "../support/evidence-factory";
import { createAssessment } from "../support/factories";
import { budget } from "./support/budget";
import { errorSummary } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { createPerson, createWorld, type Org, signInAs, type World } from "./support/world";

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

test("the commissioner downloads the evidence, asks for more on one principle, the prime responds with a file, then it is verified", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 16 }));
  const url = baseURL ?? "";
  const { world, assessmentId } = await reviewedWorld(db);
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
  const row = prime.page.getByRole("row", { name: new RegExp(PAYING) });
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
  await expect(council.page.getByRole("row", { name: new RegExp(PAYING) })).toContainText(
    "The prime has responded",
  );
  await council.page.getByRole("link", { name: PAYING }).first().click();
  await expect(council.page.getByText("March's run is attached")).toBeVisible();
  await expect(council.page.getByRole("link", { name: "invoices.csv" })).toBeVisible();
  await council.page.getByLabel(/^Verified/).check();
  await council.page.getByRole("button", { name: "Record verdict" }).click();
  await expect(council.page.getByRole("status")).toContainText("Your verdict has been recorded");
  // The whole history stays, in order.
  await expect(
    council.page.getByRole("listitem").filter({ hasText: /More evidence needed|response|Verified/ }),
  ).toHaveText([/More evidence needed/, /response/, /Verified/]);

  await prime.page.goto(`/evidence/${assessmentId}`);
  await expect(prime.page.getByRole("row", { name: new RegExp(PAYING) })).toContainText("Verified");
  for (const p of [council, prime]) await p.context.close();
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
      expect((await stranger.page.goto(where))?.status(), `${org.name} at ${where}`).toBe(404);
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
