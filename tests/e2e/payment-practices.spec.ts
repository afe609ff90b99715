import { readFile, writeFile } from "node:fs/promises";
import { budget } from "./support/budget";
import { errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { createPerson, newPrime, signInAs } from "./support/world";

test("an operator imports the government's payment practices file; a bad line is named and nothing stored", async ({
  page,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 5, axe: 1 }));
  const url = baseURL ?? "";
  const operator = await createPerson(db, url);
  await db.user.update({ where: { id: operator.id }, data: { operator: true } });
  // Report ids and a company number of this test's own: the worker's database is shared by its specs.
  const tag = String(Date.now() % 1e7).padStart(7, "0");
  const prime = await newPrime(db, `Anvil ${tag} Services Ltd`);
  await db.organisationIdentifier.create({
    data: { organisationId: prime.id, scheme: "GB-COH", value: `1${tag}` },
  });
  const csv = (await readFile("lib/payment-practices/fixtures/payment-practices.csv", "utf8"))
    .replaceAll(/^9000(\d)/gm, `${tag}$1`)
    .replaceAll("04567123", `1${tag}`);
  const good = test.info().outputPath("payment-practices.csv");
  const bad = test.info().outputPath("payment-practices-bad.csv");
  await writeFile(good, csv);
  await writeFile(bad, csv.replace("SC123456", "not a number"));

  await signInAs(page, operator, url);
  await page.goto("/account");
  await page.getByRole("link", { name: "Import payment practices reports" }).click();
  await expectNoAxeViolations(page);

  await page.getByLabel("Upload the payment practices CSV").setInputFiles(bad);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(errorSummary(page)).toContainText("Line 3: “Company number”");
  expect(await db.paymentPracticeReport.count({ where: { reportId: { startsWith: tag } } })).toBe(0);

  await page.getByLabel("Upload the payment practices CSV").setInputFiles(good);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toContainText("4 new reports imported; 0 already held.");
  await expect(page.getByRole("status")).toContainText(
    `Primes with reports in this file: Anvil ${tag} Services Ltd.`,
  );
});

test("the payment practices page is for operators only", async ({ page, baseURL, db }) => {
  test.setTimeout(budget({ pages: 1 }));
  const url = baseURL ?? "";
  await signInAs(page, await createPerson(db, url), url);
  expect((await page.goto("/operator/payment-practices"))?.status()).toBe(404);
});
