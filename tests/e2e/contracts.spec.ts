import path from "node:path";
import { budget } from "./support/budget";
import { councilsNotice, importFile } from "./support/notices";
import { actAs, errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, newCommissioner, newPrime } from "./support/world";

test("a commissioner creates a contract, adds a partner to the roster and opens a cycle", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 10 }));
  // A council and a prime of the test's own, so no other test finds this contract.
  const council = await newCommissioner(db);
  const prime = await newPrime(db);
  const partner = `Youth Mentors of ${council.name}`;
  await actFor(page, council);
  await page.getByRole("link", { name: "Your contracts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your contracts" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Create a contract" }).click();

  await page.getByLabel("Contract title").fill("Northmoor Youth Justice Partnership");
  await page.getByLabel("Start date").fill("2027-04-01");
  await page.getByLabel("End date (optional)").fill("2026-04-01");
  await page.getByRole("button", { name: "Create contract" }).click();
  await expect(errorSummary(page)).toContainText("Enter the contract reference");
  await expect(errorSummary(page)).toContainText("Choose the contract's value");
  await expect(errorSummary(page)).toContainText("Choose the kind of service the contract buys");
  await expect(errorSummary(page)).toContainText("Enter the prime contractor's name");
  await expect(page.getByLabel("Contract title")).toHaveValue("Northmoor Youth Justice Partnership");
  await expectNoAxeViolations(page);

  await page.getByLabel("Your reference").fill("NCC-2027-002");
  await page.getByLabel("£1m–£10m").check();
  await page.getByLabel("Justice and probation").check();
  await page.getByLabel("End date (optional)").fill("2030-03-31");
  await page.getByLabel("Prime contractor", { exact: true }).fill(prime.name);
  await page.getByRole("button", { name: "Create contract" }).click();
  await expect(page.getByRole("status")).toContainText("Contract created");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Northmoor Youth Justice Partnership");
  await expect(page.getByRole("definition").filter({ hasText: "Justice and probation" })).toBeVisible();

  await page.getByText("Add a partner").click();
  await page.getByLabel("Partner organisation's name").fill(partner);
  await page.getByLabel("Voluntary, community or social enterprise").check();
  await page.getByLabel("Micro (under £100k a year)").check();
  await page.getByRole("group", { name: "Was it named in the prime's bid?" }).getByLabel("Yes").check();
  await page.getByLabel("Delivering", { exact: true }).check();
  // A number the register does not use is refused beside its field, and nothing typed is lost.
  await page.getByLabel("Charity Commission for England and Wales").check();
  await page.getByLabel("Charity or company number").fill("SC012345");
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(errorSummary(page)).toContainText("is not a Charity Commission for England and Wales number");
  await expect(page.getByLabel("Partner organisation's name")).toHaveValue(partner);
  const charityNumber = `1${String(Date.now()).slice(-6)}`;
  await page.getByLabel("Charity or company number").fill(charityNumber);
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("status")).toContainText(`${partner} added to the supply chain`);
  const registered = await db.organisationIdentifier.findUnique({
    where: { scheme_value: { scheme: "GB-CHC", value: charityNumber } },
    select: { organisation: { select: { name: true } } },
  });
  expect(registered?.organisation.name).toBe(partner);
  const partners = page.getByRole("list", { name: `Partners of ${prime.name}` });
  await expect(partners).toContainText(partner);
  await expect(partners.getByLabel(/Rates the prime/)).toBeChecked();

  // A period no other test uses: its cycles on every contract share one version.
  const period = `2027–28 ${Date.now().toString(36)}`;
  await page.getByText("Open a new cycle").click();
  await page.getByLabel("Cycle name").fill(period);
  await page.getByLabel("Opens on").fill("2027-10-01");
  await page.getByLabel("Closes at the end of").fill("2028-01-31");
  // The period's version is offered first: the newest, for a period no cycle uses yet.
  await expect(page.getByRole("radio", { name: /^The version its period already uses/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Version 2.0 (newest)" })).not.toBeChecked();
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByRole("list", { name: "Rating cycles" })).toContainText(
    `${period}: 1 October 2027 to 31 January 2028, questions version 2.0`,
  );
  await expectNoAxeViolations(page);
});

test("a commissioner imports a contract from a Contracts Finder file, and a broken file changes nothing", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 8 }));
  const council = await newCommissioner(db);
  await actFor(page, council);
  await page.goto("/contracts/import");
  await expectNoAxeViolations(page);

  // A small file is read in the request: refused at once, beside its field, with where it goes wrong.
  await page.getByLabel("Upload an OCDS file").setInputFiles(path.resolve("lib/ocds/fixtures/not-json.txt"));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(errorSummary(page)).toContainText("there is a problem at line 7, column 1");
  await expect(page).toHaveURL(/\/contracts\/import$/);
  await expect(page.locator("#field-file-error")).toContainText("not valid JSON");
  await expectNoAxeViolations(page);
  await page.goto("/contracts");
  const before = await page.getByRole("list", { name: "Your contracts" }).getByRole("listitem").count();

  // Another council's notice is refused; the council's own is imported, each in the background.
  await importFile(page, path.resolve("lib/ocds/fixtures/contracts-finder-award.json"));
  await expect(page.getByRole("list", { name: "Not imported" })).toContainText(
    `The buyer in this notice is Northmoor County Council (GB-CFS-204871), not ${council.name}.`,
  );
  await importFile(page, (await councilsNotice(council.name)).file);
  await expect(page.getByRole("heading", { name: "1 contract imported" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Imported", exact: true }).getByRole("listitem")).toHaveCount(
    1,
  );
  // The exact value published is kept beside its band.
  await page.getByRole("link", { name: "Community Wellbeing and Early Help Service" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "£4,250,000 (£1m–£10m)" })).toBeVisible();
  // Placed by its CPV code, 85320000 social services.
  await expect(
    page.getByRole("definition").filter({ hasText: "Community and family support" }),
  ).toBeVisible();
  await page.goto("/contracts");
  await expect(page.getByRole("list", { name: "Your contracts" }).getByRole("listitem")).toHaveCount(
    before + 1,
  );
});

test("a prime and a partner cannot reach a commissioner's contract pages", async ({ page }) => {
  await actAs(page, "Castlegate Employment Services Ltd");
  for (const url of ["/contracts", "/contracts/new", "/contracts/import"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  await actAs(page, "Riverside Community Trust");
  expect((await page.goto("/contracts"))?.status()).toBe(404);
});
