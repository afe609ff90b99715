import { budget } from "./support/budget";
import { answerPage, errorSummary, saveAndContinue } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createWorld } from "./support/world";

/**
 * One person with the same page open in two tabs: the second save is refused with a clear message,
 * what they typed in it is still on the page, and nothing of it is stored until they save again.
 */
test("a save from a stale tab is refused with a clear message, and nothing of it is stored", async ({
  page,
  context,
  db,
}) => {
  test.setTimeout(budget({ pages: 12 }));
  const { prime, partner } = await createWorld(db);
  await actFor(page, partner);
  await page.getByRole("link", { name: `Rate ${prime.name}` }).click();
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("link", { name: "Sharing risk fairly" }).click();
  await expect(page.getByText("Principle 1 of 5")).toBeVisible();
  const url = page.url();

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByText("Principle 1 of 5")).toBeVisible();

  // The first tab saves every answer as the first option.
  await answerPage(page);
  await saveAndContinue(page);
  await expect(page.getByText("Principle 2 of 5")).toBeVisible();

  // The second, opened before that save, picks the last options and saves: refused.
  const questions = other.locator("form fieldset");
  for (let i = 0; i < (await questions.count()); i++) {
    const text = questions.nth(i).locator('input[type="text"]');
    if ((await text.count()) > 0) await text.fill("99");
    else await questions.nth(i).locator('input[type="radio"], input[type="checkbox"]').last().check();
  }
  await saveAndContinue(other);
  await expect(errorSummary(other)).toContainText("changed somewhere else (perhaps in another tab)");
  await expect(other.locator("form fieldset").first().locator("input").last()).toBeChecked();

  // What is stored is the first tab's page.
  await page.goto(url);
  await expect(page.locator("form fieldset").first().locator("input").first()).toBeChecked();
  await expect(page.locator("form fieldset").first().locator("input").last()).not.toBeChecked();

  // Saving again from the second tab, now that it has the latest revision, is accepted.
  await saveAndContinue(other);
  await expect(other.getByText("Principle 2 of 5")).toBeVisible();
  await page.goto(url);
  await expect(page.locator("form fieldset").first().locator("input").last()).toBeChecked();
});
