import { writeFile } from "node:fs/promises";
import iconv from "iconv-lite";
import { BUDGET, budget } from "./support/budget";
import { councilsNotice, importFile } from "./support/notices";
import { errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createPerson, newCommissioner, signInAs } from "./support/world";

/** A file of `megabytes` MB in the test's output folder: JSON-looking, but only its size matters. */
async function bigFile(name: string, megabytes: number): Promise<string> {
  const file = test.info().outputPath(name);
  await writeFile(file, `{"releases":[${" ".repeat(megabytes * 1024 * 1024)}]}`);
  return file;
}

test("a file over the limit is refused before it is sent, with the limit named beside the field", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 3 }));
  await actFor(page, await newCommissioner(db));
  await page.goto("/contracts/import");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.getByLabel("Upload an OCDS file").setInputFiles(await bigFile("sixty.json", 60));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(errorSummary(page)).toContainText("This file is 60.0 MB, which is over the 50 MB limit.");
  await expect(page.locator("#field-file-error")).toContainText("over the 50 MB limit");
  expect(posts).toEqual([]);
});

test("without JavaScript, a file over the limit comes back to the form with the limit named", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 3 }));
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await actFor(page, await newCommissioner(db));
  await page.goto("/contracts/import");
  await page.getByLabel("Upload an OCDS file").setInputFiles(await bigFile("sixty.json", 60));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/contracts\/import\?too-large$/);
  await expect(errorSummary(page)).toContainText("The file was over the 50 MB limit.");
  await expect(page.locator("#field-file-error")).toContainText("over the 50 MB limit");
  await context.close();
});

test("without JavaScript, the server refuses a file just over the limit, beside the field", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 3 }));
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await actFor(page, await newCommissioner(db));
  await page.goto("/contracts/import");
  // Within the request's limit (51 MB, for the form's other fields), over the file's: the action says so.
  const file = test.info().outputPath("just-over.json");
  await writeFile(file, `{"releases":[${" ".repeat(50 * 1024 * 1024 + 512 * 1024)}]}`);
  await page.getByLabel("Upload an OCDS file").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(errorSummary(page)).toContainText("This file is 50.5 MB, which is over the 50 MB limit.");
  await expect(page.locator("#field-file-error")).toContainText("over the 50 MB limit");
  await context.close();
});

test("a large file that turns out not to be readable is refused on its import's page, beside the field", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 4 }) + BUDGET.job);
  await actFor(page, await newCommissioner(db));
  // Over the size read in the request (1 MB), so the worker reads it: cut short, as a failed download is.
  const file = test.info().outputPath("cut-short.json");
  await writeFile(file, `{"releases":[${'{"ocid":"ocds-x","tag":["tender"]},'.repeat(40_000)}{"ocid":"ocds`);
  await page.goto("/contracts/import");
  await page.getByLabel("Upload an OCDS file").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/contracts\/import\/[a-z0-9]+$/);
  await expect(errorSummary(page)).toContainText("This file is not valid JSON: it ends too soon, at line 1", {
    timeout: BUDGET.job,
  });
  await expect(page.locator("#field-file-error")).toContainText("cut short while downloading");
  await expect(page.getByRole("heading", { name: "Nothing was imported" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a Windows-1252 file imports with its accents and curly quotes, and the result says how it was read", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 3 }));
  const council = await newCommissioner(db);
  await actFor(page, council);
  const title = "Café Wellbeing – “Early Help” Service";
  const { text } = await councilsNotice(council.name, (t) =>
    t.replaceAll("Community Wellbeing and Early Help Service", title),
  );
  const file = test.info().outputPath("windows-1252.json");
  await writeFile(file, iconv.encode(text, "windows-1252"));
  await importFile(page, file);
  await expect(page.getByRole("list", { name: "Imported", exact: true }).getByRole("link")).toHaveText(title);
  await expect(page.getByRole("list", { name: "Notes" })).toContainText("read as Windows-1252");
});

test("a council whose notices name it differently records the buyer's identifier, then imports them", async ({
  page,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 8, axe: 2 }));
  const url = baseURL ?? "";
  const council = await newCommissioner(db);
  await signInAs(page, await createPerson(db, url, { organisation: council }), url);
  const { file, buyerId } = await councilsNotice(`${council.name} (Procurement)`);
  await importFile(page, file);
  await expect(page.getByRole("list", { name: "Not imported" })).toContainText(
    `an administrator can add ${buyerId} on your organisation's page`,
  );

  await page.goto("/account");
  await page.getByRole("link", { name: "Your organisation's identifiers" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Identifier").fill("Council 12");
  await page.getByRole("button", { name: "Add identifier" }).click();
  await expect(errorSummary(page)).toContainText("Enter the identifier as published");
  await expect(page.getByLabel("Identifier")).toHaveValue("Council 12");
  await page.getByLabel("Identifier").fill(buyerId.toLowerCase());
  await page.getByRole("button", { name: "Add identifier" }).click();
  await expect(page.getByRole("status")).toContainText(
    `${buyerId} is recorded as one of ${council.name}'s identifiers.`,
  );
  await expect(page.getByRole("list", { name: "Identifiers" })).toContainText(buyerId);

  await importFile(page, file);
  await expect(page.getByRole("heading", { name: "1 contract imported" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("without JavaScript an import shows its own page, and checking again shows what it did", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(budget({ pages: 4 }) + BUDGET.job);
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const council = await newCommissioner(db);
  await actFor(page, council);
  await page.goto("/contracts/import");
  await page.getByLabel("Upload an OCDS file").setInputFiles((await councilsNotice(council.name)).file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/contracts\/import\/[a-z0-9]+$/);
  // The page says how far the import has got; following its link is how to see more.
  const result = page.getByRole("heading", { level: 2, name: "1 contract imported" });
  await expect(async () => {
    const again = page.getByRole("link", { name: "Check progress again" });
    if ((await again.count()) > 0) await again.click();
    await expect(result).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: BUDGET.job });
  await expect(page.getByRole("list", { name: "Imported", exact: true })).toContainText(
    "Community Wellbeing and Early Help Service",
  );
  await context.close();
});
