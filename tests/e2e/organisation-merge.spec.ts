import { budget } from "./support/budget";
import { errorSummary } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { createPerson, createWorld, newPrime, signInAs } from "./support/world";

/**
 * An operator merges two records of one prime (issue 14; docs/decisions/0027) with JavaScript off:
 * a form that is not filled in, or a merge the rules refuse, comes back with an error summary and
 * the message beside the field, the choices kept; a merge moves the duplicate's contract.
 */
test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("an operator merges two records of one prime; mistakes are named beside the field", async ({
    page,
    baseURL,
    db,
  }) => {
    test.setTimeout(budget({ pages: 8 }));
    const url = baseURL ?? "";
    const operator = await createPerson(db, url);
    await db.user.update({ where: { id: operator.id }, data: { operator: true } });
    // A name of this test's own: the worker's database is shared by its specs.
    const tag = `Mergetest ${Date.now().toString(36)}`;
    const world = await createWorld(db, { partners: 1 });
    await db.organisation.update({ where: { id: world.prime.id }, data: { name: `${tag} Services Ltd` } });
    const kept = await newPrime(db, `${tag} Services`);

    await signInAs(page, operator, url);
    await page.goto("/account");
    await page.getByRole("link", { name: "Merge organisations that are the same" }).click();
    await page.getByLabel("Find organisations by name or identifier").fill(tag);
    await page.getByRole("button", { name: "Search" }).click();
    // axe needs JavaScript: the accessibility crawl checks this page (accessibility.spec.ts).
    await expect(page.getByRole("heading", { name: `2 organisations matching “${tag}”` })).toBeVisible();

    await page.getByRole("button", { name: "Merge" }).click();
    await expect(errorSummary(page)).toContainText("Choose the organisation to keep");
    await expect(errorSummary(page)).toContainText("Choose the duplicate to merge into it");
    await expect(page.locator("#field-keptId-error")).toContainText("Choose the organisation to keep");

    // The same one twice: refused, and what was chosen is still chosen.
    const keep = page.getByRole("group", { name: "Organisation to keep" });
    const duplicate = page.getByRole("group", { name: "Duplicate to merge into it" });
    await keep.getByLabel(`${tag} Services (prime`).check();
    await duplicate.getByLabel(`${tag} Services (prime`).check();
    await page.getByRole("button", { name: "Merge" }).click();
    await expect(errorSummary(page)).toContainText("An organisation cannot be merged into itself.");
    await expect(page.locator("#field-duplicateId-error")).toContainText("cannot be merged into itself");
    await expect(keep.getByLabel(`${tag} Services (prime`)).toBeChecked();

    await duplicate.getByLabel(`${tag} Services Ltd (prime`).check();
    await page.getByRole("button", { name: "Merge" }).click();
    await expect(page.getByRole("status")).toContainText(
      `everything the duplicate had is ${tag} Services's now`,
    );
    expect(await db.organisation.count({ where: { id: world.prime.id } })).toBe(0);
    expect(await db.contractPrime.count({ where: { contractId: world.contract.id, primeId: kept.id } })).toBe(
      1,
    );
  });
});

test("the merge page is for operators only", async ({ page, baseURL, db }) => {
  test.setTimeout(budget({ pages: 1 }));
  const url = baseURL ?? "";
  await signInAs(page, await createPerson(db, url), url);
  expect((await page.goto("/operator/organisations?q=Castlegate"))?.status()).toBe(404);
});
