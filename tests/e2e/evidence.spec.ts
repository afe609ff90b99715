import { copyFile } from "node:fs/promises";
import path from "node:path";
import { answersAt } from "../support/answers";
import { createAssessment } from "../support/factories";
import { budget } from "./support/budget";
import { errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { createPerson, createWorld, signInAs } from "./support/world";

const fixture = (name: string) => path.resolve("tests/fixtures/evidence", name);

test("a prime uploads a PDF and a spreadsheet, a renamed program is refused, and only the commissioner can download them", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 14, axe: 1 }));
  const url = baseURL ?? "";
  const world = await createWorld(db, { partners: 1 });
  const selfAssessment = await createAssessment(db, {
    contractId: world.contract.id,
    cycleId: world.cycle.id,
    primeId: world.prime.id,
    respondentOrgId: world.prime.id,
    perspective: "prime",
    answers: answersAt("prime", "best"),
    submittedAt: new Date(),
  });
  const person = async (organisation: typeof world.prime) => {
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    await signInAs(page, await createPerson(db, url, { organisation }), url);
    return { context, page };
  };

  const prime = await person(world.prime);
  await prime.page.goto(`/assessments/${selfAssessment.id}/confirmation`);
  await prime.page.getByRole("link", { name: "Add evidence for your answers" }).click();
  await expectNoAxeViolations(prime.page);
  const upload = async (principle: string, file: string) => {
    await prime.page.getByLabel(principle).check();
    await prime.page.getByLabel("File", { exact: true }).setInputFiles(file);
    await prime.page.getByRole("button", { name: "Upload" }).click();
  };
  await upload("Paying fairly and on time", fixture("payment-run.pdf"));
  await expect(prime.page.getByRole("status")).toContainText("payment-run.pdf has been added as evidence.");
  await upload("Sharing risk fairly", fixture("fees.xlsx"));
  await expect(prime.page.getByRole("status")).toContainText("fees.xlsx has been added as evidence.");

  const disguised = test.info().outputPath("payment-run-march.pdf");
  await copyFile(fixture("program.exe"), disguised);
  await upload("Paying fairly and on time", disguised);
  await expect(errorSummary(prime.page)).toContainText(
    "“payment-run-march.pdf” is a program, whatever its name says. Upload a PDF, Word, Excel, OpenDocument, CSV, PNG or JPEG file.",
  );
  await expect(prime.page.getByRole("table", { name: "Evidence files" }).getByRole("row")).toHaveCount(3);

  // The commissioner downloads a file: an attachment, of the kind judged at upload.
  const council = await person(world.council);
  await council.page.goto(`/evidence/${selfAssessment.id}`);
  await expect(council.page.getByRole("heading", { name: "Add evidence" })).toHaveCount(0);
  const href = await council.page.getByRole("link", { name: "payment-run.pdf" }).getAttribute("href");
  const download = await council.page.request.get(href ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="payment-run.pdf"/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // A partner of the prime finds neither the page nor the file.
  const partner = await person(world.partner);
  expect((await partner.page.goto(`/evidence/${selfAssessment.id}`))?.status()).toBe(404);
  expect((await partner.page.request.get(href ?? "")).status()).toBe(404);
  for (const p of [prime, council, partner]) await p.context.close();
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("a prime still uploads evidence, and a refused file is named beside the field", async ({
    page,
    baseURL,
    db,
  }) => {
    test.setTimeout(budget({ pages: 5 }));
    const url = baseURL ?? "";
    const world = await createWorld(db, { partners: 1 });
    const selfAssessment = await createAssessment(db, {
      contractId: world.contract.id,
      cycleId: world.cycle.id,
      primeId: world.prime.id,
      respondentOrgId: world.prime.id,
      perspective: "prime",
      answers: answersAt("prime", "best"),
      submittedAt: new Date(),
    });
    await signInAs(page, await createPerson(db, url, { organisation: world.prime }), url);
    await page.goto(`/evidence/${selfAssessment.id}`);
    await page.getByLabel("Paying fairly and on time").check();
    await page.getByLabel("File", { exact: true }).setInputFiles(fixture("program.exe"));
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.locator("#field-file-error")).toContainText("is a program, whatever its name says");
    await page.getByLabel("Paying fairly and on time").check();
    await page.getByLabel("File", { exact: true }).setInputFiles(fixture("invoices.csv"));
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("status")).toContainText("invoices.csv has been added as evidence.");
  });
});
